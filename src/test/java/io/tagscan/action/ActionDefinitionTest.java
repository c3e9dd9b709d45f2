package io.tagscan.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The GitHub Action ({@code action.yml}) and the workflow that runs it, checked for their shape,
 * since GitHub Actions cannot run here: every input used and only through the environment, the
 * steps in their order, and the workflow using inputs the action declares.
 */
class ActionDefinitionTest {

  private static final Path ACTION = Path.of("action.yml");
  private static final Path WORKFLOW = Path.of(".github", "workflows", "action.yml");
  private static final Path SCAN_SCRIPT = Path.of("action", "scan.sh");
  private static final Pattern INPUT_REFERENCE = Pattern.compile("inputs\\.([a-z][a-z0-9-]*)");
  private static final Pattern ENVIRONMENT_READ = Pattern.compile("\\$\\{?(INPUT_[A-Z_]+)");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(Path file) throws IOException {
    return (Map<String, Object>)
        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(Map<String, Object> owner) {
    return (List<Map<String, Object>>) owner.get("steps");
  }

  private static String text(Map<String, Object> step, String field) {
    Object value = step.get(field);
    return value == null ? "" : value.toString();
  }

  @Test
  void isACompositeActionWhoseStepsRunInOrder() throws IOException {
    Map<String, Object> runs = map(load(ACTION).get("runs"));
    List<Map<String, Object>> steps = steps(runs);

    assertThat(runs.get("using")).isEqualTo("composite");
    assertThat(steps).hasSize(7);
    assertThat(text(steps.get(0), "uses")).startsWith("actions/setup-java@");
    assertThat(map(steps.get(0).get("with"))).containsEntry("java-version", "17");
    assertThat(text(steps.get(1), "run")).contains("action/build.sh");
    assertThat(steps.get(2)).containsEntry("id", "scan");
    assertThat(text(steps.get(2), "run")).contains("action/scan.sh");
    assertThat(text(steps.get(3), "run")).contains(">> \"$GITHUB_STEP_SUMMARY\"");
    assertThat(text(steps.get(4), "uses")).startsWith("actions/upload-artifact@");
    assertThat(text(steps.get(5), "uses")).startsWith("github/codeql-action/upload-sarif@");
    assertThat(text(steps.get(5), "if"))
        .contains("inputs.upload-sarif == 'true'")
        .contains("steps.scan.outputs.sarif != ''");
    assertThat(text(steps.get(6), "run")).isEqualTo("exit \"$SCAN_EXIT_CODE\"");
    assertThat(map(steps.get(6).get("env")))
        .containsEntry("SCAN_EXIT_CODE", "${{ steps.scan.outputs.exit-code }}");
    // Whatever the scan said, the reports are uploaded before the last step returns its code.
    for (Map<String, Object> step : steps.subList(3, 7)) {
      assertThat(text(step, "if")).as(text(step, "name")).startsWith("always() && ");
    }
    for (Map<String, Object> step : steps) {
      if (step.containsKey("run")) {
        assertThat(step).as(text(step, "name")).containsEntry("shell", "bash");
      }
    }
  }

  @Test
  void usesEveryInputAndOnlyThroughTheEnvironmentOrTheWithOfAnAction() throws IOException {
    Map<String, Object> action = load(ACTION);
    Set<String> declared = new TreeSet<>(map(action.get("inputs")).keySet());
    Set<String> used = new TreeSet<>();
    for (Map<String, Object> step : steps(map(action.get("runs")))) {
      for (String field : List.of("run", "name", "shell", "uses", "id")) {
        assertThat(text(step, field))
            .as("%s of step '%s'", field, text(step, "name"))
            .doesNotContain("${{");
      }
      for (String field : List.of("env", "with", "if")) {
        Matcher reference = INPUT_REFERENCE.matcher(String.valueOf(step.get(field)));
        while (reference.find()) {
          used.add(reference.group(1));
        }
      }
    }

    assertThat(used).isEqualTo(declared);
  }

  @Test
  void passesTheScriptExactlyTheInputsItReads() throws IOException {
    Map<String, Object> scan = steps(map(load(ACTION).get("runs"))).get(2);
    Set<String> given = new TreeSet<>();
    map(scan.get("env")).keySet().stream().filter(k -> k.startsWith("INPUT_")).forEach(given::add);
    Set<String> read = new TreeSet<>();
    Matcher variable = ENVIRONMENT_READ.matcher(Files.readString(SCAN_SCRIPT));
    while (variable.find()) {
      read.add(variable.group(1));
    }

    assertThat(read).isEqualTo(given);
    map(scan.get("env"))
        .forEach(
            (name, value) -> {
              if (name.startsWith("INPUT_")) {
                String input = name.substring("INPUT_".length()).toLowerCase().replace('_', '-');
                assertThat(value).as(name).isEqualTo("${{ inputs." + input + " }}");
              }
            });
  }

  @Test
  void declaresOutputsFromTheScanStep() throws IOException {
    Map<String, Object> outputs = map(load(ACTION).get("outputs"));

    assertThat(outputs).containsOnlyKeys("exit-code", "report-dir", "sarif");
    outputs.forEach(
        (name, output) ->
            assertThat(map(output).get("value"))
                .isEqualTo("${{ steps.scan.outputs." + name + " }}"));
  }

  @Test
  void theWorkflowRunsTheActionOnTheExampleInventoryWithDeclaredInputsOnly() throws IOException {
    Map<String, Object> workflow = load(WORKFLOW);
    Set<String> declared = map(load(ACTION).get("inputs")).keySet();
    Map<String, Object> jobs = map(workflow.get("jobs"));
    List<Map<String, Object>> uses = new ArrayList<>();
    for (Object job : jobs.values()) {
      for (Map<String, Object> step : steps(map(job))) {
        assertThat(text(step, "run")).as(text(step, "name")).doesNotContain("${{");
        if ("./".equals(step.get("uses"))) {
          uses.add(step);
          assertThat(declared).containsAll(map(step.get("with")).keySet());
        }
      }
    }

    assertThat(uses).hasSizeGreaterThanOrEqualTo(4);
    assertThat(uses)
        .extracting(step -> map(step.get("with")).get("inventory"))
        .contains("examples/inventory/anycompany-ml.json");
    assertThat(Path.of("examples/inventory/anycompany-ml.json")).isRegularFile();
    assertThat(map(jobs.get("shard")).get("strategy").toString()).contains("shard=[1, 2]");
    assertThat(map(jobs.get("merge"))).containsEntry("needs", "shard");
    assertThat(uses)
        .extracting(step -> map(step.get("with")).get("merge"))
        .contains("parts/*/tagscan-report.json");
  }
}
