package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end golden cases for {@code tagscan scan}: each directory under {@code
 * golden/scan/<case>/} holds {@code args} (one argument a line, {@code $OUT} for the output
 * directory), optionally {@code environment} (one {@code NAME=value} a line, such as {@code
 * COLUMNS=60}), {@code exit-code}, {@code stderr.txt}, {@code stdout.txt}, and under {@code
 * reports/} every file the run must write, byte for byte. Run with {@code -Dgolden.update=true} to
 * rewrite the expectations after a deliberate change, then review the diff.
 */
class ScanGoldenTest {

  private static final Path ROOT = Path.of("src/test/resources/golden/scan");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TempDir Path out;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void producesTheExpectedReports(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    assertThat(dir.resolve("args")).as("every case has its arguments").exists();
    List<String> args =
        Files.readAllLines(dir.resolve("args")).stream()
            .filter(line -> !line.isBlank())
            .map(line -> line.replace("$OUT", out.toString()))
            .toList();

    Map<String, String> variables = new TreeMap<>();
    if (Files.exists(dir.resolve("environment"))) {
      for (String line : Files.readAllLines(dir.resolve("environment"))) {
        if (!line.isBlank()) {
          variables.put(
              line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
      }
    }
    CliRun run =
        CliRun.run(
            new Environment(false, false, variables, Clock.fixed(CliRun.NOW, ZoneOffset.UTC)),
            args.toArray(String[]::new));

    String stderr = run.err().replace(out.toString(), "$OUT");
    check(dir.resolve("exit-code"), run.exitCode() + "\n");
    check(dir.resolve("stderr.txt"), stderr);
    check(dir.resolve("stdout.txt"), run.out());
    Path reports = dir.resolve("reports");
    TreeSet<String> written = list(out);
    if (UPDATE) {
      Files.createDirectories(reports);
      for (String file : list(reports)) {
        Files.delete(reports.resolve(file));
      }
    }
    for (String file : written) {
      check(reports.resolve(file), Files.readString(out.resolve(file), StandardCharsets.UTF_8));
    }
    assertThat(written).as("the reports written").isEqualTo(list(reports));
  }

  private static void check(Path expected, String actual) throws IOException {
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(expected).as("golden file " + expected).exists();
    assertThat(actual)
        .as(expected.toString())
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private static TreeSet<String> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new TreeSet<>();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
