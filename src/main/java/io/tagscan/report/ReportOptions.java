package io.tagscan.report;

import io.tagscan.model.Severity;
import io.tagscan.model.UsageException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to report and where: the formats, the output directory (null for none, when the one format
 * chosen goes to standard output), the CSV layout, the lowest severity that fails the run (null for
 * never), how many resources the terminal table shows, whether it may use colour, how many columns
 * wide it may be, and whether values taken for personal data are shown as they are ({@code
 * --show-pii}) rather than masked. {@code baseline}, null for none, holds the findings that do not
 * count toward {@code failOn} ({@code --baseline}). {@code showSuppressed} lists the findings
 * exemptions waived in the table and the Markdown page ({@code --show-suppressed}); every format
 * counts them either way.
 */
public record ReportOptions(
    Set<ReportFormat> formats,
    Path outputDir,
    CsvLayout csvLayout,
    Severity failOn,
    int tableLimit,
    boolean color,
    int tableWidth,
    boolean showPii,
    Baseline baseline,
    boolean showSuppressed) {

  /** The width the terminal table gets when nothing says otherwise. */
  public static final int DEFAULT_TABLE_WIDTH = 80;

  /**
   * Options for a table {@value #DEFAULT_TABLE_WIDTH} columns wide that mask personal data, as
   * every report does by default.
   */
  public ReportOptions(
      Set<ReportFormat> formats,
      Path outputDir,
      CsvLayout csvLayout,
      Severity failOn,
      int tableLimit,
      boolean color) {
    this(formats, outputDir, csvLayout, failOn, tableLimit, color, DEFAULT_TABLE_WIDTH, false);
  }

  /** Options with no baseline: every finding counts toward {@code --fail-on}. */
  public ReportOptions(
      Set<ReportFormat> formats,
      Path outputDir,
      CsvLayout csvLayout,
      Severity failOn,
      int tableLimit,
      boolean color,
      int tableWidth,
      boolean showPii) {
    this(
        formats, outputDir, csvLayout, failOn, tableLimit, color, tableWidth, showPii, null, false);
  }

  /** The same options, with findings of {@code known} not counting toward {@code --fail-on}. */
  public ReportOptions withBaseline(Baseline known) {
    return new ReportOptions(
        formats,
        outputDir,
        csvLayout,
        failOn,
        tableLimit,
        color,
        tableWidth,
        showPii,
        known,
        showSuppressed);
  }

  /** The same options, listing the findings exemptions waived or not. */
  public ReportOptions withShowSuppressed(boolean show) {
    return new ReportOptions(
        formats,
        outputDir,
        csvLayout,
        failOn,
        tableLimit,
        color,
        tableWidth,
        showPii,
        baseline,
        show);
  }

  /**
   * The same options, with personal data shown as the resources hold it (already masked or not).
   */
  public ReportOptions withPiiAsIs() {
    return new ReportOptions(
        formats,
        outputDir,
        csvLayout,
        failOn,
        tableLimit,
        color,
        tableWidth,
        true,
        baseline,
        showSuppressed);
  }

  public ReportOptions {
    Objects.requireNonNull(formats, "formats");
    EnumSet<ReportFormat> copy = EnumSet.noneOf(ReportFormat.class);
    copy.addAll(formats);
    formats = Collections.unmodifiableSet(copy);
    csvLayout = Objects.requireNonNullElse(csvLayout, CsvLayout.FINDINGS);
    if (tableLimit < 0) {
      throw new UsageException("the table limit must be 0 or more, not " + tableLimit);
    }
    if (tableWidth < 1) {
      throw new IllegalArgumentException("the table width must be positive, not " + tableWidth);
    }
    if (outputDir == null && formats.size() > 1) {
      throw new UsageException(
          "several formats need -o DIR; choose one format or give an output directory");
    }
  }

  /** True when the format goes to standard output rather than to a file. */
  public boolean toStdout(ReportFormat format) {
    return formats.contains(format) && (format == ReportFormat.TABLE || outputDir == null);
  }

  /** The file the format is written to, or null when it goes to standard output. */
  public Path file(ReportFormat format) {
    if (!formats.contains(format) || toStdout(format)) {
      return null;
    }
    return outputDir.resolve(format.fileName(csvLayout));
  }
}
