package io.tagscan.report;

import static io.tagscan.report.Escaping.pad;
import static io.tagscan.report.Escaping.terminal;
import static io.tagscan.report.Escaping.truncate;
import static io.tagscan.report.Escaping.width;
import static io.tagscan.report.Numbers.count;
import static io.tagscan.report.Numbers.percent;
import static io.tagscan.report.Numbers.plural;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal view: totals, then the worst resources first (capped, with "…and N more"), each with
 * its findings in aligned columns, then the parts of the scan that failed.
 *
 * <p>Every user-supplied string goes through {@link Escaping#terminal}, so a tag value cannot
 * smuggle an escape sequence to the terminal; colour codes come only from here, and only when
 * asked.
 */
final class TableReportSink implements ReportSink {

  private static final String[] HEADERS = {"SEVERITY", "RULE", "KEY", "VALUE", "FIX"};
  private static final int[] MAX_WIDTHS = {8, 28, 40, 32, 72};
  private static final int MAX_ERROR_MESSAGE = 120;

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[1;31m";
  private static final String GREEN = "\u001b[1;32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String BOLD_YELLOW = "\u001b[1;33m";
  private static final String CYAN = "\u001b[36m";

  private final Writer out;
  private final StringBuilder text = new StringBuilder(4096);
  private boolean color;

  TableReportSink(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(ReportContext context) {
    color = context.options().color();
    ScanInfo info = context.info();
    Summary summary = context.summary();
    text.append(paint(BOLD, "tagscan"))
        .append(": ")
        .append(plural(summary.resources(), "resource", "resources"))
        .append(", ")
        .append(count(summary.compliant()))
        .append(" compliant, ")
        .append(paint(summary.noncompliant() > 0 ? RED : "", count(summary.noncompliant())))
        .append(" noncompliant (")
        .append(percent(summary.complianceRate()))
        .append(" compliant)\n");
    text.append("findings: ");
    for (Severity severity : Severity.values()) {
      if (severity != Severity.ERROR) {
        text.append(", ");
      }
      text.append(count(summary.findingsBySeverity().get(severity)))
          .append(' ')
          .append(paint(colorOf(severity), severity.slug()));
    }
    text.append('\n');
    text.append("accounts: ")
        .append(count(info.accountsScanned()))
        .append(" of ")
        .append(count(info.accountsRequested()))
        .append(" scanned");
    if (info.accountsFailed() > 0) {
      text.append(", ").append(count(info.accountsFailed())).append(" failed");
    }
    text.append("; regions: ")
        .append(
            info.regions().isEmpty()
                ? "–"
                : info.regions().size() <= 4
                    ? terminal(String.join(", ", info.regions()))
                    : count(info.regions().size()))
        .append('\n');
    if (!info.sagemaker().isEmpty()) {
      text.append("sagemaker: ")
          .append(count(info.sagemakerListed()))
          .append(" resources listed directly, ")
          .append(count(info.sagemakerListedOnly()))
          .append(" of them never returned by the Tagging API\n");
    }
    Severity failOn = context.options().failOn();
    long failing = summary.findingsAtOrAbove(failOn);
    ReportContext.Verdict verdict = context.verdict();
    // An incomplete scan has not passed; the INCOMPLETE line below says what it did.
    if (verdict == ReportContext.Verdict.FAILED || verdict == ReportContext.Verdict.PASSED) {
      text.append(
          verdict == ReportContext.Verdict.FAILED
              ? paint(RED, "FAILED")
                  + ": "
                  + plural(failing, "finding", "findings")
                  + " at or above "
                  + failOn.slug()
                  + " on "
                  + plural(summary.resourcesAtOrAbove(failOn), "resource", "resources")
              : paint(GREEN, "PASSED") + ": no finding at or above " + failOn.slug());
      text.append('\n');
    }
    if (!info.complete()) {
      text.append(paint(BOLD_YELLOW, "INCOMPLETE"))
          .append(": ")
          .append("parts of the scan could not be read; ")
          .append(plural(context.errors().size(), "error is", "errors are"))
          .append(" listed below\n");
    }
    findings(context.worst(), summary.resourcesWithFindings());
    errors(context.errors());
  }

  private void findings(List<CheckedResource> worst, long withFindings) {
    text.append('\n');
    if (withFindings == 0) {
      text.append("No findings.\n");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    int[] widths = new int[HEADERS.length];
    for (int i = 0; i < HEADERS.length; i++) {
      widths[i] = HEADERS[i].length();
    }
    for (CheckedResource checked : worst) {
      for (Finding finding : checked.findings()) {
        String[] row = {
          finding.severity().slug(),
          finding.rule().slug(),
          terminal(finding.key()),
          terminal(finding.value()),
          terminal(finding.fix() != null ? finding.fix() : finding.message())
        };
        for (int i = 0; i < row.length; i++) {
          row[i] = truncate(row[i], MAX_WIDTHS[i]);
          widths[i] = Math.max(widths[i], width(row[i]));
        }
        rows.add(row);
      }
    }
    if (!worst.isEmpty()) {
      text.append("  ").append(paint(BOLD, line(HEADERS, widths))).append('\n');
    }
    int next = 0;
    for (CheckedResource checked : worst) {
      Resource resource = checked.resource();
      text.append(paint(BOLD, terminal(resource.arn())))
          .append("  ")
          .append(paint(DIM, meta(resource)))
          .append('\n');
      for (int f = 0; f < checked.findings().size(); f++) {
        String[] row = rows.get(next++);
        Severity severity = checked.findings().get(f).severity();
        text.append("  ")
            .append(paint(colorOf(severity), pad(row[0], widths[0])))
            .append("  ")
            .append(line(java.util.Arrays.copyOfRange(row, 1, row.length), tail(widths)))
            .append('\n');
      }
    }
    long hidden = withFindings - worst.size();
    if (hidden > 0) {
      text.append("…and ")
          .append(plural(hidden, "more resource", "more resources"))
          .append(" with findings\n");
    }
  }

  private static int[] tail(int[] widths) {
    return java.util.Arrays.copyOfRange(widths, 1, widths.length);
  }

  private String meta(Resource resource) {
    StringBuilder meta = new StringBuilder(terminal(resource.resourceType()));
    if (!resource.accountId().isEmpty()) {
      meta.append("  ").append(terminal(resource.accountId()));
    }
    if (!resource.region().isEmpty()) {
      meta.append("  ").append(terminal(resource.region()));
    }
    return meta.toString();
  }

  /** Cells padded to their widths, two spaces apart, without trailing blanks. */
  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(i == cells.length - 1 ? cells[i] : pad(cells[i], widths[i]));
    }
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }

  private void errors(List<ScanError> errors) {
    if (errors.isEmpty()) {
      return;
    }
    text.append('\n')
        .append(paint(BOLD_YELLOW, "errors"))
        .append(" (")
        .append(count(errors.size()))
        .append("):\n");
    List<String[]> rows = new ArrayList<>();
    int[] widths = new int[4];
    for (ScanError error : errors) {
      String[] row = {
        dashIfEmpty(terminal(error.accountId())),
        dashIfEmpty(terminal(error.region())),
        dashIfEmpty(terminal(error.operation())),
        dashIfEmpty(terminal(error.code())),
        truncate(terminal(error.message()), MAX_ERROR_MESSAGE)
      };
      for (int i = 0; i < widths.length; i++) {
        row[i] = truncate(row[i], 40);
        widths[i] = Math.max(widths[i], width(row[i]));
      }
      rows.add(row);
    }
    int[] all = java.util.Arrays.copyOf(widths, 5);
    for (String[] row : rows) {
      text.append("  ").append(line(row, all)).append('\n');
    }
  }

  private static String dashIfEmpty(String text) {
    return text.isEmpty() ? "-" : text;
  }

  private static String colorOf(Severity severity) {
    return switch (severity) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      case INFO -> CYAN;
    };
  }

  private String paint(String style, String plain) {
    return color && !style.isEmpty() ? style + plain + RESET : plain;
  }

  @Override
  public void resource(CheckedResource resource) {
    // The table shows only the worst resources, selected while the scan ran.
  }

  @Override
  public void end() throws IOException {
    out.write(text.toString());
    out.flush();
  }
}
