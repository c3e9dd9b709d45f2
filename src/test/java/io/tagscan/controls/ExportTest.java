package io.tagscan.controls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.dictionary.TagSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The four exports: valid for their target, under quota, split without loss, and stable. */
class ExportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path ROOT = Path.of("tag-dictionary.yaml");
  static final Path MANY = Path.of("src", "test", "resources", "controls", "many-keys.yaml");

  static Dictionary load(Path file) {
    return DictionaryLoader.load(file);
  }

  private static JsonNode json(ExportedFile file) throws IOException {
    return JSON.readTree(file.text());
  }

  @Test
  void everyTagPolicyPartIsValidAloneAndTogetherTheyNameEveryKeyOnce() throws IOException {
    Dictionary dictionary = load(MANY);
    Export export = ControlTarget.TAG_POLICY.export(dictionary, ExportOptions.defaults());
    assertThat(export.files()).hasSizeGreaterThan(1);
    List<String> names = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (ExportedFile file : export.files()) {
      names.add(file.name());
      assertThat(TagPolicySyntax.problems(file.text())).as(file.name()).isEmpty();
      for (Map.Entry<String, JsonNode> key : json(file).get("tags").properties()) {
        keys.add(key.getValue().at("/tag_key/@@assign").asText());
      }
    }
    assertThat(names)
        .containsExactly(
            "tagscan-tag-policy-1.json", "tagscan-tag-policy-2.json", "tagscan-tag-policy-3.json");
    assertThat(keys)
        .containsExactlyElementsOf(dictionary.tags().stream().map(TagSpec::key).toList());
  }

  @Test
  void theSameDictionaryGivesTheSameBytes() {
    for (ControlTarget target : ControlTarget.values()) {
      assertThat(target.export(load(MANY), ExportOptions.defaults()))
          .as(target.slug())
          .isEqualTo(target.export(load(MANY), ExportOptions.defaults()));
    }
  }

  @Test
  void enforcesOnlyTheTypesAskedForMappedToTagPolicyTypes() throws IOException {
    Export export =
        ControlTarget.TAG_POLICY.export(
            load(ROOT), new ExportOptions(List.of("ec2:instance", "s3:*"), Set.of()));
    JsonNode environment = json(export.files().get(0)).at("/tags/anycompany:workload:environment");
    assertThat(environment.at("/enforced_for/@@assign").toString())
        .isEqualTo("[\"ec2:instance\",\"s3:ALL_SUPPORTED\"]");
    JsonNode plain =
        json(ControlTarget.TAG_POLICY.export(load(ROOT), ExportOptions.defaults()).files().get(0));
    assertThat(plain.toString()).doesNotContain("enforced_for");
  }

  @Test
  void reportsScopesWithNoTagPolicyTypeAndPatternsRatherThanDroppingThemSilently() {
    Export export = ControlTarget.TAG_POLICY.export(load(MANY), ExportOptions.defaults());
    assertThat(export.notes())
        .anyMatch(n -> n.contains("'acme:team-03:owner-group'") && n.contains("'iam:role'"))
        .anyMatch(n -> n.contains("'acme:team-07:owner-group'") && n.contains("pattern"));
    assertThat(String.join("", export.files().stream().map(ExportedFile::text).toList()))
        .doesNotContain("iam:");
  }

  @Test
  void scpPartsFitTheQuotaAndDenyEachMandatoryKeyOnCreateAndOnRemoval() throws IOException {
    Dictionary dictionary = load(MANY);
    Export export = ControlTarget.SCP.export(dictionary, ExportOptions.defaults());
    assertThat(export.files()).hasSizeGreaterThan(1);
    Set<String> sids = new HashSet<>();
    Set<String> required = new TreeSet<>();
    Set<String> kept = new TreeSet<>();
    for (ExportedFile file : export.files()) {
      assertThat(file.text().length()).as(file.name()).isLessThanOrEqualTo(5_120);
      JsonNode policy = json(file);
      assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
      for (JsonNode statement : policy.get("Statement")) {
        assertThat(statement.get("Sid").asText()).matches("[A-Za-z0-9]+");
        assertThat(sids.add(statement.get("Sid").asText())).isTrue();
        assertThat(statement.get("Effect").asText()).isEqualTo("Deny");
        assertThat(statement.get("Action")).isNotEmpty();
        JsonNode condition = statement.get("Condition");
        if (condition.has("Null")) {
          condition
              .get("Null")
              .properties()
              .forEach(
                  e -> {
                    assertThat(e.getValue().asText()).isEqualTo("true");
                    required.add(e.getKey().substring("aws:RequestTag/".length()));
                  });
        } else {
          condition.at("/ForAnyValue:StringEquals/aws:TagKeys").forEach(k -> kept.add(k.asText()));
        }
      }
    }
    Set<String> mandatory = new TreeSet<>();
    dictionary.tags().stream().filter(TagSpec::mandatory).forEach(t -> mandatory.add(t.key()));
    assertThat(required).isEqualTo(mandatory);
    assertThat(kept).isEqualTo(mandatory);
  }

  @Test
  void scpKeepsEachKeyToTheCreateActionsOfItsScopeAndLeavesOutExcludedOnes() throws IOException {
    Export export =
        ControlTarget.SCP.export(
            load(MANY), new ExportOptions(List.of(), Set.of("sagemaker:CreateSpace")));
    String all = String.join("", export.files().stream().map(ExportedFile::text).toList());
    assertThat(all).doesNotContain("sagemaker:CreateSpace").contains("sagemaker:CreateEndpoint");
    for (ExportedFile file : export.files()) {
      for (JsonNode statement : json(file).get("Statement")) {
        if (statement.get("Condition").has("Null")
            && statement.toString().contains("acme:team-09:owner-group")) {
          // team-09 applies to rds:* only
          statement.get("Action").forEach(a -> assertThat(a.asText()).startsWith("rds:"));
        }
      }
    }
  }

  @Test
  void configRulesTakeSixKeysAtMostWithTheCommaListTheRuleReads() throws IOException {
    Export export = ControlTarget.CONFIG_RULE.export(load(MANY), ExportOptions.defaults());
    List<ExportedFile> rules =
        export.files().stream().filter(f -> f.name().startsWith("tagscan-config-rule-")).toList();
    assertThat(rules).hasSize(5);
    int keys = 0;
    for (ExportedFile rule : rules) {
      JsonNode node = json(rule);
      assertThat(node.at("/Source/Owner").asText()).isEqualTo("AWS");
      assertThat(node.at("/Source/SourceIdentifier").asText()).isEqualTo("REQUIRED_TAGS");
      String text = node.get("InputParameters").asText();
      assertThat(text.length()).isLessThanOrEqualTo(1_024);
      JsonNode parameters = JSON.readTree(text);
      int inRule = 0;
      for (int i = 1; parameters.has("tag" + i + "Key"); i++) {
        inRule++;
      }
      assertThat(inRule).isBetween(1, 6);
      keys += inRule;
    }
    assertThat(keys).isEqualTo(30);
    JsonNode first = JSON.readTree(json(rules.get(0)).get("InputParameters").asText());
    assertThat(first.get("tag1Value").asText())
        .isEqualTo(
            "value-01-1,value-01-2,value-01-3,value-01-4,value-01-5,value-01-6,value-01-7,value-01-8");
    JsonNode template = json(export.files().get(export.files().size() - 1));
    assertThat(template.get("Resources")).hasSize(5);
    template
        .get("Resources")
        .properties()
        .forEach(
            e -> {
              assertThat(e.getKey()).matches("[A-Za-z0-9]+");
              assertThat(e.getValue().get("Type").asText()).isEqualTo("AWS::Config::ConfigRule");
              assertThat(e.getValue().at("/Properties/InputParameters").isObject()).isTrue();
            });
    assertThat(export.notes()).anyMatch(n -> n.contains("'acme:team-07:owner-group'"));
  }

  @Test
  void tagOptionsListEveryAllowedValueWithValidUniqueLogicalIds() throws IOException {
    Dictionary dictionary = load(ROOT);
    Export export = ControlTarget.TAG_OPTIONS.export(dictionary, ExportOptions.defaults());
    JsonNode pairs = json(export.files().get(0));
    long expected =
        dictionary.tags().stream()
            .filter(t -> t.values() != null)
            .mapToLong(t -> t.values().allowed().size())
            .sum();
    assertThat(pairs).hasSize((int) expected);
    assertThat(pairs.get(0).toString())
        .isEqualTo("{\"Key\":\"anycompany:workload:environment\",\"Value\":\"dev\"}");
    JsonNode resources = json(export.files().get(1)).get("Resources");
    assertThat(resources).hasSize((int) expected);
    resources.properties().forEach(e -> assertThat(e.getKey()).matches("[A-Za-z0-9]{1,255}"));
  }

  @Test
  void hostileDictionaryTextStaysInsideItsJsonStrings() throws IOException {
    Dictionary dictionary =
        DictionaryLoader.parse(
            "hostile.yaml",
            "version: 1\ntags:\n  - key: team\n    mandatory: true\n    values:\n"
                + "      allowed: [\"a\\\"b\", \"c\\\\d\", \"e\\u0007f\", \"</script>\", \"x\\ny\"]\n");
    List<String> values = dictionary.tags().get(0).values().allowed();
    for (ControlTarget target : ControlTarget.values()) {
      Export export = target.export(dictionary, ExportOptions.defaults());
      for (ExportedFile file : export.files()) {
        JsonNode node = json(file);
        assertThat(file.text()).doesNotContain("\u0007").doesNotContain("x\ny");
        List<String> found = new ArrayList<>();
        collect(node, found);
        for (JsonNode nested :
            List.copyOf(
                found.stream()
                    .filter(s -> s.startsWith("{"))
                    .map(
                        s -> {
                          try {
                            return JSON.readTree(s);
                          } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                          }
                        })
                    .toList())) {
          collect(nested, found);
        }
        String joined = String.join("\n", found);
        if (!target.equals(ControlTarget.SCP)) {
          assertThat(found)
              .as(target.slug())
              .anyMatch(s -> s.contains("a\"b") || s.contains(String.join(",", values)));
        }
        assertThat(joined).as(file.name()).doesNotContain("\"tags\"");
      }
    }
  }

  @Test
  void writesNoEmptyPolicyWhenNothingIsMandatoryOrListed() {
    Dictionary dictionary =
        DictionaryLoader.parse(
            "free.yaml", "version: 1\ntags:\n  - key: team\n    mandatory: false\n");
    for (ControlTarget target :
        List.of(ControlTarget.SCP, ControlTarget.CONFIG_RULE, ControlTarget.TAG_OPTIONS)) {
      Export export = target.export(dictionary, ExportOptions.defaults());
      assertThat(export.files()).as(target.slug()).isEmpty();
      assertThat(export.notes()).as(target.slug()).singleElement().asString().contains("no ");
    }
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> collect(child, out));
  }
}
