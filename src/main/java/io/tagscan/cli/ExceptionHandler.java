package io.tagscan.cli;

import io.tagscan.inventory.aws.LiveScanException;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import io.tagscan.model.Secrets;
import io.tagscan.model.TagscanException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps every failure to one exit code and one clear message: the expected failures print what went
 * wrong; anything else is a bug, whose stack trace goes to a file named on stderr (or to stderr
 * itself with {@code --verbose}).
 */
final class ExceptionHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (ex instanceof StandardOutput.BrokenPipeException) {
      return ExitCode.BROKEN_PIPE;
    }
    if (ex instanceof CancellationException) {
      // Ctrl-C or SIGTERM: the JVM is exiting with the signal's status, and nothing is to be said.
      return ExitCode.INTERRUPTED;
    }
    if (ex instanceof InputException input) {
      input.diagnostics().forEach(d -> err.println(d.format()));
      err.flush();
      return input.exitCode();
    }
    if (ex instanceof LiveScanException unlisted) {
      err.println("tagscan: error: the accounts to scan could not be listed");
      unlisted.errors().forEach(e -> err.println("  " + Summaries.error(e)));
      err.flush();
      return ExitCode.INCOMPLETE;
    }
    if (ex instanceof TagscanException expected) {
      err.println("tagscan: error: " + Secrets.redact(expected.getMessage()));
      err.flush();
      return expected.exitCode();
    }
    StringWriter trace = new StringWriter();
    ex.printStackTrace(new PrintWriter(trace));
    // An SDK exception's text may echo a request's credentials; neither stderr nor the log keeps
    // them.
    String failure = Printable.of(Secrets.redact(ex.toString()));
    String details = Secrets.redact(trace.toString());
    if (isVerbose(parsed)) {
      err.println("tagscan: internal error: " + failure);
      err.print(details);
    } else {
      err.println("tagscan: internal error: " + failure + " (this is a bug in tagscan)");
      err.println("tagscan: details: " + saveTrace(details));
    }
    err.flush();
    return ExitCode.INTERNAL;
  }

  private static boolean isVerbose(ParseResult parsed) {
    for (ParseResult current = parsed; current != null; current = current.subcommand()) {
      if (current.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String saveTrace(String trace) {
    try {
      Path file = Files.createTempFile("tagscan-crash-", ".log");
      Files.writeString(file, trace, StandardCharsets.UTF_8);
      return file.toString();
    } catch (IOException e) {
      return "could not be saved (" + e.getMessage() + "); run again with --verbose";
    }
  }
}
