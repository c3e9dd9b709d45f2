package io.tagscan.report;

import static io.tagscan.report.Escaping.markdown;
import static io.tagscan.report.Numbers.count;
import static io.tagscan.report.Numbers.percent;
import static io.tagscan.report.Numbers.plural;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import io.tagscan.model.Suppressed;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Markdown summary for {@code $GITHUB_STEP_SUMMARY} and merge-request comments: a status line,
 * the totals, errors (up front when the scan is incomplete), findings by severity and rule, a table
 * per account, key coverage, and the worst noncompliant resources with their fixes.
 *
 * <p>Every user-supplied string goes through {@link Escaping#markdown}; long tables are capped so
 * the page stays within what CI systems accept (GitHub takes 1 MiB per step summary).
 */
final class MarkdownReportSink implements ReportSink {

  static final int MAX_ACCOUNTS = 100;
  static final int MAX_ERRORS = 50;

  private final Writer out;
  private final StringBuilder page = new StringBuilder(8192);

  MarkdownReportSink(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(ReportContext context) {
    ScanInfo info = context.info();
    Summary summary = context.summary();
    page.append("## tagscan report\n\n");
    status(context);
    if (!info.complete() || !context.errors().isEmpty()) {
      page.append("> ⚠️ **");
      page.append(info.complete() ? "Errors during the scan:" : "Incomplete scan:");
      page.append("** ");
      if (info.accountsFailed() > 0) {
        page.append(count(info.accountsFailed()))
            .append(" of ")
            .append(plural(info.accountsRequested(), "account", "accounts"))
            .append(" could not be scanned; ");
      }
      page.append(plural(context.errors().size(), "error", "errors"))
          .append(" (listed below). The figures leave out what could not be read.\n\n");
    }
    page.append("| Resources | Compliant | Noncompliant | Compliance |\n");
    page.append("|---:|---:|---:|---:|\n");
    page.append("| ")
        .append(count(summary.resources()))
        .append(" | ")
        .append(count(summary.compliant()))
        .append(" | ")
        .append(count(summary.noncompliant()))
        .append(" | ")
        .append(percent(summary.complianceRate()))
        .append(" |\n\n");
    scanLine(info);
    errors(context);
    severities(summary);
    rules(summary);
    accounts(context);
    coverage(summary);
    MarkdownCosts.unallocatable(summary.unallocatable(), page);
    worst(context);
    costliest(context);
    suppressed(context);
  }

  private void status(ReportContext context) {
    String label =
        switch (context.verdict()) {
          case REPORT_ONLY -> "ℹ️ **Report only:** ";
          case FAILED -> "❌ **Failed:** ";
          case INCOMPLETE -> "⚠️ **Incomplete:** ";
          case PASSED -> "✅ **Passed:** ";
        };
    // The sentence holds only numbers and fixed words, so it needs no Markdown escaping.
    page.append(label).append(context.verdictSentence()).append(".\n\n");
  }

  private void scanLine(ScanInfo info) {
    page.append("Scanned ")
        .append(DateTimeFormatter.ISO_INSTANT.format(info.startedAt()))
        .append(" to ")
        .append(DateTimeFormatter.ISO_INSTANT.format(info.finishedAt()))
        .append(" · accounts: ")
        .append(count(info.accountsRequested()))
        .append(" requested, ")
        .append(count(info.accountsScanned()))
        .append(" scanned, ")
        .append(count(info.accountsFailed()))
        .append(" failed · regions: ")
        .append(info.regions().isEmpty() ? "–" : markdown(String.join(", ", info.regions())))
        .append(" · dictionary: ")
        .append(info.dictionaryPath().isEmpty() ? "–" : markdown(info.dictionaryPath()));
    if (!info.dictionarySha256().isEmpty()) {
      String sha = info.dictionarySha256();
      page.append(" (sha256 ").append(markdown(sha.substring(0, Math.min(12, sha.length()))));
      page.append(")");
    }
    if (!info.sagemaker().isEmpty()) {
      page.append(" · SageMaker: ")
          .append(count(info.sagemakerListed()))
          .append(" resources listed directly, ")
          .append(count(info.sagemakerListedOnly()))
          .append(" never returned by the Tagging API");
    }
    if (info.resourceExplorer() != null) {
      page.append(" · Resource Explorer: ")
          .append(count(info.resourceExplorer().explorerOnly()))
          .append(" resources found only in the view");
    }
    page.append("\n\n");
  }

  private void errors(ReportContext context) {
    if (context.errors().isEmpty()) {
      return;
    }
    page.append("### Errors\n\n");
    page.append("| Account | Region | Operation | Code | Message |\n");
    page.append("|---|---|---|---|---|\n");
    int shown = 0;
    for (ScanError error : context.errors()) {
      if (shown++ == MAX_ERRORS) {
        break;
      }
      page.append("| ")
          .append(orDash(error.accountId()))
          .append(" | ")
          .append(orDash(error.region()))
          .append(" | ")
          .append(orDash(error.operation()))
          .append(" | ")
          .append(orDash(error.code()))
          .append(" | ")
          .append(orDash(error.message()))
          .append(" |\n");
    }
    more(context.errors().size() - MAX_ERRORS, "error", "errors");
    page.append('\n');
  }

  private static String orDash(String text) {
    return text == null || text.isEmpty() ? "–" : markdown(text);
  }

  private void more(long hidden, String singular, String pluralWord) {
    if (hidden > 0) {
      page.append("\n_…and ")
          .append(plural(hidden, singular, pluralWord))
          .append(" more; see the JSON report._\n");
    }
  }

  private void severities(Summary summary) {
    page.append("### Findings by severity\n\n");
    page.append("| Severity | Findings | Resources |\n|---|---:|---:|\n");
    for (Severity severity : Severity.values()) {
      page.append("| ")
          .append(icon(severity))
          .append(' ')
          .append(severity.slug())
          .append(" | ")
          .append(count(summary.findingsBySeverity().get(severity)))
          .append(" | ")
          .append(count(summary.resourcesByWorstFinding().get(severity)))
          .append(" |\n");
    }
    page.append("\n_Resources are counted under their most severe finding._\n\n");
  }

  private static String icon(Severity severity) {
    return switch (severity) {
      case ERROR -> "🔴";
      case WARNING -> "🟠";
      case INFO -> "🔵";
    };
  }

  private void rules(Summary summary) {
    page.append("### Findings by rule\n\n");
    Map<String, Long> waived = summary.waivedByRule();
    if (summary.findingsByRule().isEmpty() && waived.isEmpty()) {
      page.append("No findings.\n\n");
      return;
    }
    page.append(waived.isEmpty() ? "| Rule | Findings |\n|---|---:|\n" : WAIVED_HEADER);
    TreeSet<String> rules = new TreeSet<>(summary.findingsByRule().keySet());
    rules.addAll(waived.keySet());
    for (String rule : rules) {
      page.append("| `")
          .append(rule)
          .append("` | ")
          .append(count(summary.findingsByRule().getOrDefault(rule, 0L)));
      if (!waived.isEmpty()) {
        page.append(" | ").append(count(waived.getOrDefault(rule, 0L)));
      }
      page.append(" |\n");
    }
    page.append('\n');
  }

  private static final String WAIVED_HEADER =
      "| Rule | Findings | Waived by exemptions |\n|---|---:|---:|\n";

  /** With {@code --show-suppressed}: the findings exemptions waived, with each one's reason. */
  private void suppressed(ReportContext context) {
    if (!context.options().showSuppressed() || context.summary().findingsWaived() == 0) {
      return;
    }
    page.append("### Findings waived by exemptions\n\n");
    page.append("| Resource | Severity | Rule | Key | Reason | Exemption |\n");
    page.append("|---|---|---|---|---|---|\n");
    for (CheckedResource checked : context.suppressed()) {
      boolean first = true;
      for (Suppressed waived : checked.suppressed()) {
        Finding finding = waived.finding();
        page.append("| ")
            .append(first ? markdown(checked.resource().arn()) : "")
            .append(" | ")
            .append(finding.severity().slug())
            .append(" | `")
            .append(finding.rule().slug())
            .append("` | ")
            .append(markdown(finding.key()))
            .append(" | ")
            .append(markdown(waived.reason()))
            .append(" | ")
            .append(orDash(waived.exemption()))
            .append(" |\n");
        first = false;
      }
    }
    more(
        context.suppressedResources() - context.suppressed().size(),
        "resource with waived findings",
        "resources with waived findings");
    page.append('\n');
  }

  private void accounts(ReportContext context) {
    Map<String, Summary.AccountFigures> accounts = context.summary().findingsByAccount();
    if (accounts.isEmpty()) {
      return;
    }
    page.append("### Accounts\n\n");
    page.append(
        "| Account | Name | Resources | Compliant | Noncompliant | Compliance | Errors | Warnings"
            + " | Info |\n");
    page.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    int shown = 0;
    for (Map.Entry<String, Summary.AccountFigures> entry : accounts.entrySet()) {
      if (shown++ == MAX_ACCOUNTS) {
        break;
      }
      Summary.AccountFigures figures = entry.getValue();
      page.append("| ")
          .append(orDash(entry.getKey()))
          .append(" | ")
          .append(orDash(context.accountName(entry.getKey())))
          .append(" | ")
          .append(count(figures.resources()))
          .append(" | ")
          .append(count(figures.compliant()))
          .append(" | ")
          .append(count(figures.noncompliant()))
          .append(" | ")
          .append(percent(figures.complianceRate()));
      for (Severity severity : Severity.values()) {
        page.append(" | ").append(count(figures.findingsBySeverity().get(severity)));
      }
      page.append(" |\n");
    }
    more(accounts.size() - MAX_ACCOUNTS, "account", "accounts");
    page.append('\n');
  }

  private void coverage(Summary summary) {
    if (summary.coverage().isEmpty()) {
      return;
    }
    page.append("### Tag coverage\n\n");
    page.append("| Key | Mandatory | Cost allocation | In scope | Tagged | Coverage |\n");
    page.append("|---|:-:|:-:|---:|---:|---:|\n");
    for (Summary.KeyCoverage key : summary.coverage()) {
      page.append("| ")
          .append(markdown(key.key()))
          .append(" | ")
          .append(key.mandatory() ? "yes" : "no")
          .append(" | ")
          .append(key.costAllocation() ? "yes" : "no")
          .append(" | ")
          .append(count(key.inScope()))
          .append(" | ")
          .append(count(key.tagged()))
          .append(" | ")
          .append(percent(key.rate()))
          .append(" |\n");
    }
    page.append('\n');
  }

  private void worst(ReportContext context) {
    long noncompliant = context.summary().noncompliant();
    if (noncompliant == 0) {
      return;
    }
    page.append("### Noncompliant resources, worst first\n\n");
    page.append("| Resource | Severity | Rule | Key | Value | Fix |\n");
    page.append("|---|---|---|---|---|---|\n");
    for (CheckedResource checked : context.worstNoncompliant()) {
      boolean first = true;
      for (Finding finding : checked.findings()) {
        page.append("| ")
            .append(first ? markdown(checked.resource().arn()) : "")
            .append(" | ")
            .append(icon(finding.severity()))
            .append(' ')
            .append(finding.severity().slug())
            .append(" | `")
            .append(finding.rule().slug())
            .append("` | ")
            .append(markdown(finding.key()))
            .append(" | ")
            .append(markdown(finding.value()))
            .append(" | ")
            .append(
                finding.fix() != null
                    ? markdown(finding.fix())
                    : "_" + markdown(finding.message()) + "_")
            .append(" |\n");
        first = false;
      }
    }
    more(
        noncompliant - context.worstNoncompliant().size(),
        "noncompliant resource",
        "noncompliant resources");
    page.append('\n');
  }

  /** The ten costliest, only when a billing export priced a noncompliant resource. */
  private void costliest(ReportContext context) {
    if (context.costliestNoncompliant().isEmpty()) {
      return;
    }
    page.append("### Noncompliant resources, costliest first\n\n");
    page.append("| Resource | Account | Cost | Currency | Findings |\n");
    page.append("|---|---|--:|---|--:|\n");
    for (CheckedResource checked : context.costliestNoncompliant()) {
      page.append("| ")
          .append(markdown(checked.resource().arn()))
          .append(" | ")
          .append(markdown(checked.resource().accountId()))
          .append(" | ")
          .append(checked.cost().amountText())
          .append(" | ")
          .append(markdown(checked.cost().currency()))
          .append(" | ")
          .append(count(checked.findings().size()))
          .append(" |\n");
    }
    page.append('\n');
  }

  @Override
  public void resource(CheckedResource resource) {
    // The page shows figures and the worst resources, all known before the stream starts.
  }

  @Override
  public void end() throws IOException {
    out.write(page.toString());
    out.flush();
  }
}
