package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.tagscan.cost.SpendJudge;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagscan cost --focus} on an export whose cost-center values are unique per row: values
 * past the limit are folded into "(other values)", the totals stay exact, and every format says so.
 */
class CostFoldedValuesTest {

  private static final String DICTIONARY =
      "src/test/resources/golden/cost/focus-all-formats/tag-dictionary.yaml";
  private static final String CENTER = "anycompany:finance:cost-center";
  private static final int ROWS = SpendJudge.VALUE_LIMIT + 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path export;

  @BeforeEach
  void writeExport() throws IOException {
    export = dir.resolve("focus.csv");
    try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
      out.write("BillingCurrency,BilledCost,EffectiveCost,ResourceId,SubAccountId,Tags\n");
      for (int i = 0; i < ROWS; i++) {
        // Every row its own value: a resource id put in the cost-center tag.
        out.write(
            "USD,0.01,0.01,arn:aws:s3:::b"
                + i
                + ",111122223333,\"{\"\""
                + CENTER
                + "\"\": \"\"i-"
                + i
                + "\"\"}\"\n");
      }
    }
  }

  private static JsonNode key(JsonNode keys, String name) {
    for (JsonNode key : keys) {
      if (key.get("key").asText().equals(name)) {
        return key;
      }
    }
    throw new AssertionError("no key " + name);
  }

  @Test
  void foldsTheValuesPastTheLimitAndKeepsTheTotalsExact() throws IOException {
    CliRun run =
        CliRun.run("cost", "-d", DICTIONARY, "--focus", export.toString(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode report = JSON.readTree(run.out());
    JsonNode center = key(report.at("/focus/keys"), CENTER);
    assertThat(center.at("/folded/valueLimit").asInt()).isEqualTo(SpendJudge.VALUE_LIMIT);
    assertThat(center.at("/folded/lines").asLong()).isEqualTo(5);
    assertThat(center.get("values")).hasSize(SpendJudge.VALUE_LIMIT + 1);
    JsonNode folded = center.get("values").get(SpendJudge.VALUE_LIMIT);
    assertThat(folded.get("value").isNull()).isTrue();
    assertThat(folded.get("verdict").asText()).isEqualTo("invalid");
    assertThat(folded.get("amount").asText()).isEqualTo("0.05");
    assertThat(folded.get("foldedLines").asLong()).isEqualTo(5);
    assertThat(folded.has("rule")).isFalse();
    assertThat(center.at("/totals/0/invalid").asText()).isEqualTo("100.05");
    assertThat(report.get("notes").toString())
        .contains("'" + CENTER + "' in the FOCUS export has more than 10000 distinct values")
        .contains("(5 spend lines)");
    assertThat(
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Paths.get("schema/cost-report.schema.json").toFile()))
                .validate(report))
        .isEmpty();
  }

  @Test
  void saysInEveryFormatThatValuesWereFolded() throws IOException {
    Path reports = dir.resolve("reports");
    CliRun run =
        CliRun.run(
            "cost",
            "-d",
            DICTIONARY,
            "--focus",
            export.toString(),
            "--format",
            "csv,markdown,html,table",
            "-o",
            reports.toString());

    assertThat(run.exitCode()).isZero();
    String csv = Files.readString(reports.resolve("tagscan-cost.csv"));
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",source,folded lines");
    assertThat(csv)
        .contains(CENTER + ",111122223333,,(other values),invalid,,0.05,USD,focus,5\r\n")
        .contains(CENTER + ",111122223333,,i-0,invalid,value-pattern-mismatch,0.01,USD,focus,\r\n");
    for (String name : new String[] {"tagscan-cost.md", "tagscan-cost.txt"}) {
      assertThat(Files.readString(reports.resolve(name)))
          .as(name)
          .contains("has more than 10000 distinct values");
    }
    String html = Files.readString(reports.resolve("tagscan-cost.html"));
    assertThat(html)
        .contains("<em>(other values)</em>")
        .contains("has more than 10000 distinct values");
  }
}
