package io.tagscan.cli;

import picocli.CommandLine;

/** Builds the one {@link CommandLine} used by {@link Main} and by every test. */
public final class CommandLineFactory {

  private CommandLineFactory() {}

  /** A command line for the real process. */
  public static CommandLine create() {
    return create(Environment.system());
  }

  /** A command line that sees the given terminal, variables and clock. */
  public static CommandLine create(Environment environment) {
    CommandLine commandLine = new CommandLine(new TagscanCommand(environment));
    commandLine.setExecutionExceptionHandler(new ExceptionHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    // Every value with a fixed set of choices is read regardless of case: --format JSON too.
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpAutoWidth(true);
    return commandLine;
  }
}
