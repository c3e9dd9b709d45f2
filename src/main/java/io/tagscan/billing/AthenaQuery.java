package io.tagscan.billing;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.dictionary.ValueRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The valid / invalid / untagged split of spend per cost-allocation key and per account, as one
 * Athena (Trino) query over a FOCUS 1.x or CUR 2.0 table, judged with the dictionary's value rules.
 *
 * <p>Rules follow the resource checks: a missing key is {@code untagged}; a blank value of a
 * mandatory key is {@code empty-value}; a value in the allowed list or matching the pattern is
 * valid; otherwise {@code value-case-mismatch} when it differs from an allowed value only in case,
 * else {@code value-not-allowed}, or {@code value-pattern-mismatch} when there is only a pattern. A
 * key whose pattern Trino would read differently is left out and listed in {@link #refused}.
 */
public record AthenaQuery(String sql, List<Refusal> refused) {

  public AthenaQuery {
    Objects.requireNonNull(sql, "sql");
    refused = List.copyOf(refused);
  }

  /** A key left out of the query, and why. */
  public record Refusal(TagSpec tag, String reason) {

    public Refusal {
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The table layouts the query can read. */
  public enum Schema {
    /** A FOCUS 1.x export: {@code Tags} is a map keyed by the tag key itself. */
    FOCUS("focus", "SubAccountId", "BilledCost", "BillingCurrency", "Tags"),
    /** A CUR 2.0 export: {@code resource_tags} holds activated keys as {@code user_<name>}. */
    CUR2(
        "cur2",
        "line_item_usage_account_id",
        "line_item_unblended_cost",
        "line_item_currency_code",
        "resource_tags");

    private final String slug;
    final String account;
    final String cost;
    final String currency;
    final String tags;

    Schema(String slug, String account, String cost, String currency, String tags) {
      this.slug = slug;
      this.account = account;
      this.cost = cost;
      this.currency = currency;
      this.tags = tags;
    }

    /** The name used on the command line. */
    public String slug() {
      return slug;
    }

    /**
     * The key under which the table's tag map holds a dictionary key. CUR 2.0 lower-cases the key,
     * replaces each character other than a letter or digit by {@code _} and adds {@code user_}.
     */
    public String mapKey(String key) {
      if (this == FOCUS) {
        return key;
      }
      StringBuilder name = new StringBuilder("user_");
      key.codePoints()
          .forEach(
              c ->
                  name.append(
                      c < 128 && Character.isLetterOrDigit(c)
                          ? (char) Character.toLowerCase(c)
                          : '_'));
      return name.toString();
    }
  }

  /** Builds the query for every cost-allocation key of the dictionary. */
  public static AthenaQuery build(Dictionary dictionary, Schema schema, String table) {
    List<Refusal> refused = new ArrayList<>();
    Map<String, String> judgements = new java.util.LinkedHashMap<>();
    Map<String, String> mapKeys = new HashMap<>();
    Map<String, String> mapKeyOwner = new HashMap<>();
    for (TagSpec tag : dictionary.tags()) {
      if (!tag.costAllocation()) {
        continue;
      }
      String mapKey = schema.mapKey(tag.key());
      String owner = mapKeyOwner.putIfAbsent(mapKey, tag.key());
      if (owner != null) {
        refused.add(
            new Refusal(
                tag, "its CUR 2.0 name " + mapKey + " is also the name of the key " + owner));
        continue;
      }
      String judgement = judgement(tag, refused);
      if (judgement != null) {
        judgements.put(tag.key(), judgement);
        mapKeys.put(tag.key(), mapKey);
      }
    }
    if (judgements.isEmpty()) {
      return new AthenaQuery("", refused);
    }
    return new AthenaQuery(sql(schema, table, judgements, mapKeys), refused);
  }

  private static String judgement(TagSpec tag, List<Refusal> refused) {
    StringBuilder when = new StringBuilder("WHEN tag_value IS NULL THEN 'untagged'");
    if (tag.mandatory()) {
      when.append(" WHEN trim(tag_value) = '' THEN 'empty-value'");
    }
    ValueRule values = tag.values();
    if (values != null && (!values.allowed().isEmpty() || values.patternSource() != null)) {
      List<String> valid = new ArrayList<>();
      if (!values.allowed().isEmpty()) {
        valid.add("tag_value IN " + list(values.allowed()));
      }
      if (values.patternSource() != null) {
        TrinoRegex.Translation regex = TrinoRegex.translate(values.patternSource());
        if (!regex.translated()) {
          refused.add(new Refusal(tag, regex.refusal()));
          return null;
        }
        valid.add("regexp_like(tag_value, " + SqlText.literal(regex.regex()) + ")");
      }
      when.append(" WHEN ").append(String.join(" OR ", valid)).append(" THEN NULL");
      if (!values.allowed().isEmpty()) {
        Set<String> lower = new LinkedHashSet<>();
        values.allowed().forEach(value -> lower.add(value.toLowerCase(Locale.ROOT)));
        when.append(" WHEN lower(tag_value) IN ")
            .append(list(List.copyOf(lower)))
            .append(" THEN 'value-case-mismatch' ELSE 'value-not-allowed'");
      } else {
        when.append(" ELSE 'value-pattern-mismatch'");
      }
    }
    return "CASE " + when + " END";
  }

  private static String list(List<String> values) {
    List<String> literals = new ArrayList<>();
    values.forEach(value -> literals.add(SqlText.literal(value)));
    return "(" + String.join(", ", literals) + ")";
  }

  private static String sql(
      Schema schema, String table, Map<String, String> judgements, Map<String, String> mapKeys) {
    List<String> rows = new ArrayList<>();
    judgements
        .keySet()
        .forEach(
            key ->
                rows.add(
                    "(" + SqlText.literal(key) + ", " + SqlText.literal(mapKeys.get(key)) + ")"));
    StringBuilder rules = new StringBuilder("    CASE tag_key\n");
    judgements.forEach(
        (key, judgement) ->
            rules
                .append("      WHEN ")
                .append(SqlText.literal(key))
                .append(" THEN ")
                .append(judgement)
                .append('\n'));
    rules.append("    END AS rule");
    return "WITH tagged AS (\n"
        + "  SELECT k.tag_key, t."
        + schema.account
        + " AS account_id, t."
        + schema.currency
        + " AS currency, t."
        + schema.cost
        + " AS cost, element_at(t."
        + schema.tags
        + ", k.map_key) AS tag_value\n"
        + "  FROM "
        + SqlText.tableName(table)
        + " AS t\n"
        + "  CROSS JOIN (VALUES\n    "
        + String.join(",\n    ", rows)
        + "\n  ) AS k (tag_key, map_key)\n"
        + "),\n"
        + "judged AS (\n"
        + "  SELECT tag_key, account_id, currency, cost, tag_value,\n"
        + rules
        + "\n  FROM tagged\n"
        + ")\n"
        + "SELECT tag_key, account_id,\n"
        + "  CASE WHEN rule IS NULL THEN 'valid' WHEN rule = 'untagged' THEN 'untagged'"
        + " ELSE 'invalid' END AS verdict,\n"
        + "  rule, tag_value, currency, sum(cost) AS spend\n"
        + "FROM judged\n"
        + "GROUP BY 1, 2, 3, 4, 5, 6\n"
        + "ORDER BY 1, 2, 3, 4, 5, 6\n";
  }
}
