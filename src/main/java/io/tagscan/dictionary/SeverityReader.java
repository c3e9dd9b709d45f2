package io.tagscan.dictionary;

import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads each rule's severity: the defaults, the conventions' shorthands, then {@code rules:}. */
final class SeverityReader {

  private static final List<String> RULE_LEVELS = List.of("error", "warning", "info", "off");
  private static final List<String> RULE_SLUGS =
      Arrays.stream(RuleId.values()).map(RuleId::slug).toList();

  private SeverityReader() {}

  /**
   * Every rule at its default, then the conventions' shorthands, then {@code rules:}; a rule set to
   * {@code off} or {@code allow} is left out of the map.
   */
  static Map<RuleId, Severity> read(
      Fields top, ConventionsReader.Read conventions, Problems problems) {
    Map<RuleId, Severity> severities = Dictionary.defaultSeverities();
    Map<RuleId, ScalarNode> shorthands = new LinkedHashMap<>();
    if (conventions.undeclaredKeys() != null) {
      apply(severities, RuleId.UNDECLARED_KEY, conventions.undeclaredKeys().getValue());
      shorthands.put(RuleId.UNDECLARED_KEY, conventions.undeclaredKeys());
    }
    if (conventions.piiInValues() != null) {
      apply(severities, RuleId.PII_IN_TAG, conventions.piiInValues().getValue());
      shorthands.put(RuleId.PII_IN_TAG, conventions.piiInValues());
    }
    Fields rules = top.mapping("rules");
    if (rules == null) {
      return severities;
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : rules.node().getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)
          || problems.isRejected(key)
          || !seen.add(key.getValue())) {
        continue; // reported when the tree was checked
      }
      RuleId rule = RuleId.fromSlug(key.getValue());
      if (rule == null) {
        String hint = Suggest.didYouMean(key.getValue(), RULE_SLUGS);
        problems.at(
            key,
            "rules: unknown rule "
                + Quote.of(key.getValue())
                + (hint.isEmpty() ? "; expected one of: " + String.join(", ", RULE_SLUGS) : hint));
        continue;
      }
      ScalarNode shorthand = shorthands.get(rule);
      if (shorthand != null) {
        String field =
            rule == RuleId.UNDECLARED_KEY
                ? "conventions.undeclared-keys"
                : "conventions.pii-in-values";
        problems.at(
            key,
            "rules: "
                + Quote.of(rule.slug())
                + " is also set by "
                + field
                + " (line "
                + (shorthand.getStartMark().getLine() + 1)
                + "); set it in one place");
        continue;
      }
      Node value = tuple.getValueNode();
      if (problems.isRejected(value)) {
        continue;
      }
      String where = "rules." + rule.slug();
      if (!Fields.isText(value)) {
        problems.at(
            value,
            where
                + ": expected one of "
                + String.join(", ", RULE_LEVELS)
                + ", got "
                + Fields.describe(value));
        continue;
      }
      if (Fields.choice((ScalarNode) value, where, RULE_LEVELS, problems)) {
        apply(severities, rule, ((ScalarNode) value).getValue());
      }
    }
    return severities;
  }

  private static void apply(Map<RuleId, Severity> severities, RuleId rule, String level) {
    if (level.equals("off") || level.equals("allow")) {
      severities.remove(rule);
    } else {
      severities.put(rule, Severity.fromSlug(level));
    }
  }
}
