package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.model.ExitCode;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScanCommandTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";

  @TempDir Path dir;

  @Test
  void writesJsonToStdoutWhenItIsNotATerminalAndFailsOnErrors() throws IOException {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.path("summary").path("resources").asInt()).isEqualTo(18);
    assertThat(report.path("scan").path("complete").asBoolean()).isTrue();
    assertThat(run.err()).startsWith("tagscan: 18 resources checked, ");
  }

  @Test
  void exitsZeroWhenNothingReachesFailOn() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--fail-on", "never", "-q");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
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

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
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

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("comma-separated: json, csv, junit, markdown, html, sarif, table.");
  }

  @Test
  void showsTheTableOnATerminal() {
    Environment terminal =
        new Environment(
            true, false, Map.of("NO_COLOR", "1"), Clock.fixed(CliRun.NOW, ZoneOffset.UTC));

    CliRun run = CliRun.run(terminal, "scan", "--inventory", EXAMPLE);

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
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

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
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

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith(dictionary + ":2:7: error: ");
    assertThat(run.err()).doesNotContain("no-such-file").doesNotContain("Exception");
  }

  @Test
  void twoFormatsWithoutAnOutputDirectoryIsAUsageError() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--format", "json,csv");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith("tagscan: error: several formats need -o DIR");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownFormatIsAUsageErrorListingTheChoices() {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--format", "xlsx");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
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

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
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

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .isEqualTo(
            "tagscan: error: no tagging dictionary at 'no/such/dictionary.yaml'; give one with -d"
                + " FILE (tagscan's own tag-dictionary.yaml is a model to copy)\n");
  }

  /** Ways of naming the inventory file again as the snapshot to save. */
  enum SamePath {
    SAME_TEXT,
    DOT_SEGMENT,
    SYMBOLIC_LINK,
    HARD_LINK
  }

  @ParameterizedTest
  @EnumSource(SamePath.class)
  void refusesToSaveTheSnapshotOverAnInventoryFile(SamePath how) throws IOException {
    Path export = Files.copy(Path.of(EXAMPLE), dir.resolve("export.json"));
    byte[] before = Files.readAllBytes(export);
    Path snapshot =
        switch (how) {
          case SAME_TEXT -> export;
          case DOT_SEGMENT -> dir.resolve(".").resolve("export.json");
          case SYMBOLIC_LINK -> Files.createSymbolicLink(dir.resolve("link.json"), export);
          case HARD_LINK -> Files.createLink(dir.resolve("hard.json"), export);
        };
    Path out = dir.resolve("reports");

    CliRun run =
        CliRun.run(
            "scan",
            "--inventory",
            EXAMPLE,
            export.toString(),
            "--save-inventory",
            snapshot.toString(),
            "-o",
            out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .startsWith("tagscan: error: --save-inventory '" + snapshot + "' ")
        .endsWith("; saving the snapshot would overwrite it, so choose another file\n")
        .hasLineCount(1);
    assertThat(run.out()).isEmpty();
    assertThat(Files.readAllBytes(export)).isEqualTo(before);
    assertThat(out).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(name -> !name.endsWith(".tmp"));
    }
  }

  @Test
  void savesTheSnapshotBesideTheInventoryWhenItIsAnotherFile() throws IOException {
    Path export = Files.copy(Path.of(EXAMPLE), dir.resolve("export.json"));
    Path snapshot = dir.resolve("export-snapshot.json");

    CliRun run =
        CliRun.run(
            "scan", "--inventory", export.toString(), "--save-inventory", snapshot.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
    assertThat(snapshot).isRegularFile();
  }

  @Test
  void givesS3BucketsOfAnOfflineExportTheAccountGiven() throws IOException {
    Path export =
        Files.writeString(
            dir.resolve("export.json"),
            """
            {"ResourceTagMappingList": [
              {"ResourceARN": "arn:aws:s3:::logs", "Tags": []},
              {"ResourceARN": "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", "Tags": []}
            ]}
            """);

    CliRun run =
        CliRun.run("scan", "--inventory", export.toString(), "--account-id", "111122223333");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FINDINGS.code());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("resources").findValuesAsText("accountId"))
        .containsOnly("111122223333")
        .hasSize(2);
    assertThat(report.path("summary").path("findingsByAccount").fieldNames())
        .toIterable()
        .containsExactly("111122223333");
  }

  @Test
  void refusesAnArnOfAnotherAccountThanTheOneGiven() throws IOException {
    Path export =
        Files.writeString(
            dir.resolve("export.json"),
            "[{\"ResourceARN\": \"arn:aws:s3:::logs\"},\n"
                + " {\"ResourceARN\": \"arn:aws:ec2:eu-west-1:444455556666:instance/i-1\"}]\n");

    CliRun run =
        CliRun.run("scan", "--inventory", export.toString(), "--account-id", "111122223333");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .isEqualTo(
            export
                + ":2:2: error: ResourceARN 'arn:aws:ec2:eu-west-1:444455556666:instance/i-1'"
                + " belongs to account 444455556666, not to 111122223333 given with"
                + " --account-id\n");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "1111222233334", "=1+1", "11112222333x", ""})
  void refusesAnAccountIdThatIsNotTwelveDigits(String id) {
    CliRun run = CliRun.run("scan", "--inventory", EXAMPLE, "--account-id", id);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .isEqualTo(
            "tagscan: error: --account-id '" + id + "' is not an AWS account id (12 digits)\n");
  }

  @Test
  void takesAnAccountIdOnlyWithAnInventory() {
    CliRun run = CliRun.run("scan", "--account-id", "111122223333");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .isEqualTo(
            "tagscan: error: --account-id names the account of --inventory files; a live scan"
                + " takes its accounts from --accounts, --org or the credentials\n");
  }

  @Test
  void stillRefusesAwsOptionsBesideAnInventoryWithAnAccountId() {
    CliRun run =
        CliRun.run(
            "scan", "--inventory", EXAMPLE, "--account-id", "111122223333", "--profile", "dev");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .isEqualTo(
            "tagscan: error: --profile reads live AWS and cannot go with --inventory, which checks"
                + " files offline\n");
  }

  @Test
  void countsAResourceListedTwiceInOneFileOnceWithANote() throws IOException {
    Path export =
        Files.writeString(
            dir.resolve("export.json"),
            """
            {"ResourceTagMappingList": [
              {"ResourceARN": "arn:aws:s3:::logs", "Tags": []},
              {"ResourceARN": "arn:aws:s3:::data", "Tags": []},
              {"ResourceARN": "arn:aws:s3:::logs", "Tags": []}
            ]}
            """);

    CliRun run = CliRun.run("scan", "--inventory", export.toString(), "--fail-on", "never");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(new ObjectMapper().readTree(run.out()).path("summary").path("resources").asInt())
        .isEqualTo(2);
    assertThat(run.err())
        .contains(
            "tagscan: note: "
                + export
                + ": 1 resource is listed more than once, and counted once; the first at line 4,"
                + " column 3: 'arn:aws:s3:::logs'\n");
  }

  @Test
  void badInventoryTextIsOneSentenceInTagscansWordsWithThePlace() throws IOException {
    Path truncated =
        Files.writeString(
            dir.resolve("cut.json"), "{\"ResourceTagMappingList\": [\n  {\"ResourceARN\": \"arn");
    Path deep =
        Files.writeString(
            dir.resolve("deep.json"), "{\"ResourceTagMappingList\": [], \"x\": " + "[".repeat(200));

    CliRun run = CliRun.run("scan", "--inventory", truncated.toString(), deep.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .isEqualTo(
            truncated
                + ":2:23: error: the file ends in the middle of the JSON (is it cut short?)\n"
                + deep
                + ":1:101: error: the JSON nests deeper than 64 levels, which no inventory does\n");
  }

  @Test
  void versionNamesTheTool() {
    CliRun run = CliRun.run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("tagscan ");
  }
}
