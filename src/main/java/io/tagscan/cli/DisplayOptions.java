package io.tagscan.cli;

import picocli.CommandLine.Option;

/** How much a command says on the terminal: shared by the commands that scan. */
final class DisplayOptions {

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing on stderr but errors: no progress, no closing summary.")
  boolean quiet;

  @Option(
      names = "--no-progress",
      description = "No progress line on stderr (it is shown only on a terminal anyway).")
  boolean noProgress;

  @Option(
      names = "--progress",
      description = "Show the progress line on stderr even when it is not a terminal.")
  boolean forceProgress;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Say more on stderr: AWS SDK warnings, and the stack trace of an internal error.")
  boolean verbose;

  @Option(names = "--no-color", description = "No colours in the terminal table (also: NO_COLOR).")
  boolean noColor;

  /** True when a progress line should be drawn on a stderr that is or is not a terminal. */
  boolean progress(boolean stderrIsTerminal) {
    if (quiet || noProgress) {
      return false;
    }
    return forceProgress || stderrIsTerminal;
  }
}
