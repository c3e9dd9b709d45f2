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
  void ranksTheTenCostliestNoncompliantResourcesOnTheMarkdownPageAndPricesTheCsv()
      throws IOException {
    // Every noncompliant resource of the example, the i-th costing i dollars; one compliant
    // resource costing more than all of them stays off the ranking.
    List<String> noncompliant =
        List.of(
            "arn:aws:s3:::anycompany-scratch",
            "arn:aws:sagemaker:eu-west-1:111122223333:feature-group/recsys-clicks",
            "arn:aws:sagemaker:eu-west-1:111122223333:processing-job/recsys-features-20261121",
            "arn:aws:sagemaker:us-east-1:111122223333:model/churn-xgb",
            NOTEBOOK,
            "arn:aws:ec2:us-east-1:444455556666:instance/i-0f9e8d7c6b5a40312",
            "arn:aws:ec2:us-east-1:444455556666:volume/vol-0123456789abcdef0",
            "arn:aws:lambda:us-east-1:444455556666:function:forecast-refresh",
            "arn:aws:logs:us-east-1:444455556666:log-group:/aws/sagemaker/Endpoints/forecast-live",
            "arn:aws:rds:us-east-1:444455556666:db:forecast-db",
            "arn:aws:sagemaker:us-east-1:444455556666:endpoint/forecast-live");
    StringBuilder csv =
        new StringBuilder("ResourceId,BilledCost,EffectiveCost,BillingCurrency,SubAccountId\n");
    csv.append(ENDPOINT).append(",1000,1000,USD,111122223333\n");
    for (int i = 0; i < noncompliant.size(); i++) {
      csv.append(noncompliant.get(i)).append(',').append(i + 1).append(".5,0,USD,\n");
    }
    Path focus = dir.resolve("ranked.csv");
    Files.writeString(focus, csv);
    Path out = dir.resolve("reports");

    CliRun run =
        CliRun.run(
            "scan",
            "--inventory",
            EXAMPLE,
            "--focus",
            focus.toString(),
            "--format",
            "markdown,csv",
            "--csv-layout",
            "resources",
            "-o",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FINDINGS.code());
    String page = Files.readString(out.resolve("tagscan-summary.md"));
    String ranking = page.substring(page.indexOf("### Noncompliant resources, costliest first"));
    List<String> rows = ranking.lines().skip(4).takeWhile(line -> line.startsWith("| ")).toList();
    assertThat(rows).hasSize(10);
    for (int i = 0; i < 10; i++) {
      int rank = noncompliant.size() - i;
      assertThat(rows.get(i))
          .startsWith("| " + noncompliant.get(rank - 1).replace("_", "\\_") + " | ")
          .contains(" | " + rank + ".5 | USD | ");
    }
    assertThat(ranking).doesNotContain(ENDPOINT).doesNotContain("| 1.5 |");
    List<String> table = Files.readAllLines(out.resolve("tagscan-resources.csv"));
    assertThat(table.get(0)).contains(",infos,cost,currency,anycompany:");
    assertThat(table).anyMatch(line -> line.contains(ENDPOINT) && line.contains(",1000,USD,"));
    assertThat(table)
        .anyMatch(
            line -> line.contains("anycompany-ml-datasets") && line.contains(",true,0,0,0,,,"));
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
