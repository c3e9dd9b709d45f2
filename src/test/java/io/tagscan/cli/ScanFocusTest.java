package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagscan scan --focus}: resources priced from a FOCUS export in the JSON report. */
class ScanFocusTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";
  private static final String FOCUS = "src/test/resources/focus/anycompany-ml.csv";
  private static final String ENDPOINT =
      "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn-predictor";
  private static final String NOTEBOOK =
      "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/fraud-explore";

  @TempDir Path dir;

  private static Map<String, JsonNode> resources(String json) throws IOException {
    Map<String, JsonNode> byArn = new HashMap<>();
    for (JsonNode resource : new ObjectMapper().readTree(json).path("resources")) {
      byArn.put(resource.path("arn").asText(), resource);
    }
    return byArn;
  }

  @Test
  void givesEachResourceTheExportChargesItsSummedBilledCost() throws IOException {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--focus", FOCUS);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FINDINGS.code());
    Map<String, JsonNode> resources = resources(run.out());
    assertThat(resources).hasSize(18);
    assertThat(resources.get(ENDPOINT).path("compliant").asBoolean()).isTrue();
    assertThat(resources.get(ENDPOINT).path("cost").toString())
        .isEqualTo("{\"amount\":\"12.34\",\"currency\":\"USD\"}");
    assertThat(resources.get(NOTEBOOK).path("compliant").asBoolean()).isFalse();
    assertThat(resources.get(NOTEBOOK).path("cost").toString())
        .isEqualTo("{\"amount\":\"7.5\",\"currency\":\"USD\"}");
    assertThat(
            resources.values().stream()
                .filter(resource -> resource.has("cost"))
                .map(resource -> resource.path("arn").asText()))
        .containsExactlyInAnyOrder(ENDPOINT, NOTEBOOK);
  }

  @Test
  void sumsTheEffectiveCostWhenAsked() throws IOException {
    CliRun run =
        CliRun.run(
            "scan", "--inventory", EXAMPLE, "--focus", FOCUS, "--cost-metric", "effectivecost");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FINDINGS.code());
    Map<String, JsonNode> resources = resources(run.out());
    assertThat(resources.get(ENDPOINT).path("cost").path("amount").asText()).isEqualTo("11.04");
    assertThat(resources.get(NOTEBOOK).path("cost").path("amount").asText()).isEqualTo("6.25");
  }

  @Test
  void mergingPricedShardsGivesThePricedWholeReport() throws IOException {
    Environment fixed =
        new Environment(false, false, Map.of(), Clock.fixed(CliRun.NOW, ZoneOffset.UTC));
    List<String> merge = new ArrayList<>(List.of("report", "merge"));
    for (String shard : List.of("1/2", "2/2", "whole")) {
      Path out = dir.resolve(shard.replace('/', '-'));
      List<String> scan =
          new ArrayList<>(
              List.of("scan", "--inventory", EXAMPLE, "--focus", FOCUS, "--format", "json"));
      scan.addAll(List.of("-o", out.toString()));
      if (!shard.equals("whole")) {
        scan.addAll(List.of("--shard", shard));
        merge.add(out.resolve("tagscan-report.json").toString());
      }
      assertThat(CliRun.run(fixed, scan.toArray(String[]::new)).exitCode()).isEqualTo(1);
    }
    merge.addAll(List.of("--format", "json", "-o", dir.resolve("merged").toString()));

    CliRun merged = CliRun.run(fixed, merge.toArray(String[]::new));

    assertThat(merged.exitCode()).as(merged.err()).isZero();
    String whole = Files.readString(dir.resolve("whole/tagscan-report.json"));
    assertThat(whole).contains("\"cost\":{\"amount\":\"12.34\",\"currency\":\"USD\"}");
    assertThat(Files.readString(dir.resolve("merged/tagscan-report.json"))).isEqualTo(whole);
  }

  @Test
  void writesNoCostWithoutAnExport() throws IOException {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE);

    assertThat(resources(run.out()).values()).noneMatch(resource -> resource.has("cost"));
  }

  @Test
  void stopsBeforeWritingAnythingWhenTheExportIsBad() throws IOException {
    Path focus = dir.resolve("bad.csv");
    Files.writeString(
        focus,
        "ResourceId,BilledCost,EffectiveCost,BillingCurrency,SubAccountId\n"
            + ENDPOINT
            + ",1e999999999,1,USD,111122223333\n");
    Path out = dir.resolve("reports");
    CliRun run =
        CliRun.run(
            "scan",
            "--inventory",
            EXAMPLE,
            "--focus",
            focus.toString(),
            "--format",
            "json,csv",
            "-o",
            out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            focus
                + ":2:"
                + (ENDPOINT.length() + 2)
                + ": error: BilledCost is not a decimal"
                + " amount: '1e999999999'\n");
    if (Files.exists(out)) {
      try (Stream<Path> written = Files.list(out)) {
        assertThat(written).isEmpty();
      }
    }
  }

  @Test
  void refusesACostMetricThatIsNotAFocusColumn() {
    CliRun run =
        CliRun.run("scan", "--inventory", EXAMPLE, "--focus", FOCUS, "--cost-metric", "Unblended");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--cost-metric 'Unblended' is not a FOCUS cost column");
  }

  @Test
  void refusesACostMetricWithoutAnExport() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--cost-metric", "BilledCost");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--cost-metric chooses the cost column of --focus exports");
  }
}
