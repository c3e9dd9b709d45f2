package io.tagscan.cli;

import io.tagscan.model.UsageException;
import io.tagscan.report.CsvLayout;
import io.tagscan.report.ReportFormat;
import io.tagscan.report.ReportOptions;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options that say which reports a scan writes, where, and what fails the run. */
final class ReportChoices {

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
      description =
          "findings: one row per finding; resources: one row per resource, one column per dictionary key (default: ${DEFAULT-VALUE}).")
  CsvLayout csvLayout;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
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

  /** The report options for this terminal; colours only on a terminal that wants them. */
  ReportOptions toOptions(Environment environment, boolean noColor) {
    if (tableLimit < 1) {
      throw new UsageException("--table-limit must be at least 1");
    }
    return new ReportOptions(
        formats(environment),
        output,
        csvLayout,
        failOn.threshold(),
        tableLimit,
        environment.colorOnStdout() && !noColor,
        environment.tableWidth());
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
