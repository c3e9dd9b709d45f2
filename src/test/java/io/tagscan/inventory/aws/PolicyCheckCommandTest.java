package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.cli.CommandLineFactory;
import io.tagscan.cli.Environment;
import io.tagscan.golden.GoldenRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tagscan policy check} end to end: the real command line and SDK clients against the
 * loopback server, one account showing every kind of drift, one with no tag policy and one whose
 * role is refused; the JSON report, the terminal table (a golden case) and the exit codes.
 */
class PolicyCheckCommandTest {

  private static final Path CASE = GoldenRunner.ROOT.resolve("policy").resolve("table");
  private static final String DRIFTED = "111111111111";
  private static final String BARE = "222222222222";
  private static final String DENIED = "333333333333";
  private static final String CC = "anycompany:finance:cost-center";

  private static FakeAws aws;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    aws = new FakeAws();
    System.setProperty("aws.accessKeyId", FakeAws.CALLER_KEY);
    System.setProperty("aws.secretAccessKey", "caller-secret-never-printed");
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    aws.stop();
  }

  @BeforeEach
  void organization() {
    aws.reset();
    aws.callerIdentity(FakeAws.CALLER_ACCOUNT);
    aws.assumeRole(DRIFTED);
    aws.assumeRole(BARE);
    aws.assumeRoleDenied(DENIED);
    aws.effectivePolicy(
        DRIFTED,
        """
        {"tags":{
          "anycompany:finance:cost-center":{"tag_key":"Anycompany:Finance:Cost-Center",
            "tag_value":["100","300"],"report_required_tag_for":["ec2:ALL_SUPPORTED"]},
          "anycompany:workload:environment":{"tag_key":"anycompany:workload:environment",
            "tag_value":["dev","production"],"report_required_tag_for":["ec2:instance"]},
          "team":{"tag_key":"Team","report_required_tag_for":["ec2:instance"]}}}
        """);
    aws.effectivePolicyFail(BARE, 400, "EffectivePolicyNotFoundException");
    aws.effectivePolicy(DENIED, "{\"tags\":{}}");
    aws.validationErrors(
        DRIFTED,
        null,
        null,
        List.of(List.of("ELEMENTS_TOO_MANY", "too many values for Team", "tags/team/tag_value")));
    aws.validationErrors(BARE, null, null, List.of());
    aws.validationErrors(DENIED, null, null, List.of());
    aws.requiredTags(
        FakeAws.roleKey(DRIFTED),
        "us-east-1",
        null,
        null,
        Map.of(
            "ec2:instance",
            List.of("Anycompany:Finance:Cost-Center", "anycompany:workload:environment", "Team")));
    aws.requiredTags(FakeAws.roleKey(BARE), "us-east-1", null, null, Map.of());
  }

  @Test
  void reportsEveryKindOfDriftOnTheAccountsInJson() throws IOException {
    Run run = run("--format", "json", "-o", dir.toString(), "--fail-on", "never");

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(dir.resolve("tagscan-report.json").toFile());
    assertThat(report.at("/scan/sources/0").asText()).isEqualTo("policy-check");
    assertThat(report.at("/scan/complete").asBoolean()).isFalse();
    assertThat(report.at("/scan/accounts/requested").asInt()).isEqualTo(3);
    assertThat(report.at("/scan/accounts/failed").asInt()).isEqualTo(1);
    assertThat(report.at("/errors/0/accountId").asText()).isEqualTo(DENIED);
    assertThat(report.at("/errors/0/operation").asText()).isEqualTo("AssumeRole");

    Map<String, JsonNode> resources = new LinkedHashMap<>();
    report.get("resources").forEach(r -> resources.put(r.get("accountId").asText(), r));
    assertThat(resources).containsOnlyKeys(DRIFTED, BARE);
    JsonNode drifted = resources.get(DRIFTED);
    assertThat(drifted.get("resourceType").asText()).isEqualTo("organizations:account");
    assertThat(drifted.get("arn").asText())
        .isEqualTo("arn:aws:organizations::" + DRIFTED + ":account/" + DRIFTED);
    List<String> rules = new ArrayList<>();
    drifted
        .get("findings")
        .forEach(f -> rules.add(f.get("rule").asText() + " " + f.path("key").asText()));
    assertThat(rules)
        .containsExactlyInAnyOrder(
            "tag-policy-missing-required-key " + CC,
            "tag-policy-key-case " + CC,
            "tag-policy-values-differ " + CC,
            "tag-policy-unknown-key Team",
            "tag-policy-validation-error ");
    JsonNode values = finding(drifted, "tag-policy-values-differ");
    assertThat(values.get("message").asText())
        .contains("missing from the policy: '200'")
        .contains("extra in the policy: '300'");
    assertThat(values.get("severity").asText()).isEqualTo("warning");
    assertThat(finding(drifted, "tag-policy-missing-required-key").get("message").asText())
        .contains("does not require it for s3:bucket");
    assertThat(finding(drifted, "tag-policy-key-case").get("value").asText())
        .isEqualTo("Anycompany:Finance:Cost-Center");
    assertThat(finding(drifted, "tag-policy-validation-error").get("message").asText())
        .contains("ELEMENTS_TOO_MANY at tags/team/tag_value");
    JsonNode bare = resources.get(BARE);
    assertThat(bare.get("findings")).hasSize(1);
    assertThat(bare.at("/findings/0/rule").asText()).isEqualTo("tag-policy-missing");
    assertThat(bare.at("/findings/0/severity").asText()).isEqualTo("error");
  }

  @Test
  void failsOnErrorFindingsByDefault() {
    Run run = run("--format", "json");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("the check is incomplete").contains(DENIED + ": AssumeRole");
  }

  @Test
  void aRefusedValidationListingIsANoteAndTheCheckIsComplete() {
    aws.validationErrorsFail(400, "AccessDeniedException");

    Run run = runOn(List.of(DRIFTED, BARE), "--format", "json", "--fail-on", "never");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("tagscan: note: " + DRIFTED + ": ListEffectivePolicyValidationErrors")
        .doesNotContain("incomplete");
  }

  @Test
  void refusesTheOptionsThatChooseResources() {
    Run run = run("--format", "json", "--no-sagemaker");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--no-sagemaker chooses the resources scan reads");
    aws.server.verify(0, FakeAws.requiredTagsRequests());
  }

  @Test
  void printsTheTableAsTheGoldenFilesSay() throws IOException {
    Run run = run("--format", "table");

    Map<String, String> produced = new LinkedHashMap<>();
    produced.put("exit-code.txt", run.code() + "\n");
    produced.put("stdout.txt", run.out());
    produced.put("stderr.txt", run.err());
    GoldenRunner.verify(CASE, Set.of("tag-dictionary.yaml"), produced);
  }

  private static JsonNode finding(JsonNode resource, String rule) {
    for (JsonNode finding : resource.get("findings")) {
      if (finding.get("rule").asText().equals(rule)) {
        return finding;
      }
    }
    throw new AssertionError("no " + rule);
  }

  private Run run(String... args) {
    return runOn(List.of(DRIFTED, BARE, DENIED), args);
  }

  private Run runOn(List<String> accounts, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "policy",
                "check",
                "-d",
                CASE.resolve("tag-dictionary.yaml").toString(),
                "--accounts",
                String.join(",", accounts),
                "--role-name",
                "TagAuditor",
                "--regions",
                "us-east-1",
                "--endpoint-url",
                aws.endpoint().toString(),
                "--region",
                "us-east-1"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        CommandLineFactory.create(
            new Environment(
                false,
                false,
                Map.of(),
                Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC)));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
