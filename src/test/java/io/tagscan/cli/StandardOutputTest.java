package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.ExitCode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Data that does not reach standard output fails the run: a full disk ({@code /dev/full}) with the
 * system's reason and exit 2, a reader that went away (a real broken pipe) quietly with exit 141,
 * whichever command printed it.
 */
class StandardOutputTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";

  private record Run(int exitCode, String err) {}

  private static Run run(PrintWriter out, String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        CommandLineFactory.create(
            new Environment(false, false, Map.of(), Clock.fixed(CliRun.NOW, ZoneOffset.UTC)));
    commandLine.setOut(out);
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, err.toString());
  }

  private static PrintWriter fullDisk() throws IOException {
    return StandardOutput.over(new FileOutputStream("/dev/full"), StandardCharsets.UTF_8);
  }

  @Test
  void aReportLostToAFullDiskIsAnErrorWithTheReasonInsteadOfTheSummary() throws IOException {
    Run run = run(fullDisk(), "scan", "--inventory", EXAMPLE, "--format", "json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .isEqualTo("tagscan: error: cannot write to standard output: No space left on device\n");
  }

  @Test
  void aFailingWriterOfUnknownKindIsStillAnError() throws IOException {
    PrintWriter plain = new PrintWriter(new FileOutputStream("/dev/full"), true);

    Run run = run(plain, "scan", "--inventory", EXAMPLE, "--format", "csv");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).isEqualTo("tagscan: error: cannot write to standard output\n");
  }

  @Test
  void everyCommandThatPrintsDataChecksItsOutput() throws IOException {
    for (String[] args :
        new String[][] {
          {"dictionary", "lint", "tag-dictionary.yaml"},
          {"--version"},
          {"scan", "--help"},
          {"generate-completion"},
        }) {
      Run run = run(fullDisk(), args);

      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE.code());
      assertThat(run.err())
          .as(String.join(" ", args))
          .isEqualTo("tagscan: error: cannot write to standard output: No space left on device\n");
    }
  }

  @Test
  void aReaderThatWentAwayEndsTheRunQuietlyAsUnixToolsDo(@TempDir Path dir) throws Exception {
    // A named pipe whose reader takes one byte and leaves: the next write meets EPIPE.
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Process head =
        new ProcessBuilder("head", "-c", "1", fifo.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    OutputStream pipe = new FileOutputStream(fifo.toFile());
    pipe.write('x');
    pipe.flush();
    assertThat(head.waitFor(30, TimeUnit.SECONDS)).as("head read its byte and left").isTrue();

    Run run =
        run(
            StandardOutput.over(pipe, StandardCharsets.UTF_8),
            "scan",
            "--inventory",
            EXAMPLE,
            "--format",
            "json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.BROKEN_PIPE.code());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void outputThatArrivedLeavesTheRunAsItWas() {
    StringWriter out = new StringWriter();

    Run run = run(new PrintWriter(out, true), "dictionary", "lint", "tag-dictionary.yaml");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(out.toString()).startsWith("tag-dictionary.yaml: ok (");
  }
}
