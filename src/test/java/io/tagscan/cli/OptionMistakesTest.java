package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tagscan.model.ExitCode;
import io.tagscan.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line, and the answers that help to mend them. */
class OptionMistakesTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";

  @TempDir Path dir;

  @Test
  void printsTheMessageAndOneLinePointingAtHelpForABadValue() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--fail-on", "bogus");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            "tagscan: error: Invalid value for option '--fail-on': unknown severity 'bogus';"
                + " expected one of: error, warning, info, never",
            "Try 'tagscan scan --help' for more information.");
  }

  @Test
  void takesAMisspeltOptionAfterTheInventoryFilesForAnUnknownOption() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--fromat", "json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .contains("Unknown options: '--fromat', 'json'")
        .contains("Did you mean: --format?")
        .doesNotContain("no such file");
    assertThat(run.err().lines()).hasSize(3);
  }

  @Test
  void stillReadsAnInventoryFileWhoseNameStartsWithDashes() throws IOException {
    Path odd = Path.of("--tagscan-test-inventory.json");
    Files.copy(Path.of(EXAMPLE), odd);
    try {
      CliRun run =
          CliRun.run("scan", "--inventory", odd.toString(), EXAMPLE, "--fail-on", "never", "-q");

      assertThat(run.err()).isEmpty();
      assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
      assertThat(run.out()).contains("\"sources\":[\"--tagscan-test-inventory.json\"");
    } finally {
      Files.deleteIfExists(odd);
    }
  }

  @Test
  void acceptsEveryChoiceInAnyLetterCase() throws IOException {
    CliRun json =
        CliRun.run("scan", "--inventory", EXAMPLE, "--format", "JSON", "--fail-on", "ERROR");

    assertThat(json.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
    assertThat(json.out()).startsWith("{");

    CliRun csv =
        CliRun.run(
            "scan",
            "--inventory",
            EXAMPLE,
            "--format",
            "Csv,Markdown",
            "--csv-layout",
            "RESOURCES",
            "--fail-on",
            "Never",
            "-o",
            dir.toString());

    assertThat(csv.err()).doesNotContain("error:");
    assertThat(csv.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(dir.resolve("tagscan-resources.csv")).exists();
    assertThat(dir.resolve("tagscan-summary.md")).exists();
  }

  @Test
  void showsTheHelpOfACommandThroughTheHelpCommand() {
    CliRun run = CliRun.run("help", "scan");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(run.out()).startsWith("Usage: tagscan scan").contains("--fail-on=SEVERITY");
    assertThat(CliRun.run("help").out()).contains("help", "scan", "accounts", "dictionary");
  }

  @Test
  void completesOnlyValuesTheToolAccepts() {
    CliRun run = CliRun.run("generate-completion");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(run.out())
        .contains(
            "(\"json\" \"csv\" \"junit\" \"markdown\" \"html\" \"sarif\" \"table\") # --format values")
        .contains("(\"findings\" \"resources\") # --csv-layout values")
        .contains("(\"error\" \"warning\" \"info\" \"never\") # --fail-on values")
        .contains("(\"table\" \"json\" \"csv\") # --format values")
        .doesNotContain("\"ERROR\"", "\"FINDINGS\"");
    List<String[]> accepted = new ArrayList<>();
    new FailOn.Candidates().forEach(v -> accepted.add(new String[] {"scan", "--fail-on", v}));
    new ReportChoices.CsvLayoutConverter.Candidates()
        .forEach(v -> accepted.add(new String[] {"scan", "--csv-layout", v}));
    ReportFormat.slugs().forEach(v -> accepted.add(new String[] {"scan", "--format", v}));
    new AccountsCommand.Formats()
        .forEach(v -> accepted.add(new String[] {"accounts", "--format", v}));
    for (String[] args : accepted) {
      assertThatCode(() -> CommandLineFactory.create().parseArgs(args))
          .as(String.join(" ", args))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void refusesAnEmptyOutputDirectory() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--format", "json", "-o", "");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .isEqualTo("tagscan: error: -o/--output needs a directory, not an empty name\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void claimsNoReportWrittenWhenOnlyTheTableWasAsked() throws IOException {
    Path out = dir.resolve("reports");
    CliRun run =
        CliRun.run("scan", "--inventory", EXAMPLE, "--format", "table", "-o", out.toString());

    assertThat(run.out()).contains("FAILED: 29 errors on 11 of 18 resources; 9 warnings");
    assertThat(run.err()).doesNotContain("written", "wrote");
    if (Files.isDirectory(out)) {
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void namesTheFilesWrittenOnTheClosingLine() {
    Path out = dir.resolve("reports");
    CliRun run =
        CliRun.run("scan", "--inventory", EXAMPLE, "--format", "junit,json", "-o", out.toString());

    assertThat(run.err())
        .contains(
            "tagscan: wrote "
                + out.resolve("tagscan-report.json")
                + ", "
                + out.resolve("tagscan-junit.xml")
                + "\n");
  }
}
