package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code dictionary export} then {@code dictionary import}: a dictionary lint and the schema pass.
 */
class DictionaryImportCommandTest {

  @TempDir Path dir;

  @Test
  void anImportedDictionaryIsLintCleanAndMatchesTheSchema() throws IOException {
    CliRun export =
        CliRun.run(
            "dictionary",
            "export",
            "-d",
            "src/test/resources/controls/many-keys.yaml",
            "--to",
            "tag-policy",
            "-o",
            dir.toString());
    assertThat(export.exitCode()).isZero();
    for (String name :
        new String[] {
          "tagscan-tag-policy-1.json", "tagscan-tag-policy-2.json", "tagscan-tag-policy-3.json"
        }) {
      CliRun imported =
          CliRun.run("dictionary", "import", "--from", "tag-policy", dir.resolve(name).toString());
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      Path yaml = dir.resolve(name + ".yaml");
      Files.writeString(yaml, imported.out(), StandardCharsets.UTF_8);
      CliRun lint = CliRun.run("dictionary", "lint", yaml.toString());
      assertThat(lint.exitCode()).as(lint.err()).isZero();
      assertThat(lint.err()).isEmpty();
      assertThat(schemaProblems(imported.out())).isEmpty();
    }
  }

  @Test
  void hostileKeysAndValuesInAPolicyStayInsideTheirYamlStrings() throws IOException {
    Path policy = dir.resolve("hostile.json");
    Files.writeString(
        policy,
        "{\"tags\": {\"k\": {\"tag_key\": {\"@@assign\": \"team\\\"\\n- key: injected\"},"
            + " \"tag_value\": {\"@@assign\": [\"a: b\", \"# c\", \"'d'\", \"e\\u0007\"]}}}}",
        StandardCharsets.UTF_8);
    CliRun imported = CliRun.run("dictionary", "import", "--from", "tag-policy", policy.toString());
    assertThat(imported.exitCode()).isZero();
    Object tags = ((java.util.Map<?, ?>) new Yaml().load(imported.out())).get("tags");
    assertThat((java.util.List<?>) tags).hasSize(1);
    assertThat(imported.out()).doesNotContain("\u0007").contains("a: b");
    assertThat(tags.toString()).contains("team\"\n- key: injected").contains("e\u0007");
  }

  @Test
  void badPolicyJsonIsPlacedAtItsLineAndColumnWithExitCode2() throws IOException {
    Path policy = dir.resolve("bad.json");
    Files.writeString(policy, "{\n  \"tags\": {\n    \"a\": [1,]\n", StandardCharsets.UTF_8);
    CliRun imported = CliRun.run("dictionary", "import", "--from", "tag-policy", policy.toString());
    assertThat(imported.exitCode()).isEqualTo(2);
    assertThat(imported.err()).startsWith(policy + ":3:").contains("error: not valid JSON");
    assertThat(imported.out()).isEmpty();
  }

  private static java.util.Set<?> schemaProblems(String yaml) throws IOException {
    ObjectMapper json = new ObjectMapper();
    LoaderOptions options = new LoaderOptions();
    Object tree = new Yaml(new SafeConstructor(options)).load(yaml);
    JsonNode schema = json.readTree(Path.of("schema", "tag-dictionary.schema.json").toFile());
    return JsonSchemaFactory.getInstance(VersionFlag.V202012)
        .getSchema(schema)
        .validate(json.valueToTree(tree));
  }
}
