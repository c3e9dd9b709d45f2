package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DictionaryLintCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = CommandLineFactory.create();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void checksTagDictionaryYamlInTheWorkingDirectoryByDefault() {
    int exitCode = run("dictionary", "lint");

    assertThat(exitCode).isZero();
    assertThat(out)
        .hasToString("tag-dictionary.yaml: ok (12 keys, 6 mandatory, 5 cost-allocation)\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void reportsAMissingFileWithExitCode2() {
    int exitCode = run("dictionary", "lint", "no-such-dictionary.yaml");

    assertThat(exitCode).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err)
        .hasToString(
            "no-such-dictionary.yaml: error: no such file\n"
                + "no-such-dictionary.yaml: 1 problem\n");
  }

  @Test
  void countsOneKeyInTheSingular(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("one.yaml");
    Files.writeString(file, "version: 1\ntags:\n  - key: team\n    mandatory: true\n");

    int exitCode = run("dictionary", "lint", file.toString());

    assertThat(exitCode).isZero();
    assertThat(out).hasToString(file + ": ok (1 key, 1 mandatory, 0 cost-allocation)\n");
  }
}
