package io.tagscan.cli;

import io.tagscan.model.Diagnostic;
import io.tagscan.model.EditDistance;
import io.tagscan.model.ExitCode;
import io.tagscan.model.Printable;
import io.tagscan.model.TagscanException;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistake on the command line: the message, picocli's "did you mean" when it has one, and one
 * line pointing at {@code --help}, rather than the whole usage text that would scroll the message
 * away.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    // The defaults file is read while the options are parsed: its problems arrive here.
    if (ex.getCause() instanceof TagscanException expected) {
      ExceptionHandler.explain(expected, err);
      err.flush();
      return expected.exitCode().code();
    }
    Diagnostic fromFile =
        commandLine.getDefaultValueProvider() instanceof FileDefaults defaults
            ? defaults.placeOf(ex)
            : null;
    if (fromFile != null) {
      err.println(fromFile.format());
      err.flush();
      return ExitCode.USAGE.code();
    }
    err.println("tagscan: error: " + Printable.of(ex.getMessage()));
    if (ex instanceof UnmatchedArgumentException unmatched) {
      String option = unmatched.isUnknownOption() ? closestOption(unmatched) : null;
      if (option != null) {
        err.println("Did you mean: " + option + "?");
      } else {
        UnmatchedArgumentException.printSuggestions(unmatched, err);
      }
    }
    err.println(
        "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.USAGE.code();
  }

  /**
   * The option of the command closest to the first unknown one, such as {@code --format} for {@code
   * --fromat}; picocli itself only suggests options that share the first two letters.
   */
  private static String closestOption(UnmatchedArgumentException unmatched) {
    List<String> arguments = unmatched.getUnmatched();
    if (arguments.isEmpty() || !arguments.get(0).startsWith("-")) {
      return null;
    }
    String typed = arguments.get(0);
    int equals = typed.indexOf('=');
    if (equals > 0) {
      typed = typed.substring(0, equals);
    }
    int limit = Math.max(2, typed.length() / 3);
    String best = null;
    int bestDistance = limit + 1;
    for (String name :
        new TreeSet<>(unmatched.getCommandLine().getCommandSpec().optionsMap().keySet())) {
      int distance = EditDistance.atMost(typed, name, limit);
      if (name.startsWith("--") && distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best;
  }
}
