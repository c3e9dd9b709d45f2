package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.inventory.aws.LiveScanException;
import io.tagscan.model.ExitCode;
import io.tagscan.model.ScanError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ExceptionHandlerTest {

  @Command(name = "broken")
  static final class Broken implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Override
    public Integer call() {
      throw new IllegalStateException("a bug");
    }
  }

  @Test
  void aBugExitsFourWithAShortMessageAndTheTraceInAFile() throws IOException {
    StringWriter err = new StringWriter();

    int code = run(err);

    assertThat(code).isEqualTo(ExitCode.INTERNAL.code());
    List<String> lines = err.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            "tagscan: internal error: java.lang.IllegalStateException: a bug (this is a bug in"
                + " tagscan)");
    assertThat(lines.get(1)).startsWith("tagscan: details: ");
    Path details = Path.of(lines.get(1).substring("tagscan: details: ".length()));
    assertThat(Files.readString(details))
        .contains("at io.tagscan.cli.ExceptionHandlerTest$Broken.call");
    Files.delete(details);
  }

  @Test
  void verbosePrintsTheTraceInstead() {
    StringWriter err = new StringWriter();

    int code = run(err, "--verbose");

    assertThat(code).isEqualTo(ExitCode.INTERNAL.code());
    assertThat(err.toString())
        .startsWith("tagscan: internal error: java.lang.IllegalStateException: a bug\n")
        .contains("at io.tagscan.cli.ExceptionHandlerTest$Broken.call");
  }

  static final String TOKEN =
      "IQoJb3JpZ2luX2VjEMr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx3Q1s2nZ0bKfZ8Kk2p8Q1l5YgHcV3m0GeTq7m";

  @Command(name = "leaky")
  static final class Leaky implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Option(names = "--usage")
    boolean usage;

    @Override
    public Integer call() {
      if (usage) {
        throw new io.tagscan.model.UsageException(
            "the endpoint answered X-Amz-Security-Token=" + TOKEN);
      }
      throw new IllegalStateException("unmarshalling failed for token " + TOKEN);
    }
  }

  @Test
  void neitherTheMessageNorTheSavedTraceOfABugHoldsACredential() throws IOException {
    StringWriter err = new StringWriter();

    int code = run(new Leaky(), err);

    assertThat(code).isEqualTo(ExitCode.INTERNAL.code());
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "tagscan: internal error: java.lang.IllegalStateException: unmarshalling failed for"
                + " token [redacted] (this is a bug in tagscan)");
    Path details = Path.of(lines.get(1).substring("tagscan: details: ".length()));
    assertThat(Files.readString(details)).doesNotContain(TOKEN).contains("[redacted]");
    Files.delete(details);
    StringWriter verbose = new StringWriter();
    run(new Leaky(), verbose, "--verbose");
    assertThat(verbose.toString()).doesNotContain(TOKEN.substring(0, 20));
  }

  @Test
  void anExpectedFailureNeverPrintsACredential() {
    StringWriter err = new StringWriter();

    int code = run(new Leaky(), err, "--usage");

    assertThat(code).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .isEqualTo("tagscan: error: the endpoint answered X-Amz-Security-Token=[redacted]\n");
  }

  @Command(name = "unlisted")
  static final class Unlisted implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new LiveScanException(
          List.of(
              new ScanError("", "", "ListAccounts", "AccessDeniedException", "not allowed"),
              new ScanError("111122223333", "us-east-1", "GetCallerIdentity", "", "")));
    }
  }

  @Test
  void accountsThatCannotBeListedEndTheRunAsIncompleteWithEachFailedCall() {
    StringWriter err = new StringWriter();

    int code = run(new Unlisted(), err);

    assertThat(code).isEqualTo(3);
    assertThat(err.toString())
        .isEqualTo(
            "tagscan: error: the accounts to scan could not be listed\n"
                + "  -: ListAccounts AccessDeniedException: not allowed\n"
                + "  111122223333 us-east-1: GetCallerIdentity\n");
  }

  private static int run(StringWriter err, String... args) {
    return run(new Broken(), err, args);
  }

  private static int run(Object command, StringWriter err, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setExecutionExceptionHandler(new ExceptionHandler());
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
