package io.tagscan.inventory.aws;

import static io.tagscan.inventory.aws.FakeAws.page;
import static io.tagscan.inventory.aws.FakeAws.roleKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tagscan.model.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ARN that AWS (or anything answering in its place) returns with an account that is not twelve
 * digits or a region that is not a region name never puts that text in a report as an account or a
 * region: the resource stays with the account and region it was read from.
 */
class HostileArnLiveTest {

  private static final String A = "111111111111";

  private static FakeAws fake;

  @BeforeAll
  static void startAws() {
    fake = new FakeAws();
  }

  @AfterAll
  static void stopAws() {
    fake.stop();
  }

  @BeforeEach
  void resetAws() {
    fake.reset();
  }

  @Test
  void keepsAResourceWithAHostileArnInTheAccountAndRegionItWasReadFrom() {
    fake.assumeRole(A);
    fake.describeAccount(A, "prod", "ACTIVE");
    fake.accountTags(A, Map.of());
    Map<String, Map<String, String>> resources = new LinkedHashMap<>();
    resources.put("arn:aws:ec2:us-east-1:=1+1:instance/i-1", Map.of("env", "prod"));
    resources.put("arn:aws:ec2:<script>:" + A + ":instance/i-2", Map.of());
    resources.put("arn:aws:ec2:us-east-1\r\n:" + A + ":instance/i-3", Map.of());
    resources.put("arn:aws:ec2:us-east-1:" + A + ":instance/i-4", Map.of());
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, resources)));
    RecordingListener listener = new RecordingListener();

    try (LiveScanner scanner =
        new LiveScanner(
            OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A).build(),
            FakeAws.settings())) {
      scanner.scan(listener);
    }

    assertThat(listener.resources())
        .extracting(Resource::arn, Resource::accountId, Resource::region)
        .containsExactlyInAnyOrder(
            tuple("arn:aws:ec2:us-east-1:=1+1:instance/i-1", A, "us-east-1"),
            tuple("arn:aws:ec2:<script>:" + A + ":instance/i-2", A, "us-east-1"),
            tuple("arn:aws:ec2:us-east-1\r\n:" + A + ":instance/i-3", A, "us-east-1"),
            tuple("arn:aws:ec2:us-east-1:" + A + ":instance/i-4", A, "us-east-1"));
  }
}
