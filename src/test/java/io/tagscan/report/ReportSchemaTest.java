package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON report matches {@code schema/report.schema.json}, which is itself a valid schema. */
class ReportSchemaTest {

  private static final Path SCHEMA = Paths.get("schema/report.schema.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  @TempDir Path temp;

  private static JsonSchema schema() throws IOException {
    return FACTORY.getSchema(MAPPER.readTree(SCHEMA.toFile()));
  }

  static Stream<Path> goldenReports() throws IOException {
    try (Stream<Path> dirs = Files.list(ReportGoldenTest.CASES)) {
      return dirs
          .map(dir -> dir.resolve("expected.json"))
          .filter(Files::exists)
          .sorted()
          .toList()
          .stream();
    }
  }

  /** Reports made from reports, and a scan with a baseline, which adds a summary field. */
  static Stream<Path> reportsFromReports() {
    Path golden = Paths.get("src/test/resources/golden");
    return Stream.of(
        golden.resolve("scan/baseline-new-findings/expected.tagscan-report.json"),
        golden.resolve("merge/three-shards/expected.tagscan-report.json"),
        golden.resolve("render/hostile-every-format/expected.tagscan-report.json"),
        golden.resolve("check/sarif/expected.tagscan-report.json"),
        Paths.get("src/test/resources/interchange/example.json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reportsFromReports")
  void acceptsReportsMadeFromReports(Path report) throws IOException {
    assertThat(report).exists();
    assertThat(schema().validate(MAPPER.readTree(report.toFile()))).isEmpty();
  }

  @Test
  void isAValidDraft202012Schema() throws IOException {
    JsonSchema metaSchema =
        FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    Set<ValidationMessage> problems = metaSchema.validate(MAPPER.readTree(SCHEMA.toFile()));

    assertThat(problems).isEmpty();
    assertThat(metaSchema.validate(MAPPER.readTree("{\"type\": 12}"))).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenReports")
  void acceptsEveryGoldenReport(Path report) throws IOException {
    assertThat(schema().validate(MAPPER.readTree(report.toFile()))).isEmpty();
  }

  @Test
  void acceptsAReportWithEveryRuleSourceAndAccountKind() throws IOException {
    List<CheckedResource> resources = new ArrayList<>();
    int i = 0;
    for (RuleId rule : RuleId.values()) {
      Severity severity = Severity.values()[i % 3];
      resources.add(
          Fixtures.checked(
              "11112222333" + (i % 2),
              "eu-west-1",
              "i-" + i++,
              Map.of(Fixtures.OWNER, "x"),
              new Finding(rule, severity, null, null, null, null, "message")));
    }
    ReportOptions options = Fixtures.options(temp, ReportFormat.JSON);
    try (ReportPipeline pipeline =
        new ReportPipeline(
            Fixtures.dictionary(),
            options,
            new PrintWriter(new StringWriter()),
            Fixtures.tuning(4, 2))) {
      pipeline.account(Account.ofId("111122223330"));
      pipeline.account(Account.of("111122223331", "named", "ACTIVE", Map.of("k", "v")));
      resources.forEach(pipeline::accept);
      pipeline.finish(
          Fixtures.scanInfo(false),
          List.of(new ScanError("111122223331", "", "AssumeRole", "AccessDenied", "no")));
    }

    JsonNode report = MAPPER.readTree(temp.resolve("tagscan-report.json").toFile());

    assertThat(schema().validate(report)).isEmpty();
    assertThat(report.path("resources")).hasSize(RuleId.values().length);
  }

  @Test
  void rejectsAReportWithAnUnknownField() throws IOException {
    JsonNode report = MAPPER.readTree(goldenReports().findFirst().orElseThrow().toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) report).put("surprise", true);

    assertThat(schema().validate(report)).isNotEmpty();
  }

  @Test
  void listsExactlyTheRulesTagscanKnows() throws IOException {
    JsonNode rules = MAPPER.readTree(SCHEMA.toFile()).path("$defs").path("rule").path("enum");
    List<String> listed = new ArrayList<>();
    rules.forEach(rule -> listed.add(rule.asText()));

    assertThat(listed)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(RuleId.values()).map(RuleId::slug).toList());
  }
}
