package io.tagscan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tagscan report}: commands that make reports from saved JSON reports. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Make reports from saved tagscan JSON reports: render, merge, diff.",
    subcommands = {ReportRenderCommand.class, ReportMergeCommand.class, ReportDiffCommand.class})
final class ReportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing a report command: render, merge or diff");
  }
}
