package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    assertThat(code).isEqualTo(ExitCode.INTERNAL);
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

    assertThat(code).isEqualTo(ExitCode.INTERNAL);
    assertThat(err.toString())
        .startsWith("tagscan: internal error: java.lang.IllegalStateException: a bug\n")
        .contains("at io.tagscan.cli.ExceptionHandlerTest$Broken.call");
  }

  private static int run(StringWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Broken());
    commandLine.setExecutionExceptionHandler(new ExceptionHandler());
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
