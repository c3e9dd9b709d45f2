package io.tagscan.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box: the GitHub Action's scan step ({@code action/scan.sh}) run by bash with the built jar,
 * as the runner would run it, with the action's inputs in {@code INPUT_*} variables.
 */
class ActionScriptIT {

  private static final Path SCRIPT = Path.of("action", "scan.sh").toAbsolutePath();
  private static final Path JAR = Path.of("target", "tagscan.jar").toAbsolutePath();
  private static final Path REPOSITORY = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  /** Runs the step in the checkout; returns what it wrote to {@code $GITHUB_OUTPUT}. */
  private Map<String, String> step(Map<String, String> inputs) throws Exception {
    Path output = Files.createTempFile(dir, "github-output", ".txt");
    ProcessBuilder bash =
        new ProcessBuilder("bash", SCRIPT.toString())
            .directory(REPOSITORY.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile());
    bash.environment().keySet().removeIf(name -> name.startsWith("INPUT_"));
    bash.environment().put("TAGSCAN_JAR", JAR.toString());
    bash.environment().put("GITHUB_OUTPUT", output.toString());
    bash.environment().put("RUNNER_TEMP", dir.toString());
    bash.environment().put("PATH", javaBin() + ":" + System.getenv("PATH"));
    bash.environment().putAll(inputs);
    Process process = bash.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the step finished").isTrue();
    assertThat(process.exitValue())
        .as("the step itself succeeds, so that uploads follow: %s", log())
        .isZero();
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(output)) {
      int equals = line.indexOf('=');
      values.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return values;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin").toString();
  }

  private String log() throws IOException {
    return Files.readString(dir.resolve("log.txt"));
  }

  @Test
  void scansTheExampleInventoryAndHandsOnTheExitCodeAndTheReports() throws Exception {
    Path reports = dir.resolve("reports");

    Map<String, String> outputs =
        step(
            Map.of(
                "INPUT_INVENTORY", "examples/inventory/*.json",
                "INPUT_FORMATS", "json,markdown,junit",
                "INPUT_FAIL_ON", "error",
                "INPUT_OUTPUT_DIR", reports.toString()));

    assertThat(outputs)
        .containsEntry("exit-code", "1")
        .containsEntry("report-dir", reports.toString())
        .containsEntry("summary", reports.resolve("tagscan-summary.md").toString())
        .containsEntry("sarif", "");
    assertThat(reports.resolve("tagscan-report.json")).isNotEmptyFile();
    assertThat(reports.resolve("tagscan-junit.xml")).isNotEmptyFile();
    assertThat(log()).contains("tagscan action: tagscan exited with 1");
  }

  @Test
  void mergesTheReportsOfShards() throws Exception {
    for (int k = 1; k <= 2; k++) {
      Map<String, String> part =
          step(
              Map.of(
                  "INPUT_INVENTORY", "examples/inventory/anycompany-ml.json",
                  "INPUT_SHARD", k + "/2",
                  "INPUT_FORMATS", "json",
                  "INPUT_FAIL_ON", "never",
                  "INPUT_OUTPUT_DIR", dir.resolve("parts/part-" + k).toString()));
      assertThat(part).containsEntry("exit-code", "0").containsEntry("summary", "");
    }

    Map<String, String> merged =
        step(
            Map.of(
                "INPUT_MERGE",
                dir.resolve("parts") + "/*/tagscan-report.json",
                "INPUT_OUTPUT_DIR",
                dir.resolve("merged").toString()));

    assertThat(merged).containsEntry("exit-code", "0");
    assertThat(Files.readString(dir.resolve("merged/tagscan-report.json")))
        .contains("\"summary\":{\"resources\":18,");
  }

  @Test
  void neverRunsAnInputAsACommand() throws Exception {
    Path marker = dir.resolve("pwned");
    String touch = "touch " + marker;

    Map<String, String> outputs =
        step(
            Map.of(
                "INPUT_INVENTORY", "examples/inventory/anycompany-ml.json;" + touch,
                "INPUT_REGIONS", "$(" + touch + ")",
                "INPUT_ARGS", "--table-limit 3 `" + touch + "` $(" + touch + ")",
                "INPUT_FAIL_ON", "never\"; " + touch + "; \"",
                "INPUT_OUTPUT_DIR", dir.resolve("reports").toString()));

    assertThat(outputs).containsEntry("exit-code", "2");
    assertThat(marker).doesNotExist();
    assertThat(List.of(dir.toFile().list())).doesNotContain("pwned");
  }
}
