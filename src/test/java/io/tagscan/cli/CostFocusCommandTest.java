package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagscan cost --focus}: the split from a FOCUS export's own tags, with no AWS call. */
class CostFocusCommandTest {

  private static final String CASE = "src/test/resources/golden/cost/focus-all-formats/";
  private static final String DICTIONARY = CASE + "tag-dictionary.yaml";
  private static final String FOCUS = CASE + "focus.csv";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private static JsonNode key(JsonNode keys, String name) {
    for (JsonNode key : keys) {
      if (key.get("key").asText().equals(name)) {
        return key;
      }
    }
    throw new AssertionError("no key " + name);
  }

  private static BigDecimal usd(JsonNode totals, String field) {
    for (JsonNode t : totals) {
      if (t.get("currency").asText().equals("USD")) {
        return new BigDecimal(t.get(field).asText());
      }
    }
    throw new AssertionError("no USD in " + totals);
  }

  @Test
  void splitsTheSpendByTheExportsOwnTagsPerAccountAndInTotal() throws IOException {
    CliRun run = CliRun.run("cost", "-d", DICTIONARY, "--focus", FOCUS, "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.at("/cost/source").asText()).isEqualTo("focus");
    assertThat(report.get("keys")).isEmpty();
    JsonNode env = key(report.at("/focus/keys"), "anycompany:workload:environment");
    assertThat(usd(env.get("totals"), "valid")).isEqualByComparingTo("100.005");
    assertThat(usd(env.get("totals"), "invalid")).isEqualByComparingTo("55.75");
    assertThat(usd(env.get("totals"), "untagged")).isEqualByComparingTo("0");
    JsonNode second = env.at("/accounts/1");
    assertThat(second.get("accountId").asText()).isEqualTo("444455556666");
    assertThat(usd(second.get("totals"), "invalid")).isEqualByComparingTo("15.25");
    JsonNode center = key(report.at("/focus/keys"), "anycompany:finance:cost-center");
    assertThat(usd(center.get("totals"), "untagged")).isEqualByComparingTo("10.25");
  }

  @Test
  void showsTheSpendWithNoResourceIdApartFromEveryKey() throws IOException {
    CliRun run = CliRun.run("cost", "-d", DICTIONARY, "--focus", FOCUS, "--format", "json");

    JsonNode report = JSON.readTree(run.out());
    assertThat(report.at("/focus/withoutResourceId/totals/0/amount").asText()).isEqualTo("1.60");
    assertThat(report.at("/focus/withoutResourceId/accounts/1/totals/0/amount").asText())
        .isEqualTo("-1.50");
    // Every USD row with a ResourceId, and none without: 100 + 0.005 + 40.50 + 10.25 + 5.
    JsonNode env = key(report.at("/focus/keys"), "anycompany:workload:environment");
    assertThat(usd(env.get("totals"), "total")).isEqualByComparingTo("155.755");
  }

  @Test
  void makesNoAwsCallWithTheExportAlone() {
    CliRun run =
        CliRun.run(
            "cost",
            "-d",
            DICTIONARY,
            "--focus",
            FOCUS,
            "--endpoint-url",
            "http://127.0.0.1:9",
            "--format",
            "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).doesNotContain("error");
  }

  @Test
  void refusesABadCellWithItsPlaceBeforeWritingAnything() throws IOException {
    Path bad = out.resolve("focus.csv");
    Files.writeString(
        bad,
        "BillingCurrency,BilledCost,EffectiveCost,ResourceId,SubAccountId\n"
            + "USD,1,1,arn:aws:s3:::a,111\n"
            + "USD,1,1e9,arn:aws:s3:::b,111\n");

    CliRun run =
        CliRun.run(
            "cost",
            "-d",
            DICTIONARY,
            "--focus",
            bad.toString(),
            "--format",
            "json",
            "-o",
            out.resolve("reports").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(bad + ":3:7: error: EffectiveCost is not a decimal amount: '1e9'");
    assertThat(out.resolve("reports")).doesNotExist();
  }

  @Test
  void readsCostExplorerFilesAndTheExportSideBySideEachNamingItsSource() throws IOException {
    CliRun run =
        CliRun.run(
            "cost",
            "-d",
            DICTIONARY,
            "--cost-file",
            "src/test/resources/golden/cost/example-all-formats/cost-center.json",
            "--focus",
            FOCUS,
            "--format",
            "json");

    JsonNode report = JSON.readTree(run.out());
    assertThat(report.at("/cost/source").asText()).isEqualTo("cost-file");
    JsonNode fromFile = key(report.get("keys"), "anycompany:finance:cost-center");
    JsonNode fromExport = key(report.at("/focus/keys"), "anycompany:finance:cost-center");
    assertThat(usd(fromFile.get("totals"), "total")).isEqualByComparingTo("1500.50");
    assertThat(usd(fromExport.get("totals"), "total")).isEqualByComparingTo("155.755");
  }
}
