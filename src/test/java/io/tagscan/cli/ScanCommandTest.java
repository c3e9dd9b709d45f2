package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";

  @TempDir Path dir;

  @Test
  void writesJsonToStdoutWhenItIsNotATerminalAndFailsOnErrors() throws IOException {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.path("summary").path("resources").asInt()).isEqualTo(18);
    assertThat(report.path("scan").path("complete").asBoolean()).isTrue();
    assertThat(run.err()).startsWith("tagscan: 18 resources checked, ");
  }

  @Test
  void exitsZeroWhenNothingReachesFailOn() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--fail-on", "never", "-q");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void writesEveryFormatIntoTheOutputDirectoryAndNothingElse() throws IOException {
    Path out = dir.resolve("reports");
    CliRun run =
        CliRun.run(
            "scan",
            "--inventory",
            EXAMPLE,
            "--format",
            "json,csv,junit,markdown,html",
            "-o",
            out.toString(),
            "--fail-on",
            "never");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEmpty();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "tagscan-report.json",
              "tagscan-findings.csv",
              "tagscan-junit.xml",
              "tagscan-summary.md",
              "tagscan-report.html");
    }
    assertThat(Files.readString(out.resolve("tagscan-report.html")))
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n");
    assertThat(run.err()).contains("tagscan: wrote " + out.resolve("tagscan-report.json") + ", ");
  }

  @Test
  void listsEveryReportFormatInItsHelp() {
    CliRun run = CliRun.run("scan", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("comma-separated: json, csv, junit, markdown, html, table.");
  }

  @Test
  void showsTheTableOnATerminal() {
    Environment terminal =
        new Environment(
            true, false, Map.of("NO_COLOR", "1"), Clock.fixed(CliRun.NOW, ZoneOffset.UTC));

    CliRun run = CliRun.run(terminal, "scan", "--inventory", EXAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out()).contains("arn:aws:sagemaker:us-east-1:111122223333:model/churn-xgb");
    assertThat(run.out()).doesNotContain("\u001b[");
  }

  @Test
  void badInventoryExitsTwoWithThePlaceAndWritesNoReport() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"), "{\"ResourceTagMappingList\": [{\"ResourceARN\": \"x\"}]}");
    Path out = dir.resolve("reports");

    CliRun run =
        CliRun.run(
            "scan", "--inventory", bad.toString(), "-o", out.toString(), "--format", "json,csv");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .isEqualTo(
            bad + ":1:29: error: ResourceARN 'x' is not an ARN (it does not start with 'arn:')\n");
    assertThat(run.out()).isEmpty();
    assertThat(Files.exists(out) ? Files.list(out).count() : 0).isZero();
  }

  @Test
  void badDictionaryExitsTwoBeforeReadingAnything() throws IOException {
    Path dictionary =
        Files.writeString(
            dir.resolve("dict.yaml"), "version: 1\ntags: 7\n", StandardCharsets.UTF_8);

    CliRun run =
        CliRun.run("scan", "-d", dictionary.toString(), "--inventory", "no-such-file.json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith(dictionary + ":2:7: error: ");
    assertThat(run.err()).doesNotContain("no-such-file").doesNotContain("Exception");
  }

  @Test
  void twoFormatsWithoutAnOutputDirectoryIsAUsageError() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--format", "json,csv");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("tagscan: error: several formats need -o DIR");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownFormatIsAUsageErrorListingTheChoices() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--format", "xlsx");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("unknown format 'xlsx'; expected one of: json, csv");
  }

  @Test
  void masksPersonalDataInReportsUnlessShowPiiButKeepsItInTheSnapshot() throws IOException {
    Path snapshot = dir.resolve("snapshot.json");

    CliRun masked =
        CliRun.run(
            "scan",
            "--inventory",
            EXAMPLE,
            "--format",
            "csv",
            "--save-inventory",
            snapshot.toString(),
            "-q");
    CliRun shown = CliRun.run("scan", "--inventory", EXAMPLE, "--format", "csv", "--show-pii");

    assertThat(masked.out()).contains(",j***@anycompany.com,").doesNotContain("jane.doe@");
    assertThat(shown.out()).contains(",jane.doe@anycompany.com,");
    assertThat(Files.readString(snapshot)).contains("jane.doe@anycompany.com");
    assertThat(CliRun.run("scan", "--inventory", snapshot.toString(), "--show-pii").out())
        .contains("\"value\":\"jane.doe@anycompany.com\"");
  }

  @Test
  void savedSnapshotScansTheSameAsTheInventoryItCameFrom() throws IOException {
    Path snapshot = dir.resolve("snapshot.json");
    CliRun first =
        CliRun.run("scan", "--inventory", EXAMPLE, "--save-inventory", snapshot.toString(), "-q");
    CliRun second = CliRun.run("scan", "--inventory", snapshot.toString(), "-q");

    ObjectMapper json = new ObjectMapper();
    JsonNode before = json.readTree(first.out());
    JsonNode after = json.readTree(second.out());
    assertThat(after.get("resources")).isEqualTo(before.get("resources"));
    assertThat(after.get("summary")).isEqualTo(before.get("summary"));
  }

  @Test
  void progressGoesToStderrAndIsErasedBeforeTheSummary() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--progress", "--fail-on", "never");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).startsWith("{").doesNotContain("\r");
    String err = run.err();
    String afterProgress = err.substring(err.lastIndexOf('\r') + 1);
    assertThat(afterProgress).startsWith("tagscan: 18 resources checked");
    assertThat(err).contains("\r[");
  }

  @Test
  void noProgressWithoutATerminal() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--fail-on", "never");

    assertThat(run.err()).doesNotContain("\r");
  }

  @Test
  void saysHowToGiveADictionaryWhenThereIsNone() {
    CliRun run = CliRun.run("scan", "-d", "no/such/dictionary.yaml", "--inventory", EXAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "tagscan: error: no tagging dictionary at 'no/such/dictionary.yaml'; give one with -d"
                + " FILE (tagscan's own tag-dictionary.yaml is a model to copy)\n");
  }

  @Test
  void versionNamesTheTool() {
    CliRun run = CliRun.run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("tagscan ");
  }
}
