package io.tagscan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code tagscan} command; it holds the subcommands and the environment. */
@Command(
    name = "tagscan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Checks AWS resources against a tagging dictionary and reports what is out of line.",
    subcommands = {
      ScanCommand.class,
      CheckCommand.class,
      AccountsCommand.class,
      CostCommand.class,
      DictionaryCommand.class,
      PolicyCommand.class,
      ReportCommand.class,
      FixCommand.class,
      picocli.AutoComplete.GenerateCompletion.class,
      picocli.CommandLine.HelpCommand.class
    })
final class TagscanCommand implements Runnable {

  @Spec CommandSpec spec;

  private final Environment environment;

  TagscanCommand(Environment environment) {
    this.environment = environment;
  }

  /** The process around the command line. */
  Environment environment() {
    return environment;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing a command: scan, accounts, dictionary or report");
  }
}
