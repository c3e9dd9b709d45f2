package io.tagscan.cli;

import io.tagscan.model.ExitCode;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.SavedReports;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tagscan report render}: writes any format from one saved JSON report. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Write any report format from a saved tagscan JSON report, as the scan would have.",
    })
final class ReportRenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPORT.json", description = "A saved tagscan JSON report.")
  Path report;

  @Mixin ReportChoices reports;

  @Mixin DisplayOptions display;

  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    ReportOptions options = SavedReportOptions.of(spec, reports, display);
    var summary = SavedReports.render(report, options, spec.commandLine().getOut());
    SavedReportOptions.describe(spec, display, options, summary);
    return ExitCode.OK.code();
  }
}
