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
import io.tagscan.model.Suppressed;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The terminal view, laid out for the terminal's width: totals, then the worst resources first
 * (capped, with "…and N more" and how to see the rest), each with its findings, then the parts of
 * the scan that failed, and last the verdict.
 *
 * <p>No line is wider than {@link ReportOptions#tableWidth()}, counted in display columns. When the
 * findings fit as one row each, with the whole fix as the last column, they are shown so; otherwise
 * each fix goes on its own indented line below its finding, wrapped at spaces, and is never cut.
 * ARNs too long for a line are shortened in the middle with …, keys and values at their end; the
 * JSON and CSV reports carry them whole.
 *
 * <p>Every user-supplied string goes through {@link Escaping#terminal}, so a tag value cannot
 * smuggle an escape sequence to the terminal; colour codes come only from here, and only when
 * asked.
 */
final class TableReportSink implements ReportSink {

  private static final String[] HEADERS = {"SEVERITY", "RULE", "KEY", "VALUE", "FIX"};
  private static final int[] MAX_WIDTHS = {8, 28, 40, 32};
  private static final int MAX_ERROR_MESSAGE = 400;
  private static final int MIN_WIDTH = 20;
  private static final String FIX_LABEL = "    fix: ";
  private static final String FIX_INDENT = "         ";
  private static final String CONTINUATION = "  ";

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
  private int width;

  TableReportSink(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(ReportContext context) {
    color = context.options().color();
    width = Math.max(MIN_WIDTH, context.options().tableWidth());
    ScanInfo info = context.info();
    Summary summary = context.summary();
    prose(
        paint(BOLD, "tagscan")
            + ": "
            + plural(summary.resources(), "resource", "resources")
            + ", "
            + count(summary.compliant())
            + " compliant, "
            + paint(summary.noncompliant() > 0 ? RED : "", count(summary.noncompliant()))
            + " noncompliant ("
            + percent(summary.complianceRate())
            + " compliant)");
    StringBuilder findings = new StringBuilder("findings: ");
    for (Severity severity : Severity.values()) {
      if (severity != Severity.ERROR) {
        findings.append(", ");
      }
      findings
          .append(count(summary.findingsBySeverity().get(severity)))
          .append(' ')
          .append(paint(colorOf(severity), severity.slug()));
    }
    prose(findings.toString());
    StringBuilder accounts =
        new StringBuilder("accounts: ")
            .append(count(info.accountsScanned()))
            .append(" of ")
            .append(count(info.accountsRequested()))
            .append(" scanned");
    if (info.accountsFailed() > 0) {
      accounts.append(", ").append(count(info.accountsFailed())).append(" failed");
    }
    accounts
        .append("; regions: ")
        .append(
            info.regions().isEmpty()
                ? "–"
                : info.regions().size() <= 4
                    ? terminal(String.join(", ", info.regions()))
                    : count(info.regions().size()));
    prose(accounts.toString());
    if (!info.sagemaker().isEmpty()) {
      prose(
          "sagemaker: "
              + count(info.sagemakerListed())
              + " resources listed directly, "
              + count(info.sagemakerListedOnly())
              + " of them never returned by the Tagging API");
    }
    TableCosts.unallocatable(summary.unallocatable(), width, text);
    if (info.resourceExplorer() != null) {
      prose(
          "resource explorer: "
              + count(info.resourceExplorer().explorerOnly())
              + " resources found only in the view");
    }
    findings(context.worst(), summary.resourcesWithFindings());
    TableCosts.costliest(context.costliestNoncompliant(), width, text);
    suppressed(context);
    errors(context.errors());
    text.append('\n');
    prose(label(context.verdict()) + ": " + context.verdictSentence());
  }

  private String label(ReportContext.Verdict verdict) {
    return switch (verdict) {
      case FAILED -> paint(RED, "FAILED");
      case PASSED -> paint(GREEN, "PASSED");
      case INCOMPLETE -> paint(BOLD_YELLOW, "INCOMPLETE");
      case REPORT_ONLY -> paint(BOLD, "REPORT ONLY");
    };
  }

  /** A sentence wrapped at spaces to the width, continued with an indent. */
  private void prose(String sentence) {
    for (String line : TerminalText.wrap(sentence, width, "", CONTINUATION)) {
      text.append(line).append('\n');
    }
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
          if (i < MAX_WIDTHS.length) {
            row[i] = truncate(row[i], MAX_WIDTHS[i]);
          }
          widths[i] = Math.max(widths[i], width(row[i]));
        }
        rows.add(row);
      }
    }
    // One row per finding when the widest fix fits whole; otherwise each fix on its own lines.
    boolean oneRow = 2 + sum(widths) + 2 * (widths.length - 1) <= width;
    int room = width - 2 - widths[0] - 2;
    // Without the fix, keys line up while a short value still fits beside the widest key;
    // otherwise each value follows its key.
    int[] stacked = {widths[0], widths[1], widths[2], widths[3]};
    if (widths[1] + 2 + widths[2] + 2 + Math.min(widths[3], 8) > room) {
      stacked[2] = 0;
    }
    if (!worst.isEmpty()) {
      String header = oneRow ? line(HEADERS, widths) : line(Arrays.copyOf(HEADERS, 4), stacked);
      text.append("  ").append(paint(BOLD, truncate(header, width - 2))).append('\n');
    }
    int next = 0;
    for (CheckedResource checked : worst) {
      resourceLine(checked);
      for (int f = 0; f < checked.findings().size(); f++) {
        String[] row = rows.get(next++);
        Severity severity = checked.findings().get(f).severity();
        text.append("  ").append(paint(colorOf(severity), pad(row[0], widths[0]))).append("  ");
        if (oneRow) {
          text.append(line(Arrays.copyOfRange(row, 1, row.length), tail(widths))).append('\n');
          continue;
        }
        String rest =
            line(new String[] {row[1], row[2], row[3]}, Arrays.copyOfRange(stacked, 1, 4));
        text.append(truncate(rest, room)).append('\n');
        for (String line : TerminalText.wrap(row[4], width, FIX_LABEL, FIX_INDENT)) {
          text.append(line).append('\n');
        }
      }
    }
    long hidden = withFindings - worst.size();
    if (hidden > 0) {
      prose(
          "…and "
              + plural(hidden, "more resource", "more resources")
              + " with findings; see more with --table-limit N, or every finding with"
              + " --format csv -o DIR");
    }
  }

  /** With {@code --show-suppressed}: the findings exemptions waived, each with its reason. */
  private void suppressed(ReportContext context) {
    long waived = context.summary().findingsWaived();
    if (!context.options().showSuppressed() || waived == 0) {
      return;
    }
    text.append('\n')
        .append(paint(BOLD, "waived by exemptions"))
        .append(" (")
        .append(plural(waived, "finding", "findings"))
        .append("):\n");
    for (CheckedResource checked : context.suppressed()) {
      resourceLine(checked);
      for (Suppressed entry : checked.suppressed()) {
        Finding finding = entry.finding();
        String what =
            finding.severity().slug()
                + "  "
                + finding.rule().slug()
                + (finding.key() == null ? "" : "  " + terminal(finding.key()));
        text.append("  ").append(paint(DIM, truncate(what, width - 2))).append('\n');
        String reason =
            "reason: "
                + terminal(entry.reason())
                + (entry.exemption().isEmpty() ? "" : " (" + terminal(entry.exemption()) + ")");
        for (String line : TerminalText.wrap(reason, width, "    ", "    ")) {
          text.append(line).append('\n');
        }
      }
    }
    long hidden = context.suppressedResources() - context.suppressed().size();
    if (hidden > 0) {
      prose(
          "…and "
              + plural(hidden, "more resource", "more resources")
              + " with waived findings; every one is in the JSON report");
    }
  }

  /**
   * The ARN with the resource's type, account, region and, where a billing export priced it, its
   * cost, on one line or two.
   */
  private void resourceLine(CheckedResource checked) {
    Resource resource = checked.resource();
    String arn = terminal(resource.arn());
    String meta =
        checked.cost() == null
            ? meta(resource)
            : meta(resource)
                + "  "
                + checked.cost().amountText()
                + " "
                + terminal(checked.cost().currency());
    if (width(arn) + 2 + width(meta) <= width) {
      text.append(paint(BOLD, arn)).append("  ").append(paint(DIM, meta)).append('\n');
      return;
    }
    text.append(paint(BOLD, TerminalText.middle(arn, width))).append('\n');
    text.append("  ").append(paint(DIM, truncate(meta, width - 2))).append('\n');
  }

  private static int sum(int[] values) {
    int sum = 0;
    for (int value : values) {
      sum += value;
    }
    return sum;
  }

  private static int[] tail(int[] widths) {
    return Arrays.copyOfRange(widths, 1, widths.length);
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
    int[] all = Arrays.copyOf(widths, 5);
    int longest = rows.stream().mapToInt(row -> width(row[4])).max().orElse(0);
    boolean oneRow = 2 + sum(widths) + 2 * widths.length + longest <= width;
    for (String[] row : rows) {
      if (oneRow) {
        text.append("  ").append(line(row, all)).append('\n');
        continue;
      }
      String where = line(Arrays.copyOf(row, 4), widths);
      text.append("  ").append(truncate(where, width - 2)).append('\n');
      if (!row[4].isEmpty()) {
        for (String line : TerminalText.wrap(row[4], width, "    ", "    ")) {
          text.append(line).append('\n');
        }
      }
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
