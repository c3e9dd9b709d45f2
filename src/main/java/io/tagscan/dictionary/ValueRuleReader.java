package io.tagscan.dictionary;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a tag's {@code values}: allowed values, an RE2 pattern, and an example both must accept.
 */
final class ValueRuleReader {

  static final List<String> VALUE_FIELDS = List.of("allowed", "pattern", "example");

  private ValueRuleReader() {}

  /** The value rule, or null when the tag has none. */
  static ValueRule read(Fields fields, String context, Problems problems) {
    if (fields == null) {
      return null;
    }
    fields.allow(VALUE_FIELDS);
    if (!fields.hasOrMisspelt("allowed") && !fields.hasOrMisspelt("pattern")) {
      problems.at(fields.node(), context + ": values: give 'allowed', 'pattern' or both");
    }
    List<String> allowed = null;
    List<ScalarNode> allowedNodes = fields.nonEmptyStrings("allowed");
    if (allowedNodes != null) {
      allowed = new ArrayList<>();
      for (ScalarNode node : fields.distinct("allowed", allowedNodes)) {
        String problem = TagSyntax.valueProblem(node.getValue());
        if (problem != null) {
          fields.problem("allowed", node, Quote.of(node.getValue()) + " " + problem);
        }
        allowed.add(node.getValue());
      }
    }
    ScalarNode patternNode = fields.scalar("pattern", "a string");
    Pattern pattern = null;
    boolean patternBroken = false;
    if (patternNode != null && patternNode.getValue().isEmpty()) {
      patternBroken = true;
      fields.problem("pattern", patternNode, "must not be empty; leave the field out instead");
    } else if (patternNode != null) {
      try {
        pattern = Pattern.compile(patternNode.getValue());
      } catch (PatternSyntaxException e) {
        patternBroken = true;
        fields.problem("pattern", patternNode, describePatternError(patternNode.getValue(), e));
      }
    }
    ScalarNode exampleNode = fields.scalar("example", "a string");
    String example = null;
    if (exampleNode != null) {
      example = exampleNode.getValue();
      String problem = TagSyntax.valueProblem(example);
      if (problem != null) {
        fields.problem("example", exampleNode, Quote.of(example) + " " + problem);
      } else if (!patternBroken) {
        String mismatch = exampleMismatch(example, allowed, pattern);
        if (mismatch != null) {
          fields.problem("example", exampleNode, mismatch);
        }
      }
    }
    return new ValueRule(
        allowed == null ? List.of() : allowed,
        pattern == null ? null : patternNode.getValue(),
        pattern,
        example);
  }

  private static String describePatternError(String source, PatternSyntaxException e) {
    String at = e.getPattern();
    String where = at == null || at.isEmpty() || at.equals(source) ? "" : " at " + Quote.of(at);
    return Quote.of(source) + " is not a valid RE2 pattern: " + e.getDescription() + where;
  }

  /** Why the example would itself be reported, or null when the rules accept it. */
  static String mismatch(String example, List<String> allowed, Pattern pattern) {
    return exampleMismatch(example, allowed, pattern);
  }

  private static String exampleMismatch(String example, List<String> allowed, Pattern pattern) {
    boolean inAllowed = allowed != null && allowed.contains(example);
    boolean matches = pattern != null && pattern.matches(example);
    if (inAllowed || matches) {
      return null;
    }
    if (allowed != null && pattern != null) {
      return Quote.of(example) + " is neither an allowed value nor matches the pattern";
    }
    if (allowed != null) {
      return Quote.of(example) + " is not one of the allowed values";
    }
    if (pattern != null) {
      return Quote.of(example) + " does not match the pattern";
    }
    return null;
  }
}
