package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagscan scan --focus}: the summary's unallocatable spend, per cost-allocation key and per
 * account, in the JSON summary, Markdown, HTML and the terminal summary, with hostile currencies
 * escaped in each.
 */
class ScanUnallocatableTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";
  private static final String ENV = "anycompany:workload:environment";
  private static final String CENTER = "anycompany:finance:cost-center";
  private static final String NOTEBOOK =
      "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/fraud-explore";
  private static final String HOSTILE = "<i>X</i>\u202E";

  @TempDir Path dir;
  private Path focus;

  @BeforeEach
  void export() throws IOException {
    focus = dir.resolve("focus.csv");
    // The notebook carries environment 'prod' (not allowed); the scratch bucket, in no account,
    // lacks the cost center; the endpoint is compliant, billed in a hostile currency.
    Files.writeString(
        focus,
        "ResourceId,BilledCost,EffectiveCost,BillingCurrency,SubAccountId\n"
            + NOTEBOOK
            + ",7.5,7.5,USD,111122223333\n"
            + "arn:aws:s3:::anycompany-scratch,2.25,2.25,USD,\n"
            + "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn-predictor,3,3,\""
            + HOSTILE
            + "\",111122223333\n");
  }

  private static JsonNode key(JsonNode spend, String name) {
    for (JsonNode key : spend.get("keys")) {
      if (key.get("key").asText().equals(name)) {
        return key;
      }
    }
    throw new AssertionError("no key " + name);
  }

  @Test
  void putsTheUnallocatableSpendPerKeyAndAccountInTheJsonSummary() throws IOException {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--focus", focus.toString());

    JsonNode spend = new ObjectMapper().readTree(run.out()).at("/summary/unallocatableSpend");
    assertThat(spend.get("priced").toString())
        .isEqualTo(
            "[{\"amount\":\"3\",\"currency\":\""
                + HOSTILE
                + "\"},{\"amount\":\"9.75\",\"currency\":\"USD\"}]");
    JsonNode env = key(spend, ENV);
    assertThat(env.at("/totals/1/amount").asText()).isEqualTo("9.75");
    assertThat(env.at("/totals/0/amount").asText()).isEqualTo("0");
    assertThat(env.at("/byAccount/111122223333/0/amount").asText()).isEqualTo("7.5");
    assertThat(env.at("/byAccount//0/amount").asText()).isEqualTo("2.25");
    JsonNode center = key(spend, CENTER);
    assertThat(center.at("/totals/1/amount").asText()).isEqualTo("2.25");
    assertThat(center.get("byAccount").fieldNames()).toIterable().containsExactly("");
  }

  @Test
  void writesNoUnallocatableSpendWithoutAnExport() throws IOException {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE);

    assertThat(new ObjectMapper().readTree(run.out()).get("summary").has("unallocatableSpend"))
        .isFalse();
  }

  @Test
  void showsItOnTheMarkdownAndHtmlPagesEscaped() throws IOException {
    Path out = dir.resolve("reports");
    CliRun.run(
        "scan",
        "--inventory",
        EXAMPLE,
        "--focus",
        focus.toString(),
        "--format",
        "markdown,html",
        "-o",
        out.toString());

    String page = Files.readString(out.resolve("tagscan-summary.md"));
    assertThat(page)
        .contains("### Unallocatable spend by cost-allocation key")
        .contains("| " + ENV + " | all accounts | 9.75 | USD |")
        .contains("| " + ENV + " | 111122223333 | 7.5 | USD |")
        .contains("| " + CENTER + " | – | 2.25 | USD |")
        .contains("&lt;i&gt;X&lt;/i&gt;")
        .doesNotContain("<i>")
        .doesNotContain("\u202E");
    String html = Files.readString(out.resolve("tagscan-report.html"));
    assertThat(html)
        .contains("<h2>Unallocatable spend by cost-allocation key</h2>")
        .contains(
            "<tr><td>" + ENV + "</td><td>111122223333</td><td class=\"n\">7.5</td><td>USD</td>")
        .contains("&lt;i&gt;X&lt;/i&gt;")
        .doesNotContain("<i>X")
        .doesNotContain("\u202E");
  }

  @Test
  void showsItInTheTerminalSummaryEscaped() {
    Environment wide =
        new Environment(
            false, false, Map.of("COLUMNS", "300"), Clock.fixed(CliRun.NOW, ZoneOffset.UTC));

    CliRun run =
        CliRun.run(
            wide, "scan", "--inventory", EXAMPLE, "--focus", focus.toString(), "--format", "table");

    assertThat(run.out())
        .contains("unallocatable spend, of ")
        .contains("  " + ENV + ": 0 <i>X</i>\\u202E, 9.75 USD (– 2.25 USD; 111122223333 7.5 USD)")
        .contains("  " + CENTER + ": 0 <i>X</i>\\u202E, 2.25 USD (– 2.25 USD)")
        .doesNotContain("\u202E");
  }
}
