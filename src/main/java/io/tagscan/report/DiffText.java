package io.tagscan.report;

import static io.tagscan.report.Numbers.count;
import static io.tagscan.report.Numbers.plural;

import io.tagscan.model.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sentences and figures the diff's table and Markdown page share. */
final class DiffText {

  private DiffText() {}

  /** The change of a rate in percentage points, such as {@code +3.22 points}; – when unknown. */
  static String points(BigDecimal before, BigDecimal after) {
    if (before == null || after == null) {
      return "–";
    }
    BigDecimal change =
        after
            .subtract(before)
            .movePointRight(2)
            .setScale(2, RoundingMode.HALF_UP)
            .stripTrailingZeros();
    String text = change.signum() == 0 ? "0" : change.toPlainString();
    return (change.signum() > 0 ? "+" : "") + text + (text.equals("1") ? " point" : " points");
  }

  /** The coverage rate of each key before and after, keys of the old report first. */
  static Map<String, BigDecimal[]> coverage(ReportDiff.Figures figures) {
    Map<String, BigDecimal[]> keys = new LinkedHashMap<>();
    for (Summary.KeyCoverage key : figures.before.coverage()) {
      keys.computeIfAbsent(key.key(), k -> new BigDecimal[2])[0] = key.rate();
    }
    for (Summary.KeyCoverage key : figures.after.coverage()) {
      keys.computeIfAbsent(key.key(), k -> new BigDecimal[2])[1] = key.rate();
    }
    return keys;
  }

  /** {@code 3 new, 5 fixed, 33 unchanged}. */
  static String findings(ReportDiff.Figures figures) {
    return count(figures.count(ReportDiff.Change.NEW))
        + " new, "
        + count(figures.count(ReportDiff.Change.FIXED))
        + " fixed, "
        + count(figures.count(ReportDiff.Change.UNCHANGED))
        + " unchanged";
  }

  /** {@code 2 added, 1 removed}. */
  static String resources(ReportDiff.Figures figures) {
    return count(figures.added) + " added, " + count(figures.removed) + " removed";
  }

  /** The verdict word: FAILED when a new finding reached the threshold, else PASSED, or DIFF. */
  static String verdict(ReportDiff.Figures figures, Severity failOn) {
    if (failOn == null) {
      return "DIFF";
    }
    return figures.failing(failOn) > 0 ? "FAILED" : "PASSED";
  }

  /**
   * The verdict in one sentence, such as {@code 2 new errors; 1 new warning; 5 fixed}: the new
   * findings that decide the run first, then the other new ones, then what was fixed.
   */
  static String sentence(ReportDiff.Figures figures, Severity failOn) {
    List<String> parts = new ArrayList<>();
    List<String> failing = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      long found = figures.newBySeverity.get(severity);
      if (found > 0) {
        String text =
            severity == Severity.INFO
                ? count(found) + " new info"
                : plural(found, "new " + severity.slug(), "new " + severity.slug() + "s");
        (failOn != null && severity.atLeast(failOn) ? failing : others).add(text);
      }
    }
    if (failOn != null && failing.isEmpty()) {
      parts.add(
          switch (failOn) {
            case ERROR -> "no new errors";
            case WARNING -> "no new errors or warnings";
            case INFO -> "no new findings";
          });
    }
    parts.addAll(failing);
    parts.addAll(others);
    if (failOn == null && others.isEmpty()) {
      parts.add("no new findings");
    }
    parts.add(count(figures.count(ReportDiff.Change.FIXED)) + " fixed");
    if (failOn == null) {
      parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " (no --fail-on threshold)");
    }
    return String.join("; ", parts);
  }
}
