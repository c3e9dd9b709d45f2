package io.tagscan.cli;

import java.util.List;
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
    // Named from the registered commands, so the message never falls behind them.
    List<String> commands =
        spec.subcommands().keySet().stream()
            .filter(name -> !name.equals("help") && !name.equals("generate-completion"))
            .toList();
    String last = commands.get(commands.size() - 1);
    throw new ParameterException(
        spec.commandLine(),
        "Missing a command: "
            + String.join(", ", commands.subList(0, commands.size() - 1))
            + " or "
            + last);
  }
}
