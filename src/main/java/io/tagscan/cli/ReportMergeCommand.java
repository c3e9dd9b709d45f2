package io.tagscan.cli;

import io.tagscan.model.ExitCode;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.SavedReports;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tagscan report merge}: joins the reports of scans of disjoint parts into one. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Join saved JSON reports of scans of disjoint accounts or regions (such as the parts of"
          + " --shard) into the report of the whole, every figure computed again.",
    })
final class ReportMergeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "REPORT.json",
      description = "Saved tagscan JSON reports of one dictionary.")
  List<Path> reportFiles;

  @Mixin ReportChoices reports;

  @Mixin DisplayOptions display;

  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    ReportOptions options = SavedReportOptions.of(spec, reports, display);
    var summary = SavedReports.merge(reportFiles, options, spec.commandLine().getOut());
    SavedReportOptions.describe(spec, display, options, summary);
    return ExitCode.OK.code();
  }
}
