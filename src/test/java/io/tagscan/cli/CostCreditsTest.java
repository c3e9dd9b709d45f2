package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credits and refunds through {@code tagscan cost}: negative amounts from a FOCUS export and from a
 * Cost Explorer file sum exactly, show with their sign in every format, and keep each share of
 * spend between 0 and 100 % even where credits exceed charges.
 */
class CostCreditsTest {

  private static final String CASE = "src/test/resources/cost-credits/";
  private static final String DICTIONARY = CASE + "tag-dictionary.yaml";
  private static final String FOCUS = CASE + "focus.csv";
  private static final String COST_FILE = CASE + "cost-center.json";
  private static final String ENV = "anycompany:workload:environment";
  private static final String CENTER = "anycompany:finance:cost-center";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private static JsonNode totals(JsonNode keys, String name) {
    for (JsonNode key : keys) {
      if (key.get("key").asText().equals(name)) {
        return key.at("/totals/0");
      }
    }
    throw new AssertionError("no key " + name);
  }

  private CliRun run(String... extra) {
    String[] args = new String[extra.length + 5];
    System.arraycopy(new String[] {"cost", "-d", DICTIONARY, "--focus", FOCUS}, 0, args, 0, 5);
    System.arraycopy(extra, 0, args, 5, extra.length);
    return CliRun.run(args);
  }

  @Test
  void sumsCreditsExactlyWithTheirSign() throws IOException {
    CliRun run = run("--cost-file", COST_FILE, "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode report = JSON.readTree(run.out());
    JsonNode env = totals(report.at("/focus/keys"), ENV);
    assertThat(env.get("valid").asText()).isEqualTo("-40.00");
    assertThat(env.get("invalid").asText()).isEqualTo("0.10");
    assertThat(env.get("total").asText()).isEqualTo("-39.90");
    assertThat(report.at("/focus/withoutResourceId/totals/0/amount").asText()).isEqualTo("-0.30");
    JsonNode center = totals(report.get("keys"), CENTER);
    assertThat(center.get("valid").asText()).isEqualTo("-300.25");
    assertThat(center.get("invalid").asText()).isEqualTo("100.5");
    assertThat(center.get("untagged").asText()).isEqualTo("-0.000001");
    assertThat(center.get("total").asText()).isEqualTo("-199.750001");
  }

  @Test
  void keepsEveryShareWithinZeroAndAHundredWhenCreditsExceedCharges() throws IOException {
    CliRun run = run("--cost-file", COST_FILE, "--format", "json");

    JsonNode report = JSON.readTree(run.out());
    // Valid spend is a net credit, so all the net charges are unallocated: 100 %, not 0 or -0.25 %.
    assertThat(totals(report.at("/focus/keys"), ENV).get("unallocatedPercent").asText())
        .isEqualTo("100.00");
    assertThat(totals(report.get("keys"), CENTER).get("unallocatedPercent").asText())
        .isEqualTo("100.00");
  }

  @Test
  void givesAKeyWhoseCreditsCancelItsChargesAShareOfZero() throws IOException {
    Path export = out.resolve("focus.csv");
    Files.writeString(
        export,
        "BillingCurrency,BilledCost,EffectiveCost,ResourceId,SubAccountId,Tags\n"
            + "USD,5,5,arn:aws:s3:::a,111,\"{\"\""
            + ENV
            + "\"\": \"\"Prod\"\"}\"\n"
            + "USD,-5,-5,arn:aws:s3:::a,111,\"{\"\""
            + ENV
            + "\"\": \"\"Prod\"\"}\"\n");

    CliRun run =
        CliRun.run(
            "cost",
            "-d",
            DICTIONARY,
            "--focus",
            export.toString(),
            "--fail-above",
            "0",
            "--format",
            "json");

    assertThat(run.exitCode()).isZero();
    assertThat(
            totals(JSON.readTree(run.out()).at("/focus/keys"), ENV)
                .get("unallocatedPercent")
                .asText())
        .isEqualTo("0.00");
  }

  @Test
  void failsAboveTheShareWhenCreditsOnValidSpendLeaveOnlyInvalidCharges() {
    CliRun run = run("--fail-above", "50", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("'" + ENV + "' (100.00% of USD spend untagged or invalid");
  }

  @Test
  void showsCreditsAsPlainNegativeAmountsInEveryFormat() throws IOException {
    Path reports = out.resolve("reports");
    CliRun run =
        run(
            "--cost-file",
            COST_FILE,
            "--format",
            "csv,markdown,html,table",
            "-o",
            reports.toString());

    assertThat(run.exitCode()).isZero();
    String csv = Files.readString(reports.resolve("tagscan-cost.csv"));
    assertThat(csv)
        .contains(CENTER + ",111122223333,,5045,valid,,-300.25,USD,cost-file\r\n")
        .contains(CENTER + ",111122223333,,,untagged,,-0.000001,USD,cost-file\r\n")
        .contains(ENV + ",111122223333,,production,valid,,-40.00,USD,focus\r\n")
        .contains(",111122223333,,,no-resource-id,,-0.30,USD,focus\r\n")
        .doesNotContain("'-");
    String markdown = Files.readString(reports.resolve("tagscan-cost.md"));
    assertThat(markdown)
        .contains(
            "| "
                + CENTER
                + " | USD | -300.25 | 100.50 | -0.00 | 100.00% |".replace("-0.00", "0.00"))
        .contains("| " + ENV + " | USD | -40.00 | 0.10 | 0.00 | 100.00% |");
    String table = Files.readString(reports.resolve("tagscan-cost.txt"));
    assertThat(table).contains("-300.25").contains("100.0%").doesNotContain("-0.00");
    String html = Files.readString(reports.resolve("tagscan-cost.html"));
    assertThat(html)
        .contains("<td class=\"n\">-40.00</td><td class=\"n\">0.10</td>")
        .doesNotContain("-0.00");
  }
}
