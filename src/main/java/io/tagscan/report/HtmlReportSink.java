package io.tagscan.report;

import static io.tagscan.report.Escaping.html;
import static io.tagscan.report.Numbers.count;
import static io.tagscan.report.Numbers.percent;
import static io.tagscan.report.Numbers.plural;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page for people: the scan's status and figures, compliance by account and
 * by business unit and coverage of each key as bars, errors up front, and a table of findings that
 * a small inline script filters by text, severity and rule.
 *
 * <p>The page loads nothing: styles and script are inline and a Content-Security-Policy forbids
 * every fetch and every script but its own. Every user-supplied string goes through {@link
 * Escaping#html} and appears only as element text; attributes carry only slugs tagscan defines. The
 * table stops at {@link #MAX_ROWS} findings and the business units at {@link #MAX_BUSINESS_UNITS},
 * so a scan of millions of resources still gives a page a browser opens; because resources stream
 * past once, the business-unit chart is written after the table and moved up by CSS.
 */
final class HtmlReportSink implements ReportSink {

  static final int MAX_ROWS = 20_000;
  static final int MAX_BUSINESS_UNITS = 50;
  static final int MAX_ACCOUNTS = 500;
  static final int MAX_ERRORS = 1_000;

  static final String SCRIPT =
      """
      (function () {
        var text = document.getElementById('filter-text');
        var severity = document.getElementById('filter-severity');
        var rule = document.getElementById('filter-rule');
        var shown = document.getElementById('shown');
        var rows = document.querySelectorAll('#findings tbody tr');
        var texts = [];
        for (var i = 0; i < rows.length; i++) {
          texts.push(rows[i].textContent.toLowerCase());
        }
        function apply() {
          var wanted = text.value.toLowerCase();
          var count = 0;
          for (var i = 0; i < rows.length; i++) {
            var row = rows[i];
            var match = (!severity.value || row.getAttribute('data-severity') === severity.value)
              && (!rule.value || row.getAttribute('data-rule') === rule.value)
              && (!wanted || texts[i].indexOf(wanted) >= 0);
            row.hidden = !match;
            if (match) {
              count++;
            }
          }
          shown.textContent = String(count);
        }
        text.addEventListener('input', apply);
        severity.addEventListener('change', apply);
        rule.addEventListener('change', apply);
        apply();
      })();
      """;

  private static final String STYLE =
      """
      :root { color-scheme: light dark; --ok: #2e7d32; --bad: #c62828; --warn: #ef6c00;
        --info: #1565c0; --muted: #6b7280; --line: #d0d7de; --bar: #e5e7eb; }
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
        margin: 0 auto; padding: 1.5rem; max-width: 1400px; }
      main { display: flex; flex-direction: column; gap: 1.25rem; }
      .s-header { order: 1; } .s-errors { order: 2; } .s-accounts { order: 3; }
      .s-units { order: 4; } .s-coverage { order: 5; } .s-findings { order: 6; }
      h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
      .status { font-weight: 600; padding: .5rem .75rem; border-radius: 6px; color: #fff; }
      .status.passed { background: var(--ok); } .status.failed { background: var(--bad); }
      .status.incomplete { background: var(--warn); } .status.report-only { background: var(--info); }
      .totals { display: flex; flex-wrap: wrap; gap: .75rem; margin: .75rem 0; }
      .totals div { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; }
      .totals b { display: block; font-size: 1.3rem; }
      dl.scan { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
      dl.scan dt { color: var(--muted); } dl.scan dd { margin: 0; overflow-wrap: anywhere; }
      .errors { border: 2px solid var(--bad); border-radius: 6px; padding: .75rem; }
      .errors h2 { color: var(--bad); }
      table { border-collapse: collapse; width: 100%; }
      th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
        vertical-align: top; }
      td { overflow-wrap: anywhere; } td.n, th.n { text-align: right; white-space: nowrap; }
      .chart td.bar { width: 40%; }
      .bar span { display: block; height: .9rem; background: var(--bar); border-radius: 3px; }
      .bar span i { display: block; height: 100%; background: var(--ok); border-radius: 3px; }
      .sev-error { color: var(--bad); font-weight: 600; } .sev-warning { color: var(--warn); }
      .sev-info { color: var(--info); } .muted { color: var(--muted); }
      .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
      .filters input { min-width: 18rem; }
      .more { font-weight: 600; color: var(--warn); }
      """;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

  private final Writer out;
  private final int maxRows;
  private final int maxBusinessUnits;

  private String businessUnitKey;
  private long rows;
  private long hiddenRows;
  private final TreeMap<String, long[]> units = new TreeMap<>();
  private final long[] otherUnits = new long[2];
  private final long[] untagged = new long[2];
  private long resources;

  HtmlReportSink(Writer out) {
    this(out, MAX_ROWS, MAX_BUSINESS_UNITS);
  }

  HtmlReportSink(Writer out, int maxRows, int maxBusinessUnits) {
    this.out = out;
    this.maxRows = maxRows;
    this.maxBusinessUnits = maxBusinessUnits;
  }

  /**
   * The dictionary key that names a resource's business unit: the first declared key ending in
   * {@code business-unit}, else the first such key required of accounts, else null.
   */
  static String businessUnitKey(Dictionary dictionary) {
    for (TagSpec spec : dictionary.tags()) {
      if (spec.key().endsWith("business-unit")) {
        return spec.key();
      }
    }
    for (String key : dictionary.accountMandatory()) {
      if (key.endsWith("business-unit")) {
        return key;
      }
    }
    return null;
  }

  /** The Content-Security-Policy hash source of the inline script. */
  static String scriptHash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public void begin(ReportContext context) throws IOException {
    businessUnitKey = businessUnitKey(context.dictionary());
    StringBuilder page = new StringBuilder(16_384);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; script-src ")
        .append(scriptHash())
        .append("; form-action 'none'; base-uri 'none'\">\n");
    page.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.append("<meta name=\"generator\" content=\"tagscan ")
        .append(html(context.toolVersion()))
        .append("\">\n");
    page.append("<title>tagscan report</title>\n<style>\n").append(STYLE).append("</style>\n");
    page.append("</head>\n<body>\n<main>\n");
    header(page, context);
    errors(page, context);
    accounts(page, context);
    coverage(page, context.summary());
    findingsStart(page, context.summary());
    out.write(page.toString());
  }

  private static void header(StringBuilder page, ReportContext context) {
    ScanInfo info = context.info();
    Summary summary = context.summary();
    page.append("<section class=\"s-header\">\n<h1>tagscan report</h1>\n");
    status(page, context);
    page.append("<div class=\"totals\">\n");
    total(page, "Resources", count(summary.resources()));
    total(page, "Compliant", count(summary.compliant()));
    total(page, "Noncompliant", count(summary.noncompliant()));
    total(page, "Compliance", percent(summary.complianceRate()));
    for (Severity severity : Severity.values()) {
      total(
          page, "Findings: " + severity.slug(), count(summary.findingsBySeverity().get(severity)));
    }
    page.append("</div>\n<dl class=\"scan\">\n");
    term(
        page,
        "Accounts",
        count(info.accountsRequested())
            + " requested, "
            + count(info.accountsScanned())
            + " scanned, "
            + count(info.accountsFailed())
            + " failed");
    term(page, "Regions", info.regions().isEmpty() ? "–" : html(String.join(", ", info.regions())));
    term(page, "Sources", info.sources().isEmpty() ? "–" : html(String.join(", ", info.sources())));
    term(page, "Dictionary", info.dictionaryPath().isEmpty() ? "–" : html(info.dictionaryPath()));
    term(
        page,
        "Dictionary sha256",
        info.dictionarySha256().isEmpty() ? "–" : html(info.dictionarySha256()));
    term(page, "Started", TIME.format(info.startedAt()));
    term(page, "Finished", TIME.format(info.finishedAt()));
    term(page, "tagscan", html(context.toolVersion()));
    page.append("</dl>\n</section>\n");
  }

  private static void status(StringBuilder page, ReportContext context) {
    String opening =
        switch (context.verdict()) {
          case REPORT_ONLY -> "<p class=\"status report-only\">Report only: ";
          case FAILED -> "<p class=\"status failed\">Failed: ";
          case INCOMPLETE -> "<p class=\"status incomplete\">Incomplete: ";
          case PASSED -> "<p class=\"status passed\">Passed: ";
        };
    page.append(opening).append(html(context.verdictSentence())).append(".</p>\n");
  }

  private static void total(StringBuilder page, String label, String value) {
    page.append("<div><b>").append(value).append("</b>").append(label).append("</div>\n");
  }

  private static void term(StringBuilder page, String term, String definition) {
    page.append("<dt>").append(term).append("</dt><dd>").append(definition).append("</dd>\n");
  }

  private static void errors(StringBuilder page, ReportContext context) {
    ScanInfo info = context.info();
    if (info.complete() && context.errors().isEmpty()) {
      return;
    }
    page.append("<section class=\"s-errors errors\">\n<h2>")
        .append(info.complete() ? "Errors during the scan" : "Incomplete scan")
        .append("</h2>\n<p>");
    if (info.accountsFailed() > 0) {
      page.append(count(info.accountsFailed()))
          .append(" of ")
          .append(plural(info.accountsRequested(), "account", "accounts"))
          .append(" could not be scanned; ");
    }
    page.append(plural(context.errors().size(), "error", "errors"))
        .append(". The figures leave out what could not be read.</p>\n");
    if (!context.errors().isEmpty()) {
      page.append("<table>\n<thead><tr><th>Account</th><th>Region</th><th>Operation</th>")
          .append("<th>Code</th><th>Message</th></tr></thead>\n<tbody>\n");
      int shown = 0;
      for (ScanError error : context.errors()) {
        if (shown++ == MAX_ERRORS) {
          break;
        }
        page.append("<tr>");
        cell(page, error.accountId());
        cell(page, error.region());
        cell(page, error.operation());
        cell(page, error.code());
        cell(page, error.message());
        page.append("</tr>\n");
      }
      page.append("</tbody>\n</table>\n");
      more(page, context.errors().size() - (long) MAX_ERRORS, "error", "errors");
    }
    page.append("</section>\n");
  }

  private static void cell(StringBuilder page, String text) {
    page.append("<td>").append(text == null || text.isEmpty() ? "–" : html(text)).append("</td>");
  }

  private static void more(StringBuilder page, long hidden, String singular, String pluralWord) {
    if (hidden > 0) {
      page.append("<p class=\"more\">")
          .append(plural(hidden, singular, pluralWord))
          .append(" more not shown; see the JSON report.</p>\n");
    }
  }

  private static void accounts(StringBuilder page, ReportContext context) {
    Map<String, Summary.AccountFigures> accounts = context.summary().findingsByAccount();
    if (accounts.isEmpty()) {
      return;
    }
    page.append("<section class=\"s-accounts\">\n<h2>Compliance by account</h2>\n");
    chartStart(page, "Account", "Name");
    int shown = 0;
    for (Map.Entry<String, Summary.AccountFigures> entry : accounts.entrySet()) {
      if (shown++ == MAX_ACCOUNTS) {
        break;
      }
      Summary.AccountFigures figures = entry.getValue();
      page.append("<tr>");
      cell(page, entry.getKey());
      cell(page, context.accountName(entry.getKey()));
      chartFigures(page, figures.resources(), figures.compliant(), figures.complianceRate());
    }
    page.append("</tbody>\n</table>\n");
    more(page, accounts.size() - (long) MAX_ACCOUNTS, "account", "accounts");
    page.append("</section>\n");
  }

  private static void chartStart(StringBuilder page, String... labels) {
    page.append("<table class=\"chart\">\n<thead><tr>");
    for (String label : labels) {
      page.append("<th>").append(label).append("</th>");
    }
    page.append("<th class=\"n\">Resources</th><th class=\"n\">Compliant</th>")
        .append("<th class=\"n\">Compliance</th><th>Compliant share</th></tr></thead>\n<tbody>\n");
  }

  private static void chartFigures(
      StringBuilder page, long resources, long compliant, BigDecimal rate) {
    page.append("<td class=\"n\">")
        .append(count(resources))
        .append("</td><td class=\"n\">")
        .append(count(compliant))
        .append("</td><td class=\"n\">")
        .append(percent(rate))
        .append("</td>");
    bar(page, rate);
    page.append("</tr>\n");
  }

  /** A bar whose filled width is the rate; the width is a number tagscan computed, nothing else. */
  private static void bar(StringBuilder page, BigDecimal rate) {
    page.append("<td class=\"bar\"><span><i style=\"width:")
        .append(rate == null ? "0%" : percent(rate))
        .append("\"></i></span></td>");
  }

  private static void coverage(StringBuilder page, Summary summary) {
    if (summary.coverage().isEmpty()) {
      return;
    }
    page.append("<section class=\"s-coverage\">\n<h2>Tag coverage by key</h2>\n");
    page.append("<table class=\"chart\">\n<thead><tr><th>Key</th><th>Mandatory</th>")
        .append("<th>Cost allocation</th><th class=\"n\">In scope</th>")
        .append("<th class=\"n\">Tagged</th><th class=\"n\">Coverage</th><th>Tagged share</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Summary.KeyCoverage key : summary.coverage()) {
      page.append("<tr>");
      cell(page, key.key());
      page.append("<td>")
          .append(key.mandatory() ? "yes" : "no")
          .append("</td><td>")
          .append(key.costAllocation() ? "yes" : "no")
          .append("</td><td class=\"n\">")
          .append(count(key.inScope()))
          .append("</td><td class=\"n\">")
          .append(count(key.tagged()))
          .append("</td><td class=\"n\">")
          .append(percent(key.rate()))
          .append("</td>");
      bar(page, key.rate());
      page.append("</tr>\n");
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private void findingsStart(StringBuilder page, Summary summary) {
    page.append("<section class=\"s-findings\">\n<h2>Findings</h2>\n");
    if (summary.findings() == 0) {
      page.append("<p>No findings.</p>\n");
    }
    page.append("<div class=\"filters\">\n")
        .append("<label>Filter <input id=\"filter-text\" type=\"search\"")
        .append(" placeholder=\"account, ARN, key, value…\" autocomplete=\"off\"></label>\n")
        .append("<label>Severity <select id=\"filter-severity\"><option value=\"\">all</option>");
    for (Severity severity : Severity.values()) {
      page.append("<option value=\"")
          .append(severity.slug())
          .append("\">")
          .append(severity.slug())
          .append("</option>");
    }
    page.append("</select></label>\n")
        .append("<label>Rule <select id=\"filter-rule\"><option value=\"\">all</option>");
    for (String rule : summary.findingsByRule().keySet()) {
      page.append("<option value=\"")
          .append(html(rule))
          .append("\">")
          .append(html(rule))
          .append("</option>");
    }
    page.append("</select></label>\n")
        .append("<span><span id=\"shown\">")
        .append(count(Math.min(summary.findings(), maxRows)))
        .append("</span> shown</span>\n</div>\n");
    page.append("<table id=\"findings\">\n<thead><tr><th>Account</th><th>Region</th>")
        .append("<th>Resource</th><th>Type</th><th>Severity</th><th>Rule</th><th>Key</th>")
        .append("<th>Value</th><th>Fix</th></tr></thead>\n<tbody>\n");
  }

  @Override
  public void resource(CheckedResource checked) throws IOException {
    Resource resource = checked.resource();
    resources++;
    if (businessUnitKey != null && checked.tagsKnown()) {
      countUnit(resource.tags().get(businessUnitKey), checked.compliant());
    }
    if (checked.findings().isEmpty()) {
      return;
    }
    StringBuilder row = new StringBuilder(512);
    for (Finding finding : checked.findings()) {
      if (rows >= maxRows) {
        hiddenRows++;
        continue;
      }
      rows++;
      row.append("<tr data-severity=\"")
          .append(finding.severity().slug())
          .append("\" data-rule=\"")
          .append(finding.rule().slug())
          .append("\">");
      cell(row, resource.accountId());
      cell(row, resource.region());
      cell(row, resource.arn());
      cell(row, resource.resourceType());
      row.append("<td class=\"sev-")
          .append(finding.severity().slug())
          .append("\">")
          .append(finding.severity().slug())
          .append("</td><td>")
          .append(finding.rule().slug())
          .append("</td>");
      cell(row, finding.key());
      cell(row, finding.value());
      if (finding.fix() != null && !finding.fix().isEmpty()) {
        cell(row, finding.fix());
      } else {
        row.append("<td class=\"muted\">").append(html(finding.message())).append("</td>");
      }
      row.append("</tr>\n");
    }
    out.write(row.toString());
  }

  private void countUnit(String value, boolean compliant) {
    long[] counts;
    if (value == null || value.isBlank()) {
      counts = untagged;
    } else {
      counts = units.get(value);
      if (counts == null) {
        if (units.size() < maxBusinessUnits) {
          counts = new long[2];
          units.put(value, counts);
        } else {
          counts = otherUnits;
        }
      }
    }
    counts[0]++;
    if (compliant) {
      counts[1]++;
    }
  }

  @Override
  public void end() throws IOException {
    StringBuilder page = new StringBuilder(8192);
    page.append("</tbody>\n</table>\n");
    if (hiddenRows > 0) {
      page.append("<p class=\"more\">")
          .append(plural(hiddenRows, "more finding", "more findings"))
          .append(" not shown; see the JSON or CSV report.</p>\n");
    }
    page.append("</section>\n");
    units(page);
    page.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    out.write(page.toString());
    out.flush();
  }

  private void units(StringBuilder page) {
    if (businessUnitKey == null || resources == 0) {
      return;
    }
    page.append("<section class=\"s-units\">\n<h2>Compliance by business unit</h2>\n")
        .append("<p class=\"muted\">Resources grouped by the value of ")
        .append(html(businessUnitKey))
        .append(".</p>\n");
    chartStart(page, "Business unit");
    for (Map.Entry<String, long[]> unit : units.entrySet()) {
      page.append("<tr>");
      cell(page, unit.getKey());
      unitFigures(page, unit.getValue());
    }
    if (otherUnits[0] > 0) {
      page.append("<tr><td class=\"muted\">other business units</td>");
      unitFigures(page, otherUnits);
    }
    if (untagged[0] > 0) {
      page.append("<tr><td class=\"muted\">not tagged</td>");
      unitFigures(page, untagged);
    }
    page.append("</tbody>\n</table>\n");
    if (otherUnits[0] > 0) {
      page.append("<p class=\"muted\">Only the first ")
          .append(count(maxBusinessUnits))
          .append(" business units met are shown by name; the rest are grouped as other.</p>\n");
    }
    page.append("</section>\n");
  }

  private static void unitFigures(StringBuilder page, long[] counts) {
    chartFigures(page, counts[0], counts[1], Summary.rate(counts[1], counts[0]));
  }
}
