package io.tagscan.report;

import static io.tagscan.report.Escaping.pad;
import static io.tagscan.report.Escaping.terminal;
import static io.tagscan.report.Escaping.truncate;
import static io.tagscan.report.Escaping.width;
import static io.tagscan.report.Numbers.count;
import static io.tagscan.report.Numbers.percent;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The diff on a terminal: the figures, the coverage of each key, then the first new and fixed
 * findings and added and removed resources, and the verdict. No line is wider than the terminal;
 * every user-supplied string goes through {@link Escaping#terminal}.
 */
final class DiffTable {

  private static final int RATE = 8;
  private static final int CHANGE = 14;
  private static final int RULE = 28;

  private final Writer out;
  private final int width;
  private final Severity failOn;
  private final StringBuilder text = new StringBuilder(4096);

  DiffTable(Writer out, int width, Severity failOn) {
    this.out = out;
    this.width = width;
    this.failOn = failOn;
  }

  void write(ReportDiff.Figures figures) throws IOException {
    line(
        "tagscan diff: "
            + terminal(figures.oldFile.toString())
            + " → "
            + terminal(figures.newFile.toString()));
    line(
        "resources:  "
            + count(figures.oldResources)
            + " → "
            + count(figures.newResources)
            + " ("
            + DiffText.resources(figures)
            + ")");
    line("findings:   " + DiffText.findings(figures));
    line(
        "compliance: "
            + percent(figures.before.complianceRate())
            + " → "
            + percent(figures.after.complianceRate())
            + " ("
            + DiffText.points(figures.before.complianceRate(), figures.after.complianceRate())
            + ")");
    Map<String, BigDecimal[]> coverage = DiffText.coverage(figures);
    if (!coverage.isEmpty()) {
      int keyWidth = Math.max(10, width - 2 * (RATE + 1) - CHANGE - 1);
      text.append('\n');
      line(pad("COVERAGE", keyWidth) + " " + rate("OLD") + " " + rate("NEW") + " CHANGE");
      for (Map.Entry<String, BigDecimal[]> key : coverage.entrySet()) {
        BigDecimal[] rates = key.getValue();
        line(
            pad(truncate(terminal(key.getKey()), keyWidth), keyWidth)
                + " "
                + rate(percent(rates[0]))
                + " "
                + rate(percent(rates[1]))
                + " "
                + DiffText.points(rates[0], rates[1]));
      }
    }
    findings("new findings", "+", figures.count(ReportDiff.Change.NEW), figures.newFindings);
    findings("fixed findings", "-", figures.count(ReportDiff.Change.FIXED), figures.fixedFindings);
    resources("added resources", "+", figures.added, figures.addedResources);
    resources("removed resources", "-", figures.removed, figures.removedResources);
    text.append('\n');
    line(DiffText.verdict(figures, failOn) + ": " + DiffText.sentence(figures, failOn));
    out.write(text.toString());
  }

  private static String rate(String rate) {
    return " ".repeat(Math.max(0, RATE - width(rate))) + rate;
  }

  private void findings(String title, String sign, long total, List<ReportDiff.Entry> shown) {
    if (total == 0) {
      return;
    }
    text.append('\n');
    line(title + " (" + count(total) + ")");
    int keyWidth = Math.max(8, width - 2 - 8 - 1 - RULE - 1);
    for (ReportDiff.Entry entry : shown) {
      Finding finding = entry.finding();
      line(
          sign
              + " "
              + pad(finding.severity().slug(), 8)
              + " "
              + pad(finding.rule().slug(), RULE)
              + " "
              + truncate(terminal(finding.key() == null ? "–" : finding.key()), keyWidth));
      line("    " + TerminalText.middle(terminal(entry.resource().resource().arn()), width - 4));
    }
    more(total, shown.size());
  }

  private void resources(String title, String sign, long total, List<CheckedResource> shown) {
    if (total == 0) {
      return;
    }
    text.append('\n');
    line(title + " (" + count(total) + ")");
    for (CheckedResource resource : shown) {
      line(sign + " " + TerminalText.middle(terminal(resource.resource().arn()), width - 2));
    }
    more(total, shown.size());
  }

  private void more(long total, int shown) {
    if (total > shown) {
      line("…and " + count(total - shown) + " more (--format json lists every one)");
    }
  }

  private void line(String line) {
    text.append(TerminalText.width(line) > width ? truncate(line, width) : line).append('\n');
  }
}
