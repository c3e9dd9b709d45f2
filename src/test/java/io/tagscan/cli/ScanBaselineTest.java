package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagscan scan --baseline OLD.json}: the report holds the whole scan, the exit code counts
 * only findings the baseline does not hold, and the summary says how many it holds.
 */
class ScanBaselineTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";
  private static final String NEXT = "src/test/resources/interchange/example-next-inventory.json";
  private static final String BASELINE = "src/test/resources/interchange/example.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void passesWhenTheBaselineHoldsEveryFindingYetReportsThemAll() throws IOException {
    CliRun plain = CliRun.run("scan", "--inventory", EXAMPLE, "--format", "json");
    CliRun gated =
        CliRun.run("scan", "--inventory", EXAMPLE, "--baseline", BASELINE, "--format", "json");

    assertThat(plain.exitCode()).isEqualTo(1);
    assertThat(gated.exitCode()).as(gated.err()).isZero();
    assertThat(gated.out())
        .isEqualTo(
            plain
                .out()
                .replace(
                    "\"findingsWaived\":0,", "\"findingsWaived\":0,\"findingsInBaseline\":38,"));
    assertThat(gated.err())
        .contains("38 findings (29 error, 9 warning), 38 of them in the baseline");
  }

  @Test
  void failsOnTheFindingsTheBaselineDoesNotHold() throws IOException {
    CliRun run =
        CliRun.run(
            "scan",
            "--inventory",
            NEXT,
            "--baseline",
            BASELINE,
            "--format",
            "json",
            "--fail-on",
            "error");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode summary = MAPPER.readTree(run.out()).get("summary");
    assertThat(summary.get("findingsInBaseline").asLong()).isEqualTo(32);
    assertThat(summary.get("findingsBySeverity").get("error").asLong()).isEqualTo(30);
  }

  @Test
  void passesOnNewWarningsWhenOnlyErrorsFail() throws IOException {
    // The baseline is the later state itself, less one warning finding.
    Path later = temp.resolve("later");
    CliRun saved =
        CliRun.run("scan", "--inventory", NEXT, "--format", "json", "-o", later.toString());
    assertThat(saved.exitCode()).isEqualTo(1);
    Path report = later.resolve("tagscan-report.json");
    String text = Files.readString(report);
    String withoutAlias =
        text.replaceFirst("\\{\"rule\":\"key-alias\",\"severity\":\"warning\"[^}]*\\},?", "");
    assertThat(withoutAlias).isNotEqualTo(text);
    Path baseline = temp.resolve("baseline.json");
    Files.writeString(baseline, withoutAlias);

    CliRun errors =
        CliRun.run("scan", "--inventory", NEXT, "--baseline", baseline.toString(), "-q");
    CliRun warnings =
        CliRun.run(
            "scan",
            "--inventory",
            NEXT,
            "--baseline",
            baseline.toString(),
            "-q",
            "--fail-on",
            "warning");

    assertThat(errors.exitCode()).as(errors.err()).isZero();
    assertThat(warnings.exitCode()).isEqualTo(1);
  }

  @Test
  void refusesABaselineThatIsNotATagscanReportBeforeScanning() {
    CliRun run =
        CliRun.run(
            "scan",
            "--inventory",
            EXAMPLE,
            "--baseline",
            EXAMPLE,
            "--format",
            "json",
            "-o",
            temp.resolve("out").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            EXAMPLE
                + ":2:5: error: not a tagscan JSON report: it does not start with schemaVersion\n");
    assertThat(temp.resolve("out")).doesNotExist();
  }
}
