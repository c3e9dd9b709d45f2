package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.ScanError;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

class AwsFailuresTest {

  private static AwsServiceException service(int status, String code, String message) {
    AwsServiceException.Builder builder = AwsServiceException.builder().statusCode(status);
    if (code != null) {
      builder.awsErrorDetails(
          AwsErrorDetails.builder().errorCode(code).errorMessage(message).build());
    }
    return builder.build();
  }

  @Test
  void takesTheCodeAndMessageAwsGave() {
    AwsServiceException denied = service(403, "AccessDeniedException", "not allowed");

    assertThat(AwsFailures.error("111111111111", "eu-west-1", "GetResources", denied))
        .isEqualTo(
            new ScanError(
                "111111111111",
                "eu-west-1",
                "GetResources",
                "AccessDeniedException",
                "not allowed"));
  }

  @Test
  void fallsBackToTheHttpStatusWithoutACode() {
    assertThat(AwsFailures.code(service(503, null, null))).isEqualTo("HTTP 503");
  }

  @Test
  void namesAClientSideFailureByItsKind() {
    SdkClientException refused = SdkClientException.create("Unable to execute HTTP request");

    assertThat(AwsFailures.code(refused)).isEqualTo("SdkClientException");
    assertThat(AwsFailures.message(refused)).isEqualTo("Unable to execute HTTP request");
  }

  @Test
  void blamesTheRoleWhenItsCredentialsFailedToRefreshMidScan() {
    StsException expired =
        (StsException)
            StsException.builder()
                .statusCode(403)
                .awsErrorDetails(
                    AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("no").build())
                .build();
    SdkClientException wrapped = SdkClientException.create("Unable to load credentials", expired);

    assertThat(AwsFailures.error("111111111111", "eu-west-1", "GetResources", wrapped))
        .isEqualTo(new ScanError("111111111111", "eu-west-1", "AssumeRole", "AccessDenied", "no"));
  }

  @Test
  void takesUnknownCredentialsOutsideTheHomeRegionForARegionNotEnabled() {
    AwsServiceException unknown = service(400, "UnrecognizedClientException", "invalid token");

    assertThat(AwsFailures.regionNotEnabled(unknown, "ap-east-1", "us-east-1")).isTrue();
    assertThat(AwsFailures.regionNotEnabled(unknown, "us-east-1", "us-east-1")).isFalse();
  }

  @Test
  void takesOptInRequiredForARegionNotEnabledAnywhere() {
    assertThat(
            AwsFailures.regionNotEnabled(
                service(403, "OptInRequired", "opt in"), "us-east-1", "us-east-1"))
        .isTrue();
    assertThat(
            AwsFailures.regionNotEnabled(
                service(403, "AccessDenied", "no"), "ap-east-1", "us-east-1"))
        .isFalse();
  }

  @Test
  void seesThroughFutureWrappers() {
    IllegalStateException cause = new IllegalStateException("bug");

    assertThat(AwsFailures.unwrap(new CompletionException(cause))).isSameAs(cause);
  }
}
