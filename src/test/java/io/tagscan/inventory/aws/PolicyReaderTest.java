package io.tagscan.inventory.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.AccountPolicy;
import io.tagscan.model.ScanError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyReader} on the wire: the real Organizations, STS and Tagging API clients against the
 * loopback server, for DescribeEffectivePolicy, ListEffectivePolicyValidationErrors and
 * ListRequiredTags, each answered, paged and refused.
 */
class PolicyReaderTest {

  private static final String WITH = "111111111111";
  private static final String WITHOUT = "222222222222";
  private static final String POLICY =
      "{\"tags\":{\"costcenter\":{\"tag_key\":\"CostCenter\",\"tag_value\":[\"100\"],"
          + "\"report_required_tag_for\":[\"ec2:ALL_SUPPORTED\"]}}}";

  private static FakeAws aws;

  @BeforeAll
  static void start() {
    aws = new FakeAws();
  }

  @AfterAll
  static void stop() {
    aws.stop();
  }

  @BeforeEach
  void organization() {
    aws.reset();
    aws.callerIdentity(FakeAws.CALLER_ACCOUNT);
    aws.assumeRole(WITH);
    aws.assumeRole(WITHOUT);
    aws.effectivePolicy(WITH, POLICY);
    aws.effectivePolicyFail(WITHOUT, 400, "EffectivePolicyNotFoundException");
    aws.validationErrors(WITH, null, null, List.of());
    aws.validationErrors(WITHOUT, null, null, List.of());
    for (String account : List.of(WITH, WITHOUT)) {
      for (String region : List.of("eu-west-1", "us-east-1")) {
        aws.requiredTags(FakeAws.roleKey(account), region, null, null, Map.of());
      }
    }
  }

  private PolicyReader.Result read() throws InterruptedException {
    AwsOptions options =
        OptionsBuilder.against(aws.endpoint())
            .accounts(WITH, WITHOUT)
            .role("TagAuditor")
            .regions("us-east-1", "eu-west-1")
            .build();
    try (PolicyReader reader = new PolicyReader(options, FakeAws.settings())) {
      return reader.read();
    }
  }

  private static AccountPolicy account(PolicyReader.Result result, String id) {
    return result.accounts().stream()
        .filter(a -> a.account().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsThePolicyOfTheAccountAsItsTargetAndTakesNotFoundForNoPolicy() throws Exception {
    PolicyReader.Result result = read();

    assertThat(result.complete()).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(result.accounts()).extracting(a -> a.account().id()).containsExactly(WITH, WITHOUT);
    assertThat(account(result, WITH).policyContent()).isEqualTo(POLICY);
    assertThat(account(result, WITHOUT).hasPolicy()).isFalse();
    aws.server.verify(
        1,
        FakeAws.organizationsRequests("DescribeEffectivePolicy")
            .withRequestBody(matchingJsonPath("$.TargetId", equalTo(WITHOUT))));
  }

  @Test
  void readsEveryPageOfRequiredTagsInEachRegionThroughTheAccountsRole() throws Exception {
    aws.requiredTags(
        FakeAws.roleKey(WITH),
        "us-east-1",
        null,
        "page-2",
        Map.of("ec2:instance", List.of("CostCenter")));
    aws.requiredTags(
        FakeAws.roleKey(WITH),
        "us-east-1",
        "page-2",
        "page-3",
        Map.of("s3:bucket", List.of("CostCenter", "Owner")));
    aws.requiredTags(
        FakeAws.roleKey(WITH),
        "us-east-1",
        "page-3",
        null,
        Map.of("rds:db", List.of("CostCenter")));

    AccountPolicy with = account(read(), WITH);

    assertThat(with.regionsRead()).containsExactly("eu-west-1", "us-east-1");
    assertThat(with.requiredTags())
        .extracting(AccountPolicy.RequiredTags::resourceType)
        .containsExactly("ec2:instance", "s3:bucket", "rds:db");
    assertThat(with.requiredTags().get(1).keys()).containsExactly("CostCenter", "Owner");
    assertThat(with.requiredTags()).allMatch(r -> r.region().equals("us-east-1"));
    aws.server.verify(
        1,
        FakeAws.requiredTagsRequests()
            .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-3"))));
    aws.server.verify(4 + 2, FakeAws.requiredTagsRequests());
  }

  @Test
  void aRefusedPolicyFailsItsAccountAndTheOthersAreStillRead() throws Exception {
    aws.effectivePolicyFail(WITH, 400, "AccessDeniedException");

    PolicyReader.Result result = read();

    assertThat(result.complete()).isFalse();
    assertThat(result.accountsFailed()).isEqualTo(1);
    assertThat(result.accounts()).extracting(a -> a.account().id()).containsExactly(WITHOUT);
    assertThat(result.errors())
        .containsExactly(
            new ScanError(
                WITH,
                "",
                "DescribeEffectivePolicy",
                "AccessDeniedException",
                "AccessDeniedException"));
  }

  @Test
  void aRefusedRoleFailsItsAccount() throws Exception {
    aws.assumeRoleDenied(WITHOUT);

    PolicyReader.Result result = read();

    assertThat(result.complete()).isFalse();
    assertThat(result.accounts()).extracting(a -> a.account().id()).containsExactly(WITH);
    assertThat(result.errors())
        .extracting(ScanError::accountId, ScanError::operation, ScanError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WITHOUT, "AssumeRole", "AccessDenied"));
    aws.server.verify(
        0,
        FakeAws.requiredTagsRequests()
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.matching(
                    FakeAws.credentialScope(FakeAws.roleKey(WITHOUT), ".*", "tagging"))));
  }

  @Test
  void aRefusedRegionFailsOnlyThatRegion() throws Exception {
    aws.requiredTagsFail(FakeAws.roleKey(WITH), "eu-west-1", 400, "AccessDeniedException");

    PolicyReader.Result result = read();

    assertThat(result.complete()).isFalse();
    assertThat(result.accountsFailed()).isZero();
    assertThat(account(result, WITH).regionsRead()).containsExactly("us-east-1");
    assertThat(account(result, WITH).policyContent()).isEqualTo(POLICY);
    assertThat(result.errors())
        .extracting(ScanError::accountId, ScanError::region, ScanError::operation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WITH, "eu-west-1", "ListRequiredTags"));
  }

  @Test
  void readsEveryPageOfValidationErrors() throws Exception {
    aws.validationErrors(
        WITH, null, "v-2", List.of(List.of("ELEMENTS_TOO_MANY", "too many values", "tags/a")));
    aws.validationErrors(
        WITH, "v-2", null, List.of(List.of("INVALID_SYNTAX", "bad operator", "tags/b")));

    PolicyReader.Result result = read();

    assertThat(result.complete()).isTrue();
    assertThat(account(result, WITH).validationErrors())
        .containsExactly(
            new AccountPolicy.ValidationError("ELEMENTS_TOO_MANY", "too many values", "tags/a"),
            new AccountPolicy.ValidationError("INVALID_SYNTAX", "bad operator", "tags/b"));
  }

  @Test
  void refusedValidationErrorsAreANoteAndTheRunStaysComplete() throws Exception {
    aws.validationErrorsFail(400, "AccessDeniedException");

    PolicyReader.Result result = read();

    assertThat(result.complete()).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(result.notes())
        .extracting(ScanError::accountId, ScanError::operation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WITH, "ListEffectivePolicyValidationErrors"),
            org.assertj.core.groups.Tuple.tuple(WITHOUT, "ListEffectivePolicyValidationErrors"));
    assertThat(account(result, WITH).validationErrors()).isEmpty();
  }
}
