package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost report matches {@code schema/cost-report.schema.json}, which is itself a valid schema,
 * and the schema is strict enough to reject a report that breaks it.
 */
class CostReportSchemaTest {

  private static final Path SCHEMA = Paths.get("schema/cost-report.schema.json");
  private static final Path GOLDEN =
      Paths.get("src/test/resources/golden/cost/example-all-formats/expected.tagscan-cost.json");
  private static final Path FOCUS_ONLY =
      Paths.get("src/test/resources/golden/cost/focus-all-formats/expected.tagscan-cost.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonSchema schema() throws IOException {
    return FACTORY.getSchema(MAPPER.readTree(SCHEMA.toFile()));
  }

  @Test
  void isAValidDraft202012Schema() throws IOException {
    JsonSchema metaSchema =
        FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(metaSchema.validate(MAPPER.readTree(SCHEMA.toFile()))).isEmpty();
  }

  @Test
  void acceptsTheGoldenCostReport() throws IOException {
    assertThat(schema().validate(MAPPER.readTree(GOLDEN.toFile()))).isEmpty();
  }

  @Test
  void acceptsTheGoldenReportsWithAFocusExport() throws IOException {
    for (String name : List.of("focus-all-formats", "focus-with-cost-file")) {
      Path golden = Paths.get("src/test/resources/golden/cost", name, "expected.tagscan-cost.json");
      assertThat(schema().validate(MAPPER.readTree(golden.toFile()))).as(name).isEmpty();
    }
  }

  @Test
  void rejectsAPeriodOnAReportOfAFocusExportAlone() throws IOException {
    JsonNode report = MAPPER.readTree(FOCUS_ONLY.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("cost"))
        .put("start", "2026-10-01");
    assertThat(schema().validate(report)).isNotEmpty();
  }

  @Test
  void rejectsAFocusAmountWrittenAsAFloatingPointNumber() throws IOException {
    JsonNode report = MAPPER.readTree(FOCUS_ONLY.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            report.at("/focus/withoutResourceId/totals/0"))
        .put("amount", 1.6);
    assertThat(schema().validate(report)).isNotEmpty();
  }

  @Test
  void rejectsAnAmountWrittenAsAFloatingPointNumber() throws IOException {
    JsonNode report = MAPPER.readTree(GOLDEN.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) report.at("/keys/0/values/0"))
        .put("amount", 12.5);
    assertThat(schema().validate(report)).isNotEmpty();
  }
}
