package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Runs {@code tagscan dictionary lint} on every case under {@code golden/lint/}: each case
 * directory holds {@code input.yaml}, {@code expected-stderr.txt} and {@code
 * expected-exit-code.txt}, and may hold {@code expected-stdout.txt} (otherwise stdout must be
 * empty). A directory missing a required file, or holding any other file, fails.
 */
class LintGoldenTest {

  private static final Path CASES = Path.of("src", "test", "resources", "golden", "lint");
  private static final Set<String> KNOWN_FILES =
      Set.of("input.yaml", "expected-stderr.txt", "expected-stdout.txt", "expected-exit-code.txt");
  private static final List<String> REQUIRED_FILES =
      List.of("input.yaml", "expected-stderr.txt", "expected-exit-code.txt");

  static Stream<Path> cases() {
    try (Stream<Path> entries = Files.list(CASES)) {
      return entries.sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void hasEnoughCasesIncludingACleanOne() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(6).contains(CASES.resolve("clean"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsWhatTheGoldenFilesSay(Path dir) throws IOException {
    assertThat(dir).isDirectory();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("files in %s", dir)
          .allMatch(KNOWN_FILES::contains)
          .containsAll(REQUIRED_FILES);
    }
    // The input is named relative to the repository root, so the output is the same everywhere.
    String input = dir.resolve("input.yaml").toString().replace('\\', '/');
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CommandLineFactory.create();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    int exitCode = commandLine.execute("dictionary", "lint", input);

    Path stdoutFile = dir.resolve("expected-stdout.txt");
    String expectedStdout = Files.exists(stdoutFile) ? Files.readString(stdoutFile) : "";
    assertThat(err.toString()).isEqualTo(Files.readString(dir.resolve("expected-stderr.txt")));
    assertThat(out.toString()).isEqualTo(expectedStdout);
    assertThat(exitCode)
        .isEqualTo(
            Integer.parseInt(Files.readString(dir.resolve("expected-exit-code.txt")).strip()));
  }
}
