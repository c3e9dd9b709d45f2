package io.tagscan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  /** A session token as STS hands them out (shortened, but longer than any request id). */
  static final String SESSION_TOKEN =
      "IQoJb3JpZ2luX2VjEMr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx3Q1s2nZ0bKfZ8Kk2p8Q1l5YgHcV3m0Ge"
          + "Tq7mJ0w1yQIgB9PqY+XfWm2o1uQ0CkQx9fT1z3YyZ5mJ7x4e1nq1R8Iq9gIIk///////////ARAAGgwxMTEx"
          + "MjIyMjMzMzMiDFv0aKzO3b5r5S8BvSrLAvX7Q==";

  static final String ACCESS_KEY_ID = "ASIAQXK3EXAMPLE7ZB4N";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @Test
  void removesSessionTokensAccessKeysAndSecretKeys() {
    String message =
        "The security token included in the request is invalid: "
            + SESSION_TOKEN
            + " (key "
            + ACCESS_KEY_ID
            + ", secret "
            + SECRET_KEY
            + ")";

    String redacted = Secrets.redact(message);

    assertThat(redacted)
        .doesNotContain(SESSION_TOKEN.substring(0, 30))
        .doesNotContain("QXK3EXAMPLE7ZB4N")
        .doesNotContain(SECRET_KEY)
        .isEqualTo(
            "The security token included in the request is invalid: [redacted]"
                + " (key ASIA[redacted], secret [redacted])");
  }

  @Test
  void removesEveryAccessKeyPrefix() {
    for (String prefix : new String[] {"AKIA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA"}) {
      assertThat(Secrets.redact("user " + prefix + "I44QH8DHBEXAMPLE denied"))
          .isEqualTo("user " + prefix + "[redacted] denied");
    }
  }

  @Test
  void removesSignedUrlParametersAndAuthorizationHeaders() {
    String url =
        "https://tagging.us-east-1.amazonaws.com/?Action=GetResources&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261201%2Fus-east-1%2Ftagging%2Faws4_request"
            + "&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEMr%2F%2F%2F%2Fabc%3D"
            + "&X-Amz-Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
            + " and Signature=abcdef0123456789";
    String header =
        "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261201/us-east-1/tagging/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d\n"
            + "next line";

    assertThat(Secrets.redact(url))
        .isEqualTo(
            "https://tagging.us-east-1.amazonaws.com/?Action=GetResources&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=[redacted]&X-Amz-Security-Token=[redacted]"
                + "&X-Amz-Signature=[redacted] and Signature=[redacted]");
    assertThat(Secrets.redact(header)).isEqualTo("Authorization: [redacted]\nnext line");
    assertThat(Secrets.redact("x-amz-security-token: FwoGZXIvYXdzEBYaDHhf"))
        .isEqualTo("x-amz-security-token: [redacted]");
  }

  @Test
  void leavesArnsAccountIdsAndRequestIdsReadable() {
    String message =
        "User: arn:aws:sts::111122223333:assumed-role/TagAuditor/tagscan is not authorized to"
            + " perform: tag:GetResources on resource:"
            + " arn:aws:iam::111122223333:role/audit/VeryLongMixedCaseRoleNameForAuditing2026Q4"
            + " because no identity-based policy allows the tag:GetResources action"
            + " (Service: ResourceGroupsTaggingApi, Status Code: 400,"
            + " Request ID: 3f0b5c2e-9a7d-4c1b-8e2f-6d5a4b3c2d1e) account 444455556666,"
            + " digest 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12";

    assertThat(Secrets.redact(message)).isEqualTo(message);
  }

  @Test
  void keepsNullAndEmptyText() {
    assertThat(Secrets.redact(null)).isNull();
    assertThat(Secrets.redact("")).isEmpty();
  }

  @Test
  void scanErrorsNeverHoldACredential() {
    ScanError error =
        new ScanError(
            "111122223333",
            "eu-west-1",
            "GetResources",
            "InvalidClientTokenId",
            "The security token " + SESSION_TOKEN + " is invalid for " + ACCESS_KEY_ID);

    assertThat(error.message())
        .isEqualTo("The security token [redacted] is invalid for ASIA[redacted]");
    assertThat(error.accountId()).isEqualTo("111122223333");
  }
}
