package io.tagscan.inventory.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.cli.CommandLineFactory;
import io.tagscan.cli.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tagscan cost} end to end against live-format Cost Explorer: the real command line and the
 * real {@code costexplorer} client (JSON 1.1, {@code AWSInsightsIndexService.*}) against the
 * loopback server.
 */
class CostCommandWireTest {

  private static final String ENV = "anycompany:workload:environment";
  private static final String CC = "anycompany:finance:cost-center";
  private static final String OWNER = "anycompany:finance:owner";
  private static final ObjectMapper JSON = new ObjectMapper();

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
  void billing() throws IOException {
    aws.reset();
    Files.writeString(
        dir.resolve("d.yaml"),
        """
        version: 1
        prefix: anycompany
        tags:
          - key: anycompany:workload:environment
            cost-allocation: true
            values: { allowed: [dev, test, production] }
          - key: anycompany:finance:cost-center
            cost-allocation: true
            values: { pattern: '^[0-9]{4}$' }
          - key: anycompany:finance:owner
            cost-allocation: true
          - key: anycompany:workload:name
        """);
    aws.costAllocationTags(
        null, "tags-2", List.of(List.of(ENV, "Active", "2026-11-27"), List.of(CC, "Active")));
    aws.costAllocationTags("tags-2", null, List.of(List.of(OWNER, "Inactive", "2026-01-02")));
    aws.costAndUsage(
        ENV,
        null,
        "env-2",
        List.of(
            List.of("production", "111111111111", "100.10"),
            List.of("Production", "111111111111", "20.05")));
    aws.costAndUsage(
        ENV,
        "env-2",
        null,
        List.of(List.of("prod", "222222222222", "3.3"), List.of("", "222222222222", "6.55")));
    aws.costAndUsage(CC, null, null, List.of(List.of("5045", "111111111111", "10")));
  }

  @Test
  void pagesBothCallsJudgesEveryValueAndReportsTheInactiveKey() throws IOException {
    Run run = run("--format", "json", "-o", dir.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode report = JSON.readTree(dir.resolve("tagscan-cost.json").toFile());
    assertThat(report.at("/cost/requests/made").asInt()).isEqualTo(2 + 2 + 1);
    assertThat(report.at("/cost/complete").asBoolean()).isTrue();
    assertThat(report.at("/cost/start").asText()).isEqualTo("2026-10-01");
    assertThat(report.at("/cost/end").asText()).isEqualTo("2026-11-01");
    assertThat(report.path("findings")).hasSize(2);
    assertThat(report.at("/findings/0/rule").asText()).isEqualTo("cost-allocation-tag-unused");
    assertThat(report.at("/findings/0/key").asText()).isEqualTo(CC);
    assertThat(report.at("/findings/1/rule").asText()).isEqualTo("cost-allocation-tag-inactive");
    assertThat(report.at("/findings/1/fix").asText())
        .isEqualTo(
            "aws ce update-cost-allocation-tags-status --cost-allocation-tags-status"
                + " 'TagKey=anycompany:finance:owner,Status=Active'");

    JsonNode env = keyNode(report, ENV);
    assertThat(env.at("/totals/0/valid").asText()).isEqualTo("100.10");
    assertThat(env.at("/totals/0/invalid").asText()).isEqualTo("23.35");
    assertThat(env.at("/totals/0/untagged").asText()).isEqualTo("6.55");
    List<String> verdicts = new ArrayList<>();
    env.path("values")
        .forEach(
            v ->
                verdicts.add(
                    v.path("accountId").asText()
                        + " "
                        + v.path("value").asText("-")
                        + " "
                        + v.path("verdict").asText()
                        + " "
                        + v.path("rule").asText("")));
    assertThat(verdicts)
        .containsExactly(
            "111111111111 Production invalid value-case-mismatch",
            "111111111111 production valid ",
            "222222222222 - untagged ",
            "222222222222 prod invalid value-not-allowed");
    // The inactive key's spend is not asked for: Cost Explorer cannot group by it.
    assertThat(keyNode(report, OWNER).path("values")).isEmpty();
    aws.server.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage"))
            .withRequestBody(matchingJsonPath("$.GroupBy[1].Key", equalTo("LINKED_ACCOUNT")))
            .withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
            .withRequestBody(matchingJsonPath("$.Metrics[0]", equalTo("UnblendedCost"))));
    aws.server.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.ListCostAllocationTags"))
            .withRequestBody(matchingJsonPath("$.Type", equalTo("UserDefined"))));
  }

  @Test
  void aDeniedCallEndsIncompleteAndKeepsTheOtherKeys() throws IOException {
    aws.costAndUsageFails(CC, 400, "AccessDeniedException");

    Run run = run("--format", "json", "-o", dir.toString(), "--fail-on", "never");

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("GetCostAndUsage").contains("AccessDeniedException");
    JsonNode report = JSON.readTree(dir.resolve("tagscan-cost.json").toFile());
    assertThat(report.at("/cost/complete").asBoolean()).isFalse();
    assertThat(report.at("/errors/0/code").asText()).isEqualTo("AccessDeniedException");
    assertThat(keyNode(report, ENV).path("values")).hasSize(4);
  }

  @Test
  void failsAboveTheShareOfUnallocatedSpend() {
    // environment: 29.90 of 130.00 untagged or invalid, exactly 23%; only above it fails.
    Run above = run("--format", "json", "--fail-on", "never", "--fail-above", "22.9");
    assertThat(above.code()).isEqualTo(1);
    assertThat(above.err()).contains("'" + ENV + "' (23.00% of USD spend untagged or invalid)");
    assertThat(run("--format", "json", "--fail-on", "never", "--fail-above", "23").code()).isZero();
  }

  @Test
  void stopsBeforeTheFirstRequestWhenTheRunWouldMakeMoreThanAllowed() {
    Run run = run("--format", "json", "--max-requests", "3");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("at least 4 Cost Explorer requests")
        .contains("--max-requests 3")
        .contains("pass --max-requests 4");
    assertThat(aws.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  private static JsonNode keyNode(JsonNode report, String key) {
    for (JsonNode node : report.path("keys")) {
      if (node.path("key").asText().equals(key)) {
        return node;
      }
    }
    throw new AssertionError("no key " + key + " in " + report);
  }

  private Run run(String... extra) {
    List<String> all = new ArrayList<>();
    all.add("cost");
    all.add("-d");
    all.add(dir.resolve("d.yaml").toString());
    all.add("--endpoint-url");
    all.add(aws.endpoint().toString());
    all.addAll(List.of(extra));
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
