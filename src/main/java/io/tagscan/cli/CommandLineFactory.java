package io.tagscan.cli;

import io.tagscan.model.ExitCode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParseResult;

/** Builds the one {@link CommandLine} used by {@link Main} and by every test. */
public final class CommandLineFactory {

  private CommandLineFactory() {}

  /** A command line for the real process, its data written to the standard output's descriptor. */
  public static CommandLine create() {
    CommandLine commandLine = create(Environment.system());
    commandLine.setOut(StandardOutput.system());
    return commandLine;
  }

  /** A command line that sees the given terminal, variables and clock. */
  public static CommandLine create(Environment environment) {
    return create(environment, Path.of(""));
  }

  /** A command line that sees the given environment and looks for defaults in this directory. */
  static CommandLine create(Environment environment, Path workingDirectory) {
    CommandLine commandLine = new CommandLine(new TagscanCommand(environment));
    FileDefaults defaults = new FileDefaults(environment.variables(), workingDirectory);
    commandLine.setDefaultValueProvider(defaults);
    defaults.addHelpSections(commandLine);
    commandLine.setExecutionExceptionHandler(new ExceptionHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    // Every value with a fixed set of choices is read regardless of case: --format JSON too.
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpAutoWidth(true);
    commandLine.setExecutionStrategy(parsed -> executeCheckingOutput(commandLine, parsed));
    listExitCodes(commandLine.getSubcommands().get("scan"), EnumSet.allOf(ExitCode.class));
    listExitCodes(commandLine.getSubcommands().get("cost"), EnumSet.allOf(ExitCode.class));
    listExitCodes(
        commandLine.getSubcommands().get("policy").getSubcommands().get("check"),
        EnumSet.allOf(ExitCode.class));
    listExitCodes(
        commandLine.getSubcommands().get("check"),
        EnumSet.complementOf(EnumSet.of(ExitCode.INCOMPLETE)));
    listExitCodes(
        commandLine.getSubcommands().get("accounts"),
        EnumSet.complementOf(EnumSet.of(ExitCode.FINDINGS)));
    for (String file : List.of("lint", "export", "import")) {
      listExitCodes(
          commandLine.getSubcommands().get("dictionary").getSubcommands().get(file),
          EnumSet.complementOf(EnumSet.of(ExitCode.FINDINGS, ExitCode.INCOMPLETE)));
    }
    CommandLine report = commandLine.getSubcommands().get("report");
    for (String saved : List.of("render", "merge")) {
      listExitCodes(
          report.getSubcommands().get(saved),
          EnumSet.complementOf(EnumSet.of(ExitCode.FINDINGS, ExitCode.INCOMPLETE)));
    }
    listExitCodes(
        report.getSubcommands().get("diff"), EnumSet.complementOf(EnumSet.of(ExitCode.INCOMPLETE)));
    CommandLine fix = commandLine.getSubcommands().get("fix");
    for (String step : List.of("plan", "apply")) {
      listExitCodes(
          fix.getSubcommands().get(step), EnumSet.complementOf(EnumSet.of(ExitCode.FINDINGS)));
    }
    listExitCodes(
        fix.getSubcommands().get("show"),
        EnumSet.complementOf(EnumSet.of(ExitCode.FINDINGS, ExitCode.INCOMPLETE)));

    return commandLine;
  }

  /** The help footer of a command: the statuses it can end with, from the one table of them. */
  private static void listExitCodes(CommandLine command, Set<ExitCode> codes) {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exit : codes) {
      list.put(String.format("%3d", exit.code()), exit.summary());
    }
    command
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(list);
  }

  /**
   * Runs the command, then makes sure what it printed reached standard output: data lost there (a
   * full disk, a closed stream, a reader gone) fails the run whatever the command returned.
   */
  private static int executeCheckingOutput(CommandLine commandLine, ParseResult parsed) {
    int exitCode;
    try {
      exitCode = new CommandLine.RunLast().execute(parsed);
    } catch (ExecutionException failed) {
      checkOutput(commandLine);
      throw failed;
    }
    checkOutput(commandLine);
    return exitCode;
  }

  private static void checkOutput(CommandLine commandLine) {
    try {
      StandardOutput.check(commandLine.getOut());
    } catch (RuntimeException lost) {
      throw new ExecutionException(commandLine, lost.getMessage(), lost);
    }
  }
}
