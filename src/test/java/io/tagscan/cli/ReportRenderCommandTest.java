package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.golden.GoldenRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tagscan report render}: every format rendered from a scan's saved JSON report is byte for
 * byte what the scan itself wrote, the terminal table included.
 */
class ReportRenderCommandTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";
  private static final String HOSTILE = "src/test/resources/interchange/hostile-inventory.json";
  private static final String EXEMPTIONS =
      "src/test/resources/golden/scan/exemptions/exemptions.yaml";
  private static final String FOCUS = "src/test/resources/focus/anycompany-ml.csv";
  private static final String ALL = "json,csv,junit,markdown,html,sarif,table";

  @TempDir Path temp;

  static Stream<Arguments> scans() {
    return Stream.of(
        Arguments.of("the example", List.of("--inventory", EXAMPLE)),
        Arguments.of(
            "the example, resources CSV, fail on warning",
            List.of("--inventory", EXAMPLE, "--csv-layout", "resources", "--fail-on", "warning")),
        Arguments.of(
            "the example with exemptions, never failing",
            List.of("--inventory", EXAMPLE, "--exemptions", EXEMPTIONS, "--fail-on", "never")),
        Arguments.of(
            "the example with exemptions, listing what they waived",
            List.of("--inventory", EXAMPLE, "--exemptions", EXEMPTIONS, "--show-suppressed", "")),
        Arguments.of(
            "hostile text, a short table",
            List.of("--inventory", HOSTILE, "--table-limit", "3", "--csv-layout", "resources")),
        Arguments.of("hostile text", List.of("--inventory", HOSTILE)),
        Arguments.of(
            "the example priced by a FOCUS export",
            List.of("--inventory", EXAMPLE, "--focus", FOCUS, "--cost-metric", "EffectiveCost")));
  }

  private static Environment environment() {
    return new Environment(
        false, false, Map.of("COLUMNS", "100"), Clock.fixed(CliRun.NOW, ZoneOffset.UTC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scans")
  void rendersEveryFormatAsTheScanWroteIt(String name, List<String> scanArgs) throws IOException {
    Path scanned = temp.resolve("scan");
    Path rendered = temp.resolve("render");
    List<String> scan = new ArrayList<>(List.of("scan", "--format", ALL, "-o", scanned.toString()));
    // Arguments come in pairs; an empty second marks a flag that takes no value.
    scanArgs.stream().filter(arg -> !arg.isEmpty()).forEach(scan::add);
    CliRun original = CliRun.run(environment(), scan.toArray(String[]::new));
    assertThat(original.exitCode()).as(original.err()).isIn(0, 1);

    List<String> render =
        new ArrayList<>(
            List.of(
                "report",
                "render",
                scanned.resolve("tagscan-report.json").toString(),
                "--format",
                ALL,
                "-o",
                rendered.toString()));
    // The options that shape the reports, not those that choose what is read.
    for (int i = 0; i < scanArgs.size(); i += 2) {
      if (!List.of("--inventory", "--exemptions", "--focus", "--cost-metric")
          .contains(scanArgs.get(i))) {
        render.add(scanArgs.get(i));
        if (!scanArgs.get(i + 1).isEmpty()) {
          render.add(scanArgs.get(i + 1));
        }
      }
    }
    CliRun again = CliRun.run(environment(), render.toArray(String[]::new));

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).as("the terminal table").isEqualTo(original.out());
    assertThat(GoldenRunner.files(rendered)).isEqualTo(GoldenRunner.files(scanned)).hasSize(6);
    for (String file : GoldenRunner.files(scanned)) {
      assertThat(Files.readAllBytes(rendered.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(scanned.resolve(file)));
    }
  }

  @Test
  void refusesAFileThatIsNotATagscanReport() throws IOException {
    Path inventory = Path.of(EXAMPLE);
    CliRun run = CliRun.run("report", "render", inventory.toString(), "--format", "json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            EXAMPLE
                + ":2:5: error: not a tagscan JSON report: it does not start with schemaVersion\n");
  }

  @Test
  void refusesAnotherSchemaVersionNamingTheFileAndThePlace() throws IOException {
    Path report = temp.resolve("v2.json");
    Files.writeString(report, "{\n\"schemaVersion\":2,\n\"tool\":{\"name\":\"tagscan\"}}\n");
    CliRun run = CliRun.run("report", "render", report.toString(), "--format", "json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(report + ":2:17: error: the report has schema version 2")
        .doesNotContain("Exception");
  }

  @Test
  void refusesBrokenJsonWithItsLineAndColumn() throws IOException {
    Path report = temp.resolve("broken.json");
    Files.writeString(report, "{\n\"schemaVersion\":1,\n\"tool\":{\"name\":\"tagscan\",}}\n");
    CliRun run = CliRun.run("report", "render", report.toString(), "--format", "json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(report + ":3:26: error: ");
    assertThat(run.err()).contains("invalid JSON").doesNotContain("Exception");
  }

  @Test
  void refusesAMissingFile() {
    CliRun run = CliRun.run("report", "render", temp.resolve("none.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("none.json: error: cannot read the report: no such file");
  }

  @Test
  void refusesToUnmaskASavedReport() {
    CliRun run = CliRun.run("report", "render", "x.json", "--show-pii");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--show-pii cannot unmask a saved report");
  }
}
