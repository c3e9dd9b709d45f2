package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.tagscan.model.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SARIF log tagscan writes in the golden suites is valid against the OASIS SARIF 2.1.0 JSON
 * Schema (shipped in test resources), and holds what code-scanning readers need.
 */
class SarifSchemaTest {

  private static final Path SCHEMA = Paths.get("src/test/resources/sarif-schema-2.1.0.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonSchema schema() throws IOException {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
        .getSchema(MAPPER.readTree(SCHEMA.toFile()), config);
  }

  static Stream<Path> sarifLogs() throws IOException {
    List<Path> logs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Paths.get("src/test/resources/golden"))) {
      files
          .filter(file -> file.getFileName().toString().endsWith(".sarif"))
          .sorted()
          .forEach(logs::add);
    }
    return logs.stream();
  }

  @Test
  void findsSarifLogsInEveryGoldenSuiteThatWritesThem() throws IOException {
    assertThat(sarifLogs().map(Path::toString))
        .anyMatch(path -> path.contains("/report/mixed-hostile/"))
        .anyMatch(path -> path.contains("/scan/"))
        .anyMatch(path -> path.contains("/render/"))
        .anyMatch(path -> path.contains("/check/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sarifLogs")
  void isValidAgainstTheSarifSchema(Path log) throws IOException {
    assertThat(schema().validate(MAPPER.readTree(log.toFile()))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sarifLogs")
  void givesEveryResultAResourceAndAFileForGitHub(Path log) throws IOException {
    JsonNode run = MAPPER.readTree(log.toFile()).path("runs").path(0);
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(RuleId.values().length);
    for (JsonNode result : run.path("results")) {
      JsonNode rule =
          run.path("tool").path("driver").path("rules").path(result.path("ruleIndex").asInt());
      assertThat(rule.path("id").asText()).isEqualTo(result.path("ruleId").asText());
      JsonNode location = result.path("locations").path(0);
      assertThat(location.path("physicalLocation").path("artifactLocation").path("uri").asText())
          .isNotEmpty();
      JsonNode logical = location.path("logicalLocations").path(0);
      assertThat(logical.path("kind").asText()).isEqualTo("resource");
      if (log.toString().contains("/check/")) {
        // tagscan check: the file, line and column the resource is written at, named by its id.
        JsonNode physical = location.path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText())
            .startsWith("src/test/resources/golden/check/")
            .doesNotContain("dictionary");
        assertThat(physical.path("region").path("startLine").asInt()).isPositive();
        assertThat(physical.path("region").path("startColumn").asInt()).isPositive();
        assertThat(logical.path("fullyQualifiedName").asText()).doesNotStartWith("arn:");
      } else {
        assertThat(logical.path("fullyQualifiedName").asText()).startsWith("arn:");
        if (log.toString().contains("/scan/")
            && result.path("ruleId").asText().equals("missing-mandatory-tag")) {
          // A scan of a dictionary file: the finding points at the missing key's entry.
          JsonNode region = location.path("physicalLocation").path("region");
          assertThat(region.path("startLine").asInt()).isGreaterThan(1);
          assertThat(region.path("startColumn").asInt()).isPositive();
        }
      }
      assertThat(result.path("properties").path("accountId").isTextual()).isTrue();
      assertThat(result.path("properties").path("region").isTextual()).isTrue();
    }
  }

  @Test
  void rejectsALogWithoutItsVersion() throws IOException {
    JsonNode log = MAPPER.readTree(sarifLogs().findFirst().orElseThrow().toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) log).remove("version");
    assertThat(schema().validate(log)).isNotEmpty();
  }
}
