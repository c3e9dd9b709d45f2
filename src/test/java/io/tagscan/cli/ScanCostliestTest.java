package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagscan scan --focus}: the ten costliest noncompliant resources in the terminal table and
 * on the HTML page, the same ranking as the Markdown page's.
 */
class ScanCostliestTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";
  private static final String ENDPOINT =
      "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn-predictor";
  private static final List<String> NONCOMPLIANT =
      List.of(
          "arn:aws:s3:::anycompany-scratch",
          "arn:aws:sagemaker:eu-west-1:111122223333:feature-group/recsys-clicks",
          "arn:aws:sagemaker:eu-west-1:111122223333:processing-job/recsys-features-20261121",
          "arn:aws:sagemaker:us-east-1:111122223333:model/churn-xgb",
          "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/fraud-explore",
          "arn:aws:ec2:us-east-1:444455556666:instance/i-0f9e8d7c6b5a40312",
          "arn:aws:ec2:us-east-1:444455556666:volume/vol-0123456789abcdef0",
          "arn:aws:lambda:us-east-1:444455556666:function:forecast-refresh",
          "arn:aws:logs:us-east-1:444455556666:log-group:/aws/sagemaker/Endpoints/forecast-live",
          "arn:aws:rds:us-east-1:444455556666:db:forecast-db",
          "arn:aws:sagemaker:us-east-1:444455556666:endpoint/forecast-live");

  @TempDir Path dir;
  private Path focus;

  /** The i-th noncompliant resource costs i + 0.5; a compliant one costs more than all. */
  @BeforeEach
  void export() throws IOException {
    StringBuilder csv =
        new StringBuilder("ResourceId,BilledCost,EffectiveCost,BillingCurrency,SubAccountId\n");
    csv.append(ENDPOINT).append(",1000,1000,USD,111122223333\n");
    for (int i = 0; i < NONCOMPLIANT.size(); i++) {
      csv.append(NONCOMPLIANT.get(i)).append(',').append(i + 1).append(".5,0,USD,\n");
    }
    focus = dir.resolve("ranked.csv");
    Files.writeString(focus, csv);
  }

  /** The ARNs of the ten costliest, the costliest first. */
  private static List<String> expected() {
    List<String> out = new ArrayList<>();
    for (int rank = NONCOMPLIANT.size(); rank > 1; rank--) {
      out.add(NONCOMPLIANT.get(rank - 1));
    }
    return out;
  }

  @Test
  void listsTheTenCostliestNoncompliantResourcesInTheTerminalTable() {
    Environment wide =
        new Environment(
            false, false, Map.of("COLUMNS", "200"), Clock.fixed(CliRun.NOW, ZoneOffset.UTC));

    CliRun run =
        CliRun.run(
            wide, "scan", "--inventory", EXAMPLE, "--focus", focus.toString(), "--format", "table");

    String out = run.out();
    String section = out.substring(out.indexOf("\nNoncompliant resources, costliest first:\n"));
    List<String> rows = section.lines().skip(2).takeWhile(line -> line.startsWith("  ")).toList();
    assertThat(rows).hasSize(10);
    List<String> expected = expected();
    for (int i = 0; i < 10; i++) {
      int rank = NONCOMPLIANT.size() - i;
      assertThat(rows.get(i).strip()).startsWith(rank + ".5 USD  " + expected.get(i) + "  ");
    }
    assertThat(section).doesNotContain(ENDPOINT).doesNotContain(" 1.5 USD");
  }

  @Test
  void listsTheSameRankingOnTheHtmlPageAsOnTheMarkdownPage() throws IOException {
    Path out = dir.resolve("reports");
    CliRun.run(
        "scan",
        "--inventory",
        EXAMPLE,
        "--focus",
        focus.toString(),
        "--format",
        "html,markdown",
        "-o",
        out.toString());

    String html = Files.readString(out.resolve("tagscan-report.html"));
    String section =
        html.substring(
            html.indexOf("<h2>Noncompliant resources, costliest first</h2>"),
            html.indexOf("</section>", html.indexOf("<section class=\"s-costliest\">")));
    List<String> arns = new ArrayList<>();
    Matcher row =
        Pattern.compile("<tr><td>([^<]*)</td><td>[^<]*</td><td class=\"n\">([^<]*)</td>")
            .matcher(section);
    List<String> amounts = new ArrayList<>();
    while (row.find()) {
      arns.add(row.group(1));
      amounts.add(row.group(2));
    }
    assertThat(arns).containsExactlyElementsOf(expected());
    assertThat(amounts).first().isEqualTo("11.5");
    String page = Files.readString(out.resolve("tagscan-summary.md"));
    String ranking = page.substring(page.indexOf("### Noncompliant resources, costliest first"));
    List<String> markdown =
        ranking.lines().skip(4).takeWhile(line -> line.startsWith("| ")).toList();
    for (int i = 0; i < 10; i++) {
      assertThat(markdown.get(i)).startsWith("| " + arns.get(i).replace("_", "\\_") + " | ");
    }
  }

  @Test
  void leavesTheTableAndPageWithoutTheRankingWhenNothingIsPriced() throws IOException {
    Path out = dir.resolve("plain");
    CliRun run =
        CliRun.run("scan", "--inventory", EXAMPLE, "--format", "html,table", "-o", out.toString());

    assertThat(run.out()).doesNotContain("costliest");
    assertThat(Files.readString(out.resolve("tagscan-report.html"))).doesNotContain("costliest");
  }

  /** The findings table's rows of one resource, each row's cells' text. */
  private static List<List<String>> findingRows(String html, String arn) {
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr data-severity=[^>]*>(.*?)</tr>").matcher(html);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1));
      while (cell.find()) {
        cells.add(cell.group(1));
      }
      if (cells.get(2).equals(arn)) {
        rows.add(cells);
      }
    }
    return rows;
  }

  @Test
  void showsEachPricedResourcesCostInTheHtmlFindingsTableAndNothingForTheOthers()
      throws IOException {
    Path export = dir.resolve("one.csv");
    Files.writeString(
        export,
        "ResourceId,BilledCost,EffectiveCost,BillingCurrency,SubAccountId\n"
            + NONCOMPLIANT.get(0)
            + ",-2.50,0,USD,\n");
    Path out = dir.resolve("priced");
    CliRun.run(
        "scan",
        "--inventory",
        EXAMPLE,
        "--focus",
        export.toString(),
        "--format",
        "html",
        "-o",
        out.toString());

    String html = Files.readString(out.resolve("tagscan-report.html"));
    assertThat(html)
        .contains(
            "<thead><tr><th>Account</th><th>Region</th><th>Resource</th><th>Type</th>"
                + "<th class=\"n\">Cost</th><th>Severity</th>");
    List<List<String>> priced = findingRows(html, NONCOMPLIANT.get(0));
    assertThat(priced)
        .isNotEmpty()
        .allSatisfy(cells -> assertThat(cells.get(4)).isEqualTo("-2.50 USD"));
    List<List<String>> unpriced = findingRows(html, NONCOMPLIANT.get(1));
    assertThat(unpriced).isNotEmpty().allSatisfy(cells -> assertThat(cells.get(4)).isEmpty());
    assertThat(unpriced.get(0)).hasSize(10);
  }

  @Test
  void leavesTheHtmlFindingsTableWithoutACostColumnWhenNothingIsPriced() throws IOException {
    Path out = dir.resolve("plain");
    CliRun.run("scan", "--inventory", EXAMPLE, "--format", "html", "-o", out.toString());

    String html = Files.readString(out.resolve("tagscan-report.html"));
    assertThat(html).doesNotContain("<th class=\"n\">Cost</th>");
    assertThat(findingRows(html, NONCOMPLIANT.get(0)))
        .isNotEmpty()
        .allSatisfy(cells -> assertThat(cells).hasSize(9));
  }

  @Test
  void showsEachPricedResourcesCostBesideItInTheTerminalTable() {
    Environment wide =
        new Environment(
            false, false, Map.of("COLUMNS", "200"), Clock.fixed(CliRun.NOW, ZoneOffset.UTC));

    String out =
        CliRun.run(
                wide,
                "scan",
                "--inventory",
                EXAMPLE,
                "--focus",
                focus.toString(),
                "--format",
                "table",
                "--table-limit",
                "100")
            .out();

    String findings = out.substring(0, out.indexOf("\nNoncompliant resources, costliest first:"));
    assertThat(findings)
        .contains(NONCOMPLIANT.get(0) + "  s3:bucket  1.5 USD\n")
        .contains(NONCOMPLIANT.get(3) + "  sagemaker:model  111122223333  us-east-1  4.5 USD\n");
  }
}
