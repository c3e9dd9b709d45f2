package io.tagscan.report;

import static io.tagscan.report.Fixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportSinkTest {

  static final String UNIT = "anycompany:finance:business-unit";
  static final List<String> HOSTILE =
      List.of(
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "javascript:alert(1)",
          "\u001b[31mred\u001b]0;title\u0007",
          "'><svg onload=alert(1)>",
          "</td></tr></tbody></table><script>alert(2)</script>",
          "\u202eevil");

  private static Dictionary dictionary() {
    return Fixtures.dictionary(
        List.of(Fixtures.spec(OWNER, true, true), Fixtures.spec(UNIT, true, true)), List.of());
  }

  private static CheckedResource resource(String id, String owner, String unit, Finding... f) {
    Map<String, String> tags = new TreeMap<>();
    if (owner != null) {
      tags.put(OWNER, owner);
    }
    if (unit != null) {
      tags.put(UNIT, unit);
    }
    return Fixtures.checked("111122223333", "eu-west-1", id, tags, f);
  }

  private static Finding hostileFinding(String text) {
    return new Finding(
        RuleId.VALUE_NOT_ALLOWED, Severity.ERROR, OWNER, text, text, text, "message " + text);
  }

  private static String render(
      int maxRows,
      int maxUnits,
      Dictionary dictionary,
      List<CheckedResource> resources,
      List<ScanError> errors,
      Map<String, Account> accounts)
      throws IOException {
    SummaryBuilder builder = new SummaryBuilder(dictionary, maxUnits);
    resources.forEach(builder::add);
    ReportContext context =
        new ReportContext(
            Fixtures.scanInfo(errors.isEmpty()),
            builder.snapshot(accounts.keySet()),
            new TreeMap<>(accounts),
            errors,
            dictionary,
            Fixtures.options(null, ReportFormat.HTML),
            List.of(),
            List.of(),
            "0.0.0-test",
            List.of(),
            0);
    StringWriter out = new StringWriter();
    HtmlReportSink sink = new HtmlReportSink(out, maxRows);
    sink.begin(context);
    for (CheckedResource resource : resources) {
      sink.resource(resource);
    }
    sink.end();
    return out.toString();
  }

  private String hostilePage() throws IOException {
    List<CheckedResource> resources = new ArrayList<>();
    int i = 0;
    for (String text : HOSTILE) {
      resources.add(resource("i-" + i++, text, text, hostileFinding(text)));
    }
    List<ScanError> errors =
        List.of(new ScanError("111122223333", "eu-west-1", "GetResources", "X", HOSTILE.get(1)));
    Map<String, Account> accounts =
        Map.of(
            "111122223333",
            Account.of("111122223333", HOSTILE.get(0), "ACTIVE", Map.of(OWNER, HOSTILE.get(2))));
    return render(100, 50, dictionary(), resources, errors, accounts);
  }

  @Test
  void writesEveryHostileValueAsInertText() throws IOException {
    String page = hostilePage();

    assertThat(page).containsOnlyOnce("<script>").containsOnlyOnce("<script");
    assertThat(page).doesNotContain("<img").doesNotContain("<svg").doesNotContain("\u001b");
    assertThat(page).doesNotContain("\u0007").doesNotContain("\u202e");
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    // Element text needs only <, > and & escaped; quotes stay as they are, outside any attribute.
    assertThat(page).contains("<td>\"&gt;&lt;img src=x onerror=alert(1)&gt;</td>");
    assertThat(page).contains("<td>'&gt;&lt;svg onload=alert(1)&gt;</td>");
    assertThat(page).contains("\\u001B[31mred\\u001B]0;title\\u0007").contains("\\u202Eevil");
    assertThat(page).contains("<td>javascript:alert(1)</td>");
    // The one script is the page's own, after every value, and nothing breaks out of a cell.
    String script = page.substring(page.indexOf("<script>"));
    assertThat(script).startsWith("<script>" + HtmlReportSink.SCRIPT + "</script>");
    assertThat(page).containsOnlyOnce("</main>\n<script>");
  }

  @Test
  void writesTheSectionsInTheOrderThePageShowsThem() throws IOException {
    String page = hostilePage();

    assertThat(page).doesNotContain("{ order:");
    assertThat(page)
        .containsSubsequence(
            "<section class=\"s-header\">",
            "<section class=\"s-errors errors\">",
            "<section class=\"s-accounts\">",
            "<section class=\"s-units\">",
            "<section class=\"s-coverage\">",
            "<section class=\"s-findings\">",
            "<tr data-severity=",
            "</main>");
  }

  @Test
  void placesNoUserTextInsideAnAttribute() throws IOException {
    Matcher attributes = Pattern.compile("<[a-z]+( [^>]*)>").matcher(hostilePage());
    while (attributes.find()) {
      assertThat(attributes.group(1))
          .doesNotContain("alert")
          .doesNotContain("javascript")
          .doesNotContain("\\u");
    }
  }

  @Test
  void loadsNothingFromTheNetworkOrAnotherFile() throws IOException {
    List<CheckedResource> resources =
        List.of(
            resource("i-1", "ops", "retail"),
            resource(
                "i-2",
                null,
                "retail",
                Fixtures.finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, OWNER)));
    String page = render(100, 50, dictionary(), resources, List.of(), Map.of());

    assertThat(page.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("url(")
        .doesNotContain("@import");
    assertThat(page)
        .contains("default-src 'none'")
        .contains("script-src " + HtmlReportSink.scriptHash() + ";");
  }

  @Test
  void hashesExactlyTheInlineScriptForTheContentSecurityPolicy() throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(HtmlReportSink.SCRIPT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(HtmlReportSink.scriptHash())
        .isEqualTo("'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'");
  }

  @Test
  void capsTheFindingsTableAndSaysHowManyAreNotShown() throws IOException {
    List<CheckedResource> resources = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      resources.add(
          resource(
              "i-" + i,
              null,
              "retail",
              Fixtures.finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, OWNER),
              Fixtures.finding(RuleId.UNDECLARED_KEY, Severity.INFO, "x")));
    }
    String page = render(3, 50, dictionary(), resources, List.of(), Map.of());

    assertThat(count(page, "<tr data-severity=")).isEqualTo(3);
    assertThat(page).contains("5 more findings not shown; see the JSON or CSV report.");
    assertThat(page).contains("<span id=\"shown\">3</span>");
  }

  @Test
  void writesNoMoreLineWhenEveryFindingFits() throws IOException {
    List<CheckedResource> resources =
        List.of(
            resource(
                "i-1",
                null,
                null,
                Fixtures.finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, OWNER)));
    String page = render(1, 50, dictionary(), resources, List.of(), Map.of());

    assertThat(count(page, "<tr data-severity=")).isEqualTo(1);
    assertThat(page).doesNotContain("not shown");
  }

  @Test
  void groupsBusinessUnitsPastTheCapAsOtherAndKeepsUntaggedApart() throws IOException {
    List<CheckedResource> resources =
        List.of(
            resource("i-1", "ops", "alpha"),
            resource("i-2", "ops", "beta"),
            resource("i-3", "ops", "gamma"),
            resource("i-4", "ops", "delta"),
            resource("i-5", "ops", "alpha"),
            resource("i-6", "ops", "  "));
    String page = render(100, 2, dictionary(), resources, List.of(), Map.of());
    String units = page.substring(page.indexOf("<section class=\"s-units\">"));

    assertThat(units).contains("<tr><td>alpha</td><td class=\"n\">2</td>");
    assertThat(units).contains("<tr><td>beta</td><td class=\"n\">1</td>");
    assertThat(units).doesNotContain("gamma").doesNotContain("delta");
    assertThat(units)
        .contains("<tr><td class=\"muted\">other business units</td><td class=\"n\">2</td>");
    assertThat(units).contains("<tr><td class=\"muted\">not tagged</td><td class=\"n\">1</td>");
    assertThat(units).contains("Only the first 2 business units");
  }

  @Test
  void leavesTheBusinessUnitChartOutWhenTheDictionaryHasNoSuchKey() throws IOException {
    Dictionary noUnits = Fixtures.dictionary(List.of(Fixtures.spec(OWNER, true, true)), List.of());
    String page =
        render(100, 50, noUnits, List.of(resource("i-1", "ops", "x")), List.of(), Map.of());

    assertThat(SummaryBuilder.businessUnitKey(noUnits)).isNull();
    assertThat(SummaryBuilder.businessUnitKey(dictionary())).isEqualTo(UNIT);
    assertThat(page).doesNotContain("s-units\">").contains("Tag coverage by key");
  }

  @Test
  void showsErrorsProminentlyBeforeTheCharts() throws IOException {
    List<ScanError> errors =
        List.of(new ScanError("444455556666", "", "AssumeRole", "AccessDenied", "denied"));
    String page =
        render(
            100,
            50,
            dictionary(),
            List.of(resource("i-1", "ops", "retail")),
            errors,
            Map.of("111122223333", Account.of("111122223333", "prod", "ACTIVE", Map.of())));

    assertThat(page).contains("<p class=\"status incomplete\">").doesNotContain("status passed");
    assertThat(page.indexOf("<section class=\"s-errors errors\">"))
        .isGreaterThan(0)
        .isLessThan(page.indexOf("<section class=\"s-accounts\">"));
    assertThat(page).contains("<td>AccessDenied</td><td>denied</td>");
  }

  @Test
  void capsTheErrorAndAccountTablesAndSaysHowManyAreNotShown() throws IOException {
    List<ScanError> errors = new ArrayList<>();
    for (int i = 0; i < HtmlReportSink.MAX_ERRORS + 2; i++) {
      errors.add(new ScanError("111122223333", "eu-west-1", "GetResources", "Throttling", "e" + i));
    }
    Map<String, Account> accounts = new TreeMap<>();
    for (int i = 0; i < HtmlReportSink.MAX_ACCOUNTS + 1; i++) {
      String id = String.format("%012d", i);
      accounts.put(id, Account.of(id, "a" + i, "ACTIVE", Map.of()));
    }
    String page = render(100, 50, dictionary(), List.of(), errors, accounts);

    assertThat(count(page, "<td>Throttling</td>")).isEqualTo(HtmlReportSink.MAX_ERRORS);
    assertThat(page)
        .contains("<p class=\"more\">2 errors more not shown; see the JSON report.</p>");
    assertThat(page).contains("<td>a499</td>").doesNotContain("<td>a500</td>");
    assertThat(page)
        .contains("<p class=\"more\">1 account more not shown; see the JSON report.</p>");
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
