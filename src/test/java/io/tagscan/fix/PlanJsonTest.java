package io.tagscan.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.tagscan.model.FixPlan;
import io.tagscan.model.InputException;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.SkippedFix;
import io.tagscan.model.TagChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  @TempDir Path dir;

  static FixPlan plan() {
    TreeMap<String, String> tags = new TreeMap<>();
    tags.put("CostCenter", "2045");
    tags.put("aws:cloudformation:stack-name", "web");
    ResourceFix fix =
        new ResourceFix(
            "arn:aws:ec2:eu-west-1:111122223333:instance/i-1",
            "111122223333",
            "eu-west-1",
            "ec2:instance",
            tags,
            List.of(
                TagChange.rename(
                    "CostCenter", "2045", "anycompany:finance:cost-center", "key-alias", "old")));
    SkippedFix skip =
        new SkippedFix(
            "arn:aws:ec2:eu-west-1:111122223333:instance/i-1",
            "111122223333",
            "eu-west-1",
            "missing-mandatory-tag",
            "anycompany:finance:owner",
            "no value to add");
    return new FixPlan(
        "1.0",
        Instant.parse("2026-11-28T09:00:00Z"),
        "d.yaml",
        "abc",
        "r.json",
        null,
        List.of(fix),
        List.of(skip));
  }

  private Path written(FixPlan plan) throws IOException {
    Path file = dir.resolve("plan.json");
    Files.write(file, PlanJson.bytes(plan));
    return file;
  }

  @Test
  void readsBackThePlanItWrote() throws IOException {
    FixPlan plan = plan();
    assertThat(PlanJson.read(written(plan))).isEqualTo(plan);
  }

  @Test
  void refusesAPlanEditedAfterItWasMade() throws IOException {
    Path file = written(plan());
    String edited =
        Files.readString(file)
            .replace(
                "\"newKey\" : \"anycompany:finance:cost-center\"",
                "\"newKey\" : \"anycompany:finance:owner\"");
    assertThat(edited).isNotEqualTo(Files.readString(file));
    Files.writeString(file, edited);
    assertThatThrownBy(() -> PlanJson.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("checksum does not match");
  }

  @Test
  void refusesAnotherSchemaVersionAndWhatIsNotAPlan() throws IOException {
    Path file = written(plan());
    Files.writeString(
        file, Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));
    assertThatThrownBy(() -> PlanJson.read(file)).hasMessageContaining("schema version 2");
    Files.writeString(file, "{\"schemaVersion\":1}");
    assertThatThrownBy(() -> PlanJson.read(file)).hasMessageContaining("'kind'");
    Files.writeString(file, "[1,");
    assertThatThrownBy(() -> PlanJson.read(file)).isInstanceOf(InputException.class);
  }

  @Test
  void theChecksumCoversTheCanonicalBodyWhateverTheLayout() throws IOException {
    Path file = written(plan());
    ObjectNode tree = (ObjectNode) MAPPER.readTree(file.toFile());
    Files.writeString(file, MAPPER.writeValueAsString(tree), StandardCharsets.UTF_8);
    assertThat(PlanJson.read(file)).isEqualTo(plan());
  }

  @Test
  void theShippedSchemaIsValidAndAcceptsAPlan() throws IOException {
    Path schemaFile = Path.of("schema/fix-plan.schema.json");
    JsonSchema meta =
        FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(MAPPER.readTree(schemaFile.toFile()))).isEmpty();
    JsonSchema schema = FACTORY.getSchema(MAPPER.readTree(schemaFile.toFile()));
    assertThat(schema.validate(MAPPER.readTree(written(plan()).toFile()))).isEmpty();
    ObjectNode broken = (ObjectNode) MAPPER.readTree(written(plan()).toFile());
    ((ObjectNode) broken.at("/resources/0/changes/0")).remove("newKey");
    assertThat(schema.validate(broken)).isNotEmpty();
  }
}
