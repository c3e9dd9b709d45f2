package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF log of a scan points each finding at the line that decides it: the key's entry in the
 * dictionary, its conventions, or the exemption, and the first line only where no line does; and
 * {@code report render} of the scan's JSON report points at the same places.
 */
class ScanSarifLocationsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  // Line numbers matter below: the conventions field is on line 3, 'owner' on line 8 (after its
  // purpose, so not at the start of its entry), 'env' on line 11.
  private static final String DICTIONARY =
      """
      version: 1
      prefix: acme
      conventions:
        key-case: lower
        word-separator: "-"
      tags:
        - purpose: who answers for it
          key: acme:owner
          mandatory: true
        - {key: acme:cost, mandatory: false}
        - key: acme:env
          aliases: [env]
          values:
            allowed: [dev, prod]
      """;

  private static final String INVENTORY =
      """
      {"ResourceTagMappingList": [
        {"ResourceARN": "arn:aws:s3:::one",
         "Tags": [{"Key": "env", "Value": "staging"}, {"Key": "Team", "Value": "x"}]},
        {"ResourceARN": "arn:aws:s3:::two",
         "Tags": [{"Key": "acme:owner", "Value": "a"}, {"Key": "acme:env", "Value": "dev"}]}
      ]}
      """;

  private static final String EXEMPTIONS =
      """
      version: 1
      exemptions:
        - arns: ["arn:aws:s3:::one"]
          rules: [missing-mandatory-tag]
          keys: [acme:owner]
          reason: the pilot's bucket
          expires: 2020-01-31
      """;

  @TempDir Path temp;
  private Path dictionary;
  private Path inventory;
  private Path exemptions;

  @BeforeEach
  void writeInputs() throws IOException {
    dictionary = Files.writeString(temp.resolve("tag-dictionary.yaml"), DICTIONARY);
    inventory = Files.writeString(temp.resolve("inventory.json"), INVENTORY);
    exemptions = Files.writeString(temp.resolve("exemptions.yaml"), EXEMPTIONS);
  }

  private List<Object> places(Path log) throws IOException {
    List<Object> places = new ArrayList<>();
    for (JsonNode result : MAPPER.readTree(log.toFile()).path("runs").path(0).path("results")) {
      JsonNode physical = result.path("locations").path(0).path("physicalLocation");
      String uri = physical.path("artifactLocation").path("uri").asText();
      places.add(
          tuple(
              result.path("ruleId").asText(),
              result.path("properties").path("tagKey").asText(),
              uri.substring(uri.lastIndexOf('/') + 1),
              physical.path("region").path("startLine").asInt(),
              physical.path("region").path("startColumn").asInt()));
    }
    return places;
  }

  private Path scan(Path out) {
    CliRun run =
        CliRun.run(
            "scan",
            "-d",
            dictionary.toString(),
            "--inventory",
            inventory.toString(),
            "--exemptions",
            exemptions.toString(),
            "--format",
            "sarif,json",
            "-o",
            out.toString(),
            "--fail-on",
            "never");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return out;
  }

  @Test
  void pointsEachFindingAtTheLineThatDecidesIt() throws IOException {
    Path out = scan(temp.resolve("scan"));

    assertThat(places(out.resolve("tagscan-results.sarif")))
        .containsExactlyInAnyOrder(
            // The alias and its value at the key's entry, though the value's finding names the
            // tag as the resource spells it.
            tuple("missing-mandatory-tag", "acme:owner", "tag-dictionary.yaml", 8, 5),
            tuple("key-alias", "env", "tag-dictionary.yaml", 11, 5),
            tuple("value-not-allowed", "env", "tag-dictionary.yaml", 11, 5),
            tuple("key-convention", "Team", "tag-dictionary.yaml", 3, 1),
            tuple("undeclared-key", "Team", "tag-dictionary.yaml", 1, 0),
            tuple("exemption-expired", "acme:owner", "exemptions.yaml", 3, 0));
  }

  @Test
  void rendersTheSameLocationsFromTheJsonReport() throws IOException {
    Path out = scan(temp.resolve("scan"));
    Path rendered = temp.resolve("render");

    CliRun run =
        CliRun.run(
            "report",
            "render",
            out.resolve("tagscan-report.json").toString(),
            "--format",
            "sarif",
            "-o",
            rendered.toString(),
            "--fail-on",
            "never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(rendered.resolve("tagscan-results.sarif"), StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(out.resolve("tagscan-results.sarif"), StandardCharsets.UTF_8));
  }

  @Test
  void keepsTheFingerprintsWhenTheDictionaryLinesMove() throws IOException {
    List<String> before = fingerprints(scan(temp.resolve("before")));
    Files.writeString(dictionary, "# a comment that moves every line down\n\n" + DICTIONARY);
    List<String> after = fingerprints(scan(temp.resolve("after")));

    assertThat(after).isEqualTo(before).doesNotHaveDuplicates();
    assertThat(places(temp.resolve("after/tagscan-results.sarif")))
        .contains(tuple("missing-mandatory-tag", "acme:owner", "tag-dictionary.yaml", 10, 5));
  }

  private static List<String> fingerprints(Path out) throws IOException {
    List<String> prints = new ArrayList<>();
    for (JsonNode result :
        MAPPER
            .readTree(out.resolve("tagscan-results.sarif").toFile())
            .path("runs")
            .path(0)
            .path("results")) {
      prints.add(result.path("partialFingerprints").path("tagscanFinding/v1").asText());
    }
    return prints;
  }
}
