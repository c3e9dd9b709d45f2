package io.tagscan.report;

import static io.tagscan.report.Escaping.markdown;
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
 * The diff as a Markdown page for a merge-request comment: the verdict, the figures, the coverage
 * of each key, and the first new and fixed findings and added and removed resources; every
 * user-supplied string goes through {@link Escaping#markdown}.
 */
final class DiffMarkdown {

  private final Writer out;
  private final Severity failOn;
  private final StringBuilder page = new StringBuilder(4096);

  DiffMarkdown(Writer out, Severity failOn) {
    this.out = out;
    this.failOn = failOn;
  }

  void write(ReportDiff.Figures figures) throws IOException {
    page.append("## tagscan diff: **")
        .append(DiffText.verdict(figures, failOn))
        .append("** — ")
        .append(markdown(DiffText.sentence(figures, failOn)))
        .append("\n\n")
        .append(markdown(figures.oldFile.toString()))
        .append(" → ")
        .append(markdown(figures.newFile.toString()))
        .append("\n\n| | old | new | change |\n|---|---:|---:|---|\n")
        .append("| resources | ")
        .append(count(figures.oldResources))
        .append(" | ")
        .append(count(figures.newResources))
        .append(" | ")
        .append(DiffText.resources(figures))
        .append(" |\n| compliance rate | ")
        .append(percent(figures.before.complianceRate()))
        .append(" | ")
        .append(percent(figures.after.complianceRate()))
        .append(" | ")
        .append(DiffText.points(figures.before.complianceRate(), figures.after.complianceRate()))
        .append(" |\n| findings | | | ")
        .append(DiffText.findings(figures))
        .append(" |\n");
    Map<String, BigDecimal[]> coverage = DiffText.coverage(figures);
    if (!coverage.isEmpty()) {
      page.append("\n### Coverage\n\n| key | old | new | change |\n|---|---:|---:|---:|\n");
      for (Map.Entry<String, BigDecimal[]> key : coverage.entrySet()) {
        BigDecimal[] rates = key.getValue();
        page.append("| ")
            .append(markdown(key.getKey()))
            .append(" | ")
            .append(percent(rates[0]))
            .append(" | ")
            .append(percent(rates[1]))
            .append(" | ")
            .append(DiffText.points(rates[0], rates[1]))
            .append(" |\n");
      }
    }
    findings("New findings", figures.count(ReportDiff.Change.NEW), figures.newFindings);
    findings("Fixed findings", figures.count(ReportDiff.Change.FIXED), figures.fixedFindings);
    resources("Added resources", figures.added, figures.addedResources);
    resources("Removed resources", figures.removed, figures.removedResources);
    out.write(page.toString());
  }

  private void findings(String title, long total, List<ReportDiff.Entry> shown) {
    if (total == 0) {
      return;
    }
    page.append("\n### ")
        .append(title)
        .append(" (")
        .append(count(total))
        .append(")\n\n| severity | rule | key | resource |\n|---|---|---|---|\n");
    for (ReportDiff.Entry entry : shown) {
      Finding finding = entry.finding();
      page.append("| ")
          .append(finding.severity().slug())
          .append(" | ")
          .append(finding.rule().slug())
          .append(" | ")
          .append(finding.key() == null ? "–" : markdown(finding.key()))
          .append(" | ")
          .append(markdown(entry.resource().resource().arn()))
          .append(" |\n");
    }
    more(total, shown.size());
  }

  private void resources(String title, long total, List<CheckedResource> shown) {
    if (total == 0) {
      return;
    }
    page.append("\n### ").append(title).append(" (").append(count(total)).append(")\n\n");
    for (CheckedResource resource : shown) {
      page.append("- ").append(markdown(resource.resource().arn())).append('\n');
    }
    more(total, shown.size());
  }

  private void more(long total, int shown) {
    if (total > shown) {
      page.append("\n…and ")
          .append(count(total - shown))
          .append(" more: `tagscan report diff --format json` lists every one.\n");
    }
  }
}
