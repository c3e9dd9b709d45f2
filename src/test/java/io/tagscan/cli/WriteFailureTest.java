package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Files that cannot be written are the user's environment (exit 2, the path and the system's
 * reason, no crash log), and a run stopped by a signal is not an error at all. Tests run as root,
 * so the refusals come from {@code /proc} and from a file standing where a directory should be.
 */
class WriteFailureTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";

  @TempDir Path dir;

  @Test
  void reportsToADirectoryTheSystemRefusesAreExit2WithTheReason() {
    CliRun run =
        CliRun.run("scan", "--inventory", EXAMPLE, "--format", "json", "-o", "/proc/tagscan");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "tagscan: error: cannot write reports to '/proc/tagscan': No such file or directory\n");
  }

  @Test
  void aSnapshotUnderAFileIsExit2WithThePathAndLeavesNoReport() throws IOException {
    Path file = Files.writeString(dir.resolve("export.json"), "{}");
    Path reports = dir.resolve("reports");
    Path snapshot = file.resolve("snapshot.json");

    CliRun run =
        CliRun.run(
            "scan",
            "--inventory",
            EXAMPLE,
            "--format",
            "json",
            "-o",
            reports.toString(),
            "--save-inventory",
            snapshot.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .isEqualTo(
            "tagscan: error: cannot write the snapshot '"
                + snapshot.toAbsolutePath()
                + "': Not a directory ('"
                + file.toAbsolutePath()
                + "')\n");
    try (Stream<Path> left = Files.list(reports)) {
      assertThat(left).as("no report and no temporary file").isEmpty();
    }
    assertThat(file).hasContent("{}");
  }

  @Command(name = "stopped")
  static final class Stopped implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      throw new CancellationException("the scan was interrupted");
    }
  }

  @Test
  void aRunStoppedByASignalSaysNothing() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Stopped());
    commandLine.setExecutionExceptionHandler(new ExceptionHandler());
    commandLine.setErr(new PrintWriter(err, true));

    int code = commandLine.execute();

    assertThat(code).isEqualTo(ExitCode.INTERRUPTED.code());
    assertThat(err.toString()).isEmpty();
  }
}
