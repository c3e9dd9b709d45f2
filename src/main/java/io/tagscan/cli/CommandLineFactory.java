package io.tagscan.cli;

import picocli.CommandLine;

/** Builds the one {@link CommandLine} used by {@link Main} and by every test. */
public final class CommandLineFactory {

  private CommandLineFactory() {}

  /** A fresh command line, with tagscan's exception handling and exit codes. */
  public static CommandLine create() {
    CommandLine commandLine = new CommandLine(new TagscanCommand());
    commandLine.setExecutionExceptionHandler(new ExceptionHandler());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpAutoWidth(true);
    return commandLine;
  }
}
