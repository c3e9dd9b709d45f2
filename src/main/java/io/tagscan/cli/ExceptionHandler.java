package io.tagscan.cli;

import io.tagscan.model.ExitCode;
import io.tagscan.model.IncompleteScanException;
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
      return ExitCode.BROKEN_PIPE.code();
    }
    if (ex instanceof CancellationException) {
      // Ctrl-C or SIGTERM: the JVM is exiting with the signal's status, and nothing is to be said.
      awaitShutdown();
      return ExitCode.INTERRUPTED.code();
    }
    if (ex instanceof TagscanException expected) {
      explain(expected, err);
      err.flush();
      return expected.exitCode().code();
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
    return ExitCode.INTERNAL.code();
  }

  /** What an expected failure prints: each problem in its place, or one line and what failed. */
  static void explain(TagscanException expected, PrintWriter err) {
    if (expected instanceof InputException input) {
      input.diagnostics().forEach(d -> err.println(d.format()));
    } else if (expected instanceof IncompleteScanException incomplete) {
      err.println("tagscan: error: " + incomplete.headline());
      incomplete.errors().forEach(e -> err.println("  " + Summaries.error(e)));
    } else {
      err.println("tagscan: error: " + Secrets.redact(expected.getMessage()));
    }
  }

  /**
   * When the JVM is already shutting down on a signal, waits for it to end the process: once its
   * shutdown hooks have run, a {@code System.exit(130)} from here could still win the race against
   * the signal's own status (143 for SIGTERM), so this thread does not try.
   */
  private static void awaitShutdown() {
    Thread probe = new Thread(() -> {}, "tagscan-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException shuttingDown) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException stillRunning) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    Runtime.getRuntime().removeShutdownHook(probe);
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
