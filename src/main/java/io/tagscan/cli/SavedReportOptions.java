package io.tagscan.cli;

import io.tagscan.model.UsageException;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.Summary;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code report render} and {@code report merge} share: their options and closing lines. */
final class SavedReportOptions {

  private SavedReportOptions() {}

  /** The report options; personal data stays as the saved report holds it, masked or not. */
  static ReportOptions of(CommandSpec spec, ReportChoices reports, DisplayOptions display) {
    if (reports.showPii) {
      throw new UsageException(
          "--show-pii cannot unmask a saved report: it holds tag values as the scan wrote them");
    }
    Environment environment = ((TagscanCommand) spec.root().userObject()).environment();
    return reports.toOptions(environment, display.noColor);
  }

  /** The closing lines on stderr, as a scan prints them, unless {@code --quiet}. */
  static void describe(
      CommandSpec spec, DisplayOptions display, ReportOptions options, Summary summary) {
    StandardOutput.check(spec.commandLine().getOut());
    if (display.quiet) {
      return;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "tagscan: %,d resources, %,d noncompliant; %s%n",
        summary.resources(), summary.noncompliant(), Summaries.findings(summary));
    List<String> written = Summaries.files(options);
    if (!written.isEmpty()) {
      err.println("tagscan: wrote " + String.join(", ", written));
    }
    err.flush();
  }
}
