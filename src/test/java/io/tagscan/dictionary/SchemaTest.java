package io.tagscan.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import io.tagscan.model.RuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Checks the shipped JSON Schemas against the shipped files and the loaders: the root dictionary
 * and every YAML file under {@code examples/} (exemptions files are those with "exemption" in their
 * path) must match their schema and load without a problem, and the schemas must name exactly the
 * fields and rules the loaders know.
 */
class SchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(VersionFlag.V202012);
  private static final Path DICTIONARY_SCHEMA = Path.of("schema", "tag-dictionary.schema.json");
  private static final Path EXEMPTIONS_SCHEMA = Path.of("schema", "exemptions.schema.json");

  private static final List<String> RULE_SLUGS =
      Arrays.stream(RuleId.values()).map(RuleId::slug).toList();

  static Stream<Path> dictionaries() {
    return Stream.concat(
        Stream.of(Path.of("tag-dictionary.yaml")),
        examples().stream().filter(path -> !isExemptions(path)));
  }

  static Stream<Path> exemptionFiles() {
    return examples().stream().filter(SchemaTest::isExemptions);
  }

  private static boolean isExemptions(Path path) {
    return path.toString().contains("exemption");
  }

  private static List<Path> examples() {
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML read as editors read it (YAML 1.2 core schema), as a JSON tree. */
  private static JsonNode yamlAsJson(String text) {
    LoaderOptions options = new LoaderOptions();
    DumperOptions dumper = new DumperOptions();
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(dumper),
            dumper,
            options,
            new CoreSchemaResolver());
    return JSON.valueToTree(yaml.load(text));
  }

  private static JsonNode readJson(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static Set<ValidationMessage> validate(Path schema, String yaml) throws IOException {
    JsonSchema compiled = FACTORY.getSchema(readJson(schema));
    return compiled.validate(yamlAsJson(yaml));
  }

  @ParameterizedTest
  @MethodSource("dictionaries")
  void everyShippedDictionaryMatchesTheSchemaAndLoads(Path file) throws IOException {
    assertThat(validate(DICTIONARY_SCHEMA, Files.readString(file))).isEmpty();
    assertThat(DictionaryLoader.lint(file)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("exemptionFiles")
  void everyShippedExemptionsFileMatchesTheSchemaAndLoads(Path file) throws IOException {
    assertThat(validate(EXEMPTIONS_SCHEMA, Files.readString(file))).isEmpty();
    assertThat(ExemptionsLoader.lint(file)).isEmpty();
  }

  @Test
  void findsTheExamples() {
    assertThat(dictionaries()).contains(Path.of("examples", "dictionaries", "minimal.yaml"));
    assertThat(exemptionFiles()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version: 1\ntags: [{key: team, cost-alocation: true}]\n",
        "version: 1\ntags: [{key: team, mandatory: Y}]\n",
        "version: 2\ntags: [{key: team}]\n",
        "version: 1\n",
        "version: 1\ntags: []\n",
        "version: 1\nrules: {no-such-rule: error}\ntags: [{key: team}]\n",
        "version: 1\nrules: {key-alias: loud}\ntags: [{key: team}]\n",
        "version: 1\ntags: [{key: \"cost$center\"}]\n",
        "version: 1\ntags: [{key: team, values: {example: x}}]\n",
        "version: 1\nconventions: {undeclared-keys: warn}\ntags: [{key: team}]\n",
      })
  void theDictionarySchemaRejectsWhatTheLoaderRejects(String yaml) throws IOException {
    assertThat(validate(DICTIONARY_SCHEMA, yaml)).isNotEmpty();
    assertThat(catchProblems(() -> DictionaryLoader.parse("d.yaml", yaml))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version: 1\nexemptions: [{arns: [\"arn:aws:s3:::x\"], reason: r}]\n",
        "version: 1\nexemptions: [{arns: [], reason: r, expires: 2027-01-01}]\n",
        "version: 1\nexemptions: [{arns: [legacy-*], reason: r, expires: 2027-01-01}]\n",
        "version: 1\nexemptions: [{arns: [\"arn:*\"], reason: r, expires: 31/12/2027}]\n",
        "version: 1\nexemptions: [{arns: [\"arn:*\"], reason: \" \", expires: 2027-01-01}]\n",
        "version: 1\nexemptions: [{arns: [\"arn:*\"], rules: [nope], reason: r,"
            + " expires: 2027-01-01}]\n",
      })
  void theExemptionsSchemaRejectsWhatTheLoaderRejects(String yaml) throws IOException {
    assertThat(validate(EXEMPTIONS_SCHEMA, yaml)).isNotEmpty();
    assertThat(catchProblems(() -> ExemptionsLoader.parse("x.yaml", yaml))).isTrue();
  }

  private static boolean catchProblems(Runnable load) {
    try {
      load.run();
      return false;
    } catch (io.tagscan.model.InputException e) {
      return true;
    }
  }

  @Test
  void theDictionarySchemaNamesExactlyTheFieldsTheLoaderKnows() throws IOException {
    JsonNode schema = readJson(DICTIONARY_SCHEMA);
    JsonNode top = schema.get("properties");
    JsonNode tag = schema.at("/$defs/tag/properties");
    assertThat(names(top)).containsExactlyElementsOf(DictionaryLoader.TOP_FIELDS);
    assertThat(names(top.at("/conventions/properties")))
        .containsExactlyElementsOf(ConventionsReader.CONVENTION_FIELDS);
    assertThat(names(tag)).containsExactlyElementsOf(TagReader.TAG_FIELDS);
    assertThat(names(tag.at("/values/properties")))
        .containsExactlyElementsOf(ValueRuleReader.VALUE_FIELDS);
    assertThat(names(top.at("/rules/properties"))).containsExactlyElementsOf(RULE_SLUGS);
  }

  @Test
  void theExemptionsSchemaNamesExactlyTheFieldsAndRulesTheLoaderKnows() throws IOException {
    JsonNode schema = readJson(EXEMPTIONS_SCHEMA);
    assertThat(names(schema.get("properties")))
        .containsExactlyElementsOf(ExemptionsLoader.TOP_FIELDS);
    assertThat(names(schema.at("/$defs/exemption/properties")))
        .containsExactlyElementsOf(ExemptionsLoader.EXEMPTION_FIELDS);
    List<String> ruleEnum = new ArrayList<>();
    schema
        .at("/$defs/exemption/properties/rules/items/enum")
        .forEach(n -> ruleEnum.add(n.asText()));
    assertThat(ruleEnum).containsExactlyElementsOf(RULE_SLUGS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tag-dictionary.schema.json", "exemptions.schema.json"})
  void everyPropertyHasADescriptionForEditors(String name) throws IOException {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed(readJson(Path.of("schema", name)), "", undescribed);
    assertThat(undescribed).isEmpty();
  }

  private static void collectUndescribed(JsonNode node, String path, List<String> out) {
    if (!node.isObject()) {
      return;
    }
    JsonNode properties = node.get("properties");
    if (properties != null) {
      if (!node.path("additionalProperties").isBoolean()
          && !node.path("additionalProperties").isObject()) {
        out.add(path + " (additionalProperties not set)");
      }
      properties
          .fields()
          .forEachRemaining(
              field -> {
                if (!field.getValue().hasNonNull("description")) {
                  out.add(path + "/" + field.getKey());
                }
              });
    }
    node.fields()
        .forEachRemaining(
            field -> collectUndescribed(field.getValue(), path + "/" + field.getKey(), out));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tag-dictionary.schema.json", "exemptions.schema.json"})
  void theSchemasShipInsideTheJar(String name) {
    assertThat(SchemaTest.class.getResource("/io/tagscan/schema/" + name)).isNotNull();
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    Iterator<String> names = object.fieldNames();
    names.forEachRemaining(out::add);
    return out;
  }
}
