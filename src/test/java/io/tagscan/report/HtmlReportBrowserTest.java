package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report as a person sees and uses it, in headless Chromium: charts and table shown, each
 * filter narrowing the rows, hostile tag values shown as text and running nothing, and a console
 * with no error and no Content-Security-Policy violation. It finds things by what the page shows
 * (headings, labels, column names), not by its markup, so it keeps guarding a page rendered another
 * way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserTest {

  /** Set by any hostile value below that manages to run. */
  private static final String FLAG = "tagscanPayloadRan";

  private static final String IMG_PAYLOAD = "<img src=x onerror=\"window." + FLAG + "=1\">";
  private static final String SCRIPT_PAYLOAD = "<script>window." + FLAG + "=2</script>";
  private static final String SVG_PAYLOAD = "'><svg onload=\"window." + FLAG + "=3\">";

  /**
   * Installed before the page's own code runs, through the DevTools protocol, which the page's CSP
   * does not govern: records CSP violations, uncaught errors and dialogs a payload might open.
   */
  private static final String WATCHER =
      """
      window.tagscanWatch = { violations: [], errors: [], dialogs: [] };
      document.addEventListener('securitypolicyviolation', function (e) {
        window.tagscanWatch.violations.push(e.violatedDirective + ' blocked ' + e.blockedURI);
      });
      window.addEventListener('error', function (e) {
        window.tagscanWatch.errors.push(String(e.message));
      });
      ['alert', 'confirm', 'prompt', 'print'].forEach(function (name) {
        window[name] = function (text) {
          window.tagscanWatch.dialogs.push(name + ': ' + text);
        };
      });
      """;

  /** The findings table's data rows that are shown, each as its cells' text. */
  private static final String SHOWN_ROWS =
      """
      var table = arguments[0];
      return Array.from(table.tBodies).flatMap(function (body) { return Array.from(body.rows); })
        .filter(function (row) { return row.getClientRects().length > 0; })
        .map(function (row) {
          return Array.from(row.cells).map(function (cell) { return cell.textContent; });
        });
      """;

  /**
   * For each data row of a chart: the percentage one of its cells states, and how full its bar is
   * drawn, as the width of the bar's innermost text-less element over the width of the element
   * around it.
   */
  private static final String BARS =
      """
      var container = arguments[0];
      return Array.from(container.querySelectorAll('tbody tr')).map(function (row) {
        var graphics = Array.from(row.querySelectorAll('*')).filter(function (el) {
          return el.children.length === 0 && el.textContent.trim() === ''
            && el.parentElement.getBoundingClientRect().width > 0;
        });
        var fill = graphics[graphics.length - 1];
        var stated = Array.from(row.cells).map(function (cell) {
          return (cell.textContent.trim().match(/^(\\d+(?:\\.\\d+)?)%$/) || [])[1];
        }).filter(Boolean)[0];
        if (!fill) {
          return { stated: stated, drawn: -1, painted: false };
        }
        var style = getComputedStyle(fill);
        return {
          stated: stated,
          drawn: fill.getBoundingClientRect().width / fill.parentElement.getBoundingClientRect().width,
          painted: style.backgroundColor !== 'rgba(0, 0, 0, 0)' || style.fill !== 'none'
        };
      });
      """;

  private ChromeDriver browser;
  private WebDriverWait wait;
  private GoldenInput input;
  private Path temp;
  private String unavailable;
  private Path report;

  @BeforeAll
  void openOneBrowserForAllChecks(@TempDir Path temp) throws IOException {
    this.temp = temp;
    input =
        withHostileValues(
            GoldenInput.read(
                ReportGoldenTest.CASES.resolve("mixed-hostile").resolve("input.json")));
    report = render(input, temp.resolve("report"));
    unavailable =
        HeadlessChromium.whyUnavailable(
            HeadlessChromium.CHROMIUM, HeadlessChromium.CHROMEDRIVER, System.getenv());
    if (unavailable != null) {
      HeadlessChromium.warnOnBuildOutput(unavailable);
      return;
    }
    browser = HeadlessChromium.start(Files.createDirectories(temp.resolve("profile")));
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCHER));
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void openTheReport() {
    assumeTrue(unavailable == null, unavailable);
    open(report);
  }

  @Test
  void showsTheChartsWithBarsAsFullAsTheirFigures() {
    for (String chart : List.of("Compliance by account", "Tag coverage by key")) {
      List<Map<String, Object>> bars = bars(section(chart));
      assertThat(bars).as("bars of %s", chart).isNotEmpty();
      for (Map<String, Object> bar : bars) {
        assertThat(bar.get("stated")).as("a figure in %s", chart).isNotNull();
        double stated = Double.parseDouble((String) bar.get("stated")) / 100;
        double drawn = ((Number) bar.get("drawn")).doubleValue();
        assertThat(drawn)
            .as("bar of %s stating %s", chart, bar.get("stated"))
            .isCloseTo(stated, within(0.02));
        assertThat(bar.get("painted")).as("bar of %s painted", chart).isEqualTo(true);
      }
    }
    assertThat(section("Compliance by account").getText())
        .contains("111122223333", "555566667777", "25%", "66.67%");
  }

  @Test
  void showsEveryFindingInTheTableAndCountsThem() {
    List<List<String>> rows = shownRows();
    assertThat(rows).hasSize(findings((arn, finding) -> true));
    assertThat(shownCounter()).isEqualTo(rows.size());
    assertThat(column("Rule"))
        .as("the Rule column lists each finding's rule")
        .containsAll(List.of("value-not-allowed", "missing-mandatory-tag", "key-alias"));
  }

  @Test
  void narrowsTheRowsToTheTextTypedCaseBlindAndWidensThemAgainWhenCleared() {
    WebElement text = control("Filter", "input");
    text.sendKeys("I-MISSING");
    int expected = findings((arn, finding) -> arn.contains("i-missing"));
    waitForShownRows(expected);
    assertThat(shownRows())
        .allSatisfy(row -> assertThat(String.join(" ", row)).contains("i-missing"));
    assertThat(shownCounter()).isEqualTo(expected);

    text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    waitForShownRows(findings((arn, finding) -> true));
  }

  @Test
  void narrowsTheRowsToTheSeverityChosen() {
    for (Severity severity : Severity.values()) {
      new Select(control("Severity", "select")).selectByVisibleText(severity.slug());
      int expected = findings((arn, finding) -> finding.severity() == severity);
      waitForShownRows(expected);
      assertThat(column("Severity")).as("severity %s", severity).containsOnly(severity.slug());
      assertThat(shownCounter()).isEqualTo(expected);
    }
    new Select(control("Severity", "select")).selectByVisibleText("all");
    waitForShownRows(findings((arn, finding) -> true));
  }

  @Test
  void narrowsTheRowsToTheRuleChosenAndCombinesFilters() {
    Select rule = new Select(control("Rule", "select"));
    List<String> offered =
        rule.getOptions().stream().map(WebElement::getText).filter(o -> !o.equals("all")).toList();
    assertThat(offered).contains("missing-mandatory-tag", "value-not-allowed");
    for (String slug : offered) {
      rule.selectByVisibleText(slug);
      int expected = findings((arn, finding) -> finding.rule().slug().equals(slug));
      waitForShownRows(expected);
      assertThat(column("Rule")).as("rule %s", slug).containsOnly(slug);
    }

    rule.selectByVisibleText("value-not-allowed");
    control("Filter", "input").sendKeys("i-formula");
    int expected =
        findings(
            (arn, finding) ->
                finding.rule() == RuleId.VALUE_NOT_ALLOWED && arn.contains("i-formula"));
    assertThat(expected).isEqualTo(1);
    waitForShownRows(expected);
    new Select(control("Severity", "select")).selectByVisibleText("warning");
    waitForShownRows(0);
    assertThat(shownCounter()).isZero();
  }

  @Test
  void showsHostileValuesAsTextAndRunsNone() {
    String table = findingsTable().getText();
    assertThat(table).contains(IMG_PAYLOAD, SCRIPT_PAYLOAD, SVG_PAYLOAD.substring(2));
    assertThat(section("Compliance by account").getText())
        .contains("prod <script>alert(1)</script>");

    control("Filter", "input").sendKeys("onerror");
    waitForShownRows(1);

    assertThat(script("return typeof window." + FLAG)).isEqualTo("undefined");
    assertThat(watched("dialogs")).as("dialogs opened").isEmpty();
    assertThat(
            script(
                "return document.querySelectorAll('img, svg, iframe, object, embed, [onerror],"
                    + " [onload]').length"))
        .as("elements a payload would have injected")
        .isEqualTo(0L);
    assertThat(script("return Array.from(document.scripts).map(s => s.text).join('\\n')"))
        .asString()
        .doesNotContain(FLAG)
        .doesNotContain("alert(");
  }

  @Test
  void logsNoErrorAndNoPolicyViolationWhileUsed() {
    control("Filter", "input").sendKeys("anycompany");
    new Select(control("Severity", "select")).selectByVisibleText("error");
    new Select(control("Rule", "select")).selectByVisibleText("missing-mandatory-tag");
    waitForShownRows(
        findings(
            (arn, finding) ->
                finding.severity() == Severity.ERROR
                    && finding.rule() == RuleId.MISSING_MANDATORY_TAG
                    && finding.key().contains("anycompany")));
    assertThat(watched("violations")).as("CSP violations").isEmpty();
    assertThat(watched("errors")).as("uncaught errors").isEmpty();
    assertThat(consoleProblems()).as("console errors and warnings").isEmpty();
  }

  /**
   * The page with its script altered breaks its own CSP hash: the watch above must see that, or its
   * silence on the real page proves nothing.
   */
  @Test
  void wouldSeeAPolicyViolationAndAConsoleError() throws IOException {
    String html = Files.readString(report, StandardCharsets.UTF_8);
    int script = html.indexOf("<script>");
    assertThat(script).as("the page has an inline script").isPositive();
    Path tampered = temp.resolve("tampered.html");
    Files.writeString(
        tampered,
        html.substring(0, script + 8) + "/* changed */" + html.substring(script + 8),
        StandardCharsets.UTF_8);
    open(tampered);
    assertThat(watched("violations")).anyMatch(v -> v.startsWith("script-src"));
    assertThat(consoleProblems()).anyMatch(line -> line.contains("Content Security Policy"));
  }

  // --- The input ---

  /** The golden input with one more resource whose tag values are markup payloads. */
  private static GoldenInput withHostileValues(GoldenInput golden) {
    Map<String, String> tags =
        Map.of(
            "anycompany:finance:owner", IMG_PAYLOAD,
            "anycompany:workload:environment", SCRIPT_PAYLOAD);
    CheckedResource hostile =
        Fixtures.checked(
            "111122223333",
            "eu-west-1",
            "i-payload",
            tags,
            new Finding(
                RuleId.VALUE_NOT_ALLOWED,
                Severity.ERROR,
                "anycompany:finance:owner",
                IMG_PAYLOAD,
                "one of: ops",
                SVG_PAYLOAD,
                "value is not allowed"),
            new Finding(
                RuleId.VALUE_NOT_ALLOWED,
                Severity.ERROR,
                "anycompany:workload:environment",
                SCRIPT_PAYLOAD,
                "one of: dev, test, production",
                "set it to production",
                "value is not allowed"));
    List<CheckedResource> resources = new ArrayList<>(golden.resources());
    resources.add(hostile);
    return new GoldenInput(
        golden.failOn(),
        golden.tableLimit(),
        golden.dictionary(),
        golden.info(),
        golden.accounts(),
        resources,
        golden.errors());
  }

  /** The HTML report of the input, written as a scan writes it. */
  private static Path render(GoldenInput input, Path dir) {
    ReportOptions options =
        new ReportOptions(
            EnumSet.of(ReportFormat.HTML),
            dir,
            CsvLayout.FINDINGS,
            input.failOn(),
            input.tableLimit(),
            false);
    try (ReportPipeline pipeline =
        new ReportPipeline(
            input.dictionary(),
            options,
            new PrintWriter(new StringWriter()),
            Fixtures.tuning(ReportPipeline.Tuning.DEFAULT.runEntries(), 64))) {
      for (Account account : input.accounts()) {
        pipeline.account(account);
      }
      input.resources().forEach(pipeline::accept);
      pipeline.finish(input.info(), input.errors());
    }
    return dir.resolve("tagscan-report.html");
  }

  /** How many findings of the input pass the test, given with the ARN of their resource. */
  private int findings(BiPredicate<String, Finding> test) {
    return (int)
        input.resources().stream()
            .flatMap(
                checked ->
                    checked.findings().stream()
                        .filter(finding -> test.test(checked.resource().arn(), finding)))
            .count();
  }

  // --- The page, as a person finds things on it ---

  private void open(Path page) {
    consoleProblems(); // drops what earlier pages logged
    browser.get(page.toUri().toString());
    wait.until(driver -> "complete".equals(script("return document.readyState")));
  }

  /** The part of the page under the heading that reads {@code heading}. */
  private WebElement section(String heading) {
    return browser.findElement(
        By.xpath(
            "//*[self::h1 or self::h2 or self::h3][normalize-space()='"
                + heading
                + "']/ancestor::*[.//table][1]"));
  }

  private WebElement findingsTable() {
    return section("Findings").findElement(By.xpath(".//table[.//th[normalize-space()='Rule']]"));
  }

  /** The form control labelled {@code label}, nested in its label or pointed to by it. */
  private WebElement control(String label, String tag) {
    String labelled = "//label[starts-with(normalize-space(), '" + label + "')]";
    List<WebElement> found =
        browser.findElements(
            By.xpath(labelled + "//" + tag + " | //" + tag + "[@id=" + labelled + "/@for]"));
    assertThat(found).as("a %s labelled %s", tag, label).hasSize(1);
    return found.get(0);
  }

  @SuppressWarnings("unchecked")
  private List<List<String>> shownRows() {
    return (List<List<String>>) script(SHOWN_ROWS, findingsTable());
  }

  private void waitForShownRows(int count) {
    wait.withMessage(() -> "rows shown: " + shownRows())
        .until(driver -> shownRows().size() == count);
  }

  private int columnIndex(String name) {
    List<String> headers =
        findingsTable().findElements(By.xpath(".//thead//th")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(headers).contains(name);
    return headers.indexOf(name);
  }

  private List<String> column(String name) {
    int index = columnIndex(name);
    return shownRows().stream().map(row -> row.get(index)).toList();
  }

  /** The number in the page's "N shown" line. */
  private int shownCounter() {
    Matcher matcher = Pattern.compile("(\\d+) shown").matcher(section("Findings").getText());
    assertThat(matcher.find()).as("a count of the rows shown").isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> bars(WebElement chart) {
    return (List<Map<String, Object>>) script(BARS, chart);
  }

  @SuppressWarnings("unchecked")
  private List<String> watched(String kind) {
    return (List<String>) script("return window.tagscanWatch." + kind);
  }

  /** The console's errors and warnings since the last call. */
  private List<String> consoleProblems() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
        .map(LogEntry::toString)
        .toList();
  }

  private Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }
}
