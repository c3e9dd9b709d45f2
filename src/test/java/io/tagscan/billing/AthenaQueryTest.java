package io.tagscan.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AthenaQueryTest {

  @TempDir Path dir;

  private Dictionary dictionary(String tags) throws IOException {
    Path file = dir.resolve("tag-dictionary.yaml");
    Files.writeString(
        file,
        "version: 1\nprefix: acme\nconventions:\n  key-case: any\ntags:\n" + tags,
        StandardCharsets.UTF_8);
    return DictionaryLoader.load(file);
  }

  @Test
  void readmeShowsTheQueryForTheRootDictionary() throws IOException {
    String sql =
        AthenaQuery.build(
                DictionaryLoader.load(Path.of("tag-dictionary.yaml")),
                AthenaQuery.Schema.FOCUS,
                "focus_db.focus_export")
            .sql();

    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains("```sql\n" + sql + "```\n");
  }

  @Test
  void judgesOnlyCostAllocationKeysWithTheirValueRules() throws IOException {
    Dictionary dictionary =
        dictionary(
            """
              - key: env
                cost-allocation: true
                mandatory: true
                values:
                  allowed: [Prod, dev]
              - key: team
                cost-allocation: true
                mandatory: false
                values:
                  pattern: '^[a-z]+$'
              - key: note
                cost-allocation: false
                mandatory: true
            """);

    String sql = AthenaQuery.build(dictionary, AthenaQuery.Schema.FOCUS, "t").sql();

    assertThat(sql)
        .contains(
            "WHEN 'env' THEN CASE WHEN tag_value IS NULL THEN 'untagged'"
                + " WHEN trim(tag_value) = '' THEN 'empty-value'"
                + " WHEN tag_value IN ('Prod', 'dev') THEN NULL"
                + " WHEN lower(tag_value) IN ('prod', 'dev') THEN 'value-case-mismatch'"
                + " ELSE 'value-not-allowed' END\n")
        .contains(
            "WHEN 'team' THEN CASE WHEN tag_value IS NULL THEN 'untagged'"
                + " WHEN regexp_like(tag_value, '\\A(?:\\A[a-z]+\\z)\\z') THEN NULL"
                + " ELSE 'value-pattern-mismatch' END\n")
        .contains("element_at(t.Tags, k.map_key)", "t.SubAccountId", "t.BilledCost")
        .contains("FROM \"t\" AS t")
        .doesNotContain("'note'");
  }

  @Test
  void escapesHostileValuesAndNames() throws IOException {
    Dictionary dictionary =
        dictionary(
            """
              - key: team
                cost-allocation: true
                mandatory: false
                values:
                  allowed: ["a'); DROP TABLE t; --", "x\\u202Ey", "back\\\\slash"]
            """);

    String sql = AthenaQuery.build(dictionary, AthenaQuery.Schema.FOCUS, "db.we\"ird").sql();

    assertThat(sql)
        .contains("'a''); DROP TABLE t; --'")
        .contains("U&'x\\202Ey'")
        .contains("'back\\slash'")
        .contains("FROM \"db\".\"we\"\"ird\" AS t")
        .doesNotContain("\u202E");
  }

  @Test
  void leavesOutAKeyWhosePatternTrinoWouldReadDifferently() throws IOException {
    Dictionary dictionary =
        dictionary(
            """
              - key: env
                cost-allocation: true
                mandatory: true
              - key: name
                cost-allocation: true
                mandatory: true
                values:
                  pattern: '\\pL+'
            """);

    AthenaQuery query = AthenaQuery.build(dictionary, AthenaQuery.Schema.FOCUS, "t");

    assertThat(query.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.tag().key()).isEqualTo("name");
              assertThat(r.reason()).contains("Unicode classes");
            });
    assertThat(query.sql()).contains("'env'").doesNotContain("'name'");
  }

  @Test
  void readsCur2TablesUnderTheirNormalisedNames() throws IOException {
    Dictionary dictionary =
        dictionary(
            """
              - key: acme:Cost-Center
                cost-allocation: true
                mandatory: true
              - key: acme_cost_center
                cost-allocation: true
                mandatory: true
            """);

    AthenaQuery query = AthenaQuery.build(dictionary, AthenaQuery.Schema.CUR2, "cur");

    assertThat(query.sql())
        .contains("('acme:Cost-Center', 'user_acme_cost_center')")
        .contains("element_at(t.resource_tags, k.map_key)")
        .contains("t.line_item_usage_account_id", "t.line_item_unblended_cost");
    assertThat(query.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.tag().key()).isEqualTo("acme_cost_center");
              assertThat(r.reason()).contains("user_acme_cost_center");
            });
  }
}
