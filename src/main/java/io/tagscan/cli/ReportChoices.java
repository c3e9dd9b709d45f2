package io.tagscan.cli;

import io.tagscan.model.UsageException;
import io.tagscan.report.CsvLayout;
import io.tagscan.report.ReportFormat;
import io.tagscan.report.ReportOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options that say which reports a scan writes, where, and what fails the run. */
final class ReportChoices {

  /** Reads {@code --csv-layout} by its slug, in any letter case. */
  static final class CsvLayoutConverter implements ITypeConverter<CsvLayout> {
    @Override
    public CsvLayout convert(String value) {
      CsvLayout layout = CsvLayout.fromSlug(value.trim().toLowerCase(Locale.ROOT));
      if (layout == null) {
        throw new TypeConversionException(
            "unknown layout '"
                + value
                + "'; expected one of: "
                + String.join(", ", new Candidates()));
      }
      return layout;
    }

    /** The layouts, for help and completion. */
    static final class Candidates implements Iterable<String> {
      @Override
      public Iterator<String> iterator() {
        return Arrays.stream(CsvLayout.values()).map(CsvLayout::slug).iterator();
      }
    }
  }

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      converter = ReportFormatConverter.class,
      completionCandidates = ReportFormatConverter.Candidates.class,
      description =
          "Reports to write, comma-separated: ${COMPLETION-CANDIDATES}. Default: table on a"
              + " terminal, json otherwise.")
  List<ReportFormat> formats;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description =
          "Write the report files here (created if missing); without it, one report goes to stdout.")
  Path output;

  @Option(
      names = "--csv-layout",
      paramLabel = "LAYOUT",
      defaultValue = "findings",
      converter = CsvLayoutConverter.class,
      completionCandidates = CsvLayoutConverter.Candidates.class,
      description =
          "findings: one row per finding; resources: one row per resource, one column per dictionary key (default: ${DEFAULT-VALUE}).")
  CsvLayout csvLayout;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      converter = FailOn.Converter.class,
      completionCandidates = FailOn.Candidates.class,
      description =
          "The lowest severity that fails the run: error, warning, info or never (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(
      names = "--table-limit",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "Resources shown in the terminal table, worst first (default: ${DEFAULT-VALUE}).")
  int tableLimit;

  @Option(
      names = "--show-pii",
      description =
          "Show tag values taken for personal data as they are; by default every report masks them"
              + " (j***@anycompany.com).")
  boolean showPii;

  @Option(
      names = "--show-suppressed",
      description =
          "List the findings exemptions waived, with each exemption's reason, in the table and the"
              + " Markdown page; every report counts them by rule either way.")
  boolean showSuppressed;

  /** The report options for this terminal; colours only on a terminal that wants them. */
  ReportOptions toOptions(Environment environment, boolean noColor) {
    if (tableLimit < 1) {
      throw new UsageException("--table-limit must be at least 1");
    }
    if (output != null && output.toString().isBlank()) {
      throw new UsageException("-o/--output needs a directory, not an empty name");
    }
    return new ReportOptions(
            formats(environment),
            output,
            csvLayout,
            failOn.threshold(),
            tableLimit,
            environment.colorOnStdout() && !noColor,
            environment.tableWidth(),
            showPii)
        .withShowSuppressed(showSuppressed);
  }

  /**
   * The formats asked for; by default the table on a terminal and JSON on a pipe, and JSON beside
   * the table when there is an output directory.
   */
  private Set<ReportFormat> formats(Environment environment) {
    if (formats != null && !formats.isEmpty()) {
      return EnumSet.copyOf(formats);
    }
    if (output != null) {
      return environment.stdoutIsTerminal()
          ? EnumSet.of(ReportFormat.JSON, ReportFormat.TABLE)
          : EnumSet.of(ReportFormat.JSON);
    }
    return EnumSet.of(environment.stdoutIsTerminal() ? ReportFormat.TABLE : ReportFormat.JSON);
  }
}
