package io.tagscan.dictionary;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code tags} list: each tag's key, fields, aliases and scope, checked on its own. */
final class TagReader {

  static final List<String> TAG_FIELDS =
      List.of(
          "key",
          "type",
          "purpose",
          "cost-allocation",
          "mandatory",
          "values",
          "aliases",
          "applies-to",
          "default");

  /** A resource-type glob such as {@code s3}, {@code s3:bucket} or {@code sagemaker:*}. */
  private static final java.util.regex.Pattern RESOURCE_TYPE_GLOB =
      java.util.regex.Pattern.compile("[A-Za-z0-9*?-]+(:[A-Za-z0-9*?_./-]+)?");

  private TagReader() {}

  /** Every tag, or null when the list itself is missing or unreadable. */
  static List<DeclaredTag> readAll(Fields top, Conventions conventions, Problems problems) {
    List<Node> items = top.list("tags", "a list of tags");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      top.problem("tags", top.value("tags"), "expected at least one tag");
    }
    List<DeclaredTag> declared = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      DeclaredTag tag = readTag(items.get(i), i + 1, conventions, problems);
      if (tag != null) {
        declared.add(tag);
      }
    }
    return declared;
  }

  private static DeclaredTag readTag(
      Node item, int number, Conventions conventions, Problems problems) {
    Fields fields = Fields.of(item, "tag #" + number, "", problems);
    if (fields == null) {
      return null;
    }
    Node keyValue = fields.value("key");
    String key = Fields.isText(keyValue) ? ((ScalarNode) keyValue).getValue() : null;
    String context = key == null ? "tag #" + number : "tag " + Quote.of(key);
    fields = Fields.of(item, context, "", problems);
    fields.allow(TAG_FIELDS);
    fields.require("key");
    ScalarNode keyNode = fields.scalar("key", "a string");
    if (keyNode != null) {
      String problem = TagSyntax.keyProblem(key);
      if (problem != null) {
        problems.at(keyNode, context + ": key " + problem);
      }
      for (String reserved : conventions.reservedPrefixes()) {
        if (key.startsWith(reserved)) {
          problems.at(
              keyNode,
              context
                  + ": key starts with the reserved prefix "
                  + Quote.of(reserved)
                  + "; such keys are never judged, so it cannot be declared");
          break;
        }
      }
    }
    String type = fields.string("type");
    String purpose = fields.string("purpose");
    Boolean costAllocation = fields.bool("cost-allocation");
    Boolean mandatory = fields.bool("mandatory");
    ValueRule values = ValueRuleReader.read(fields.mapping("values"), context, problems);
    List<ScalarNode> aliases = readAliases(fields);
    List<Glob> appliesTo = readAppliesTo(fields);
    String defaultValue = readDefault(fields, values);
    if (keyNode == null) {
      return null;
    }
    // The entry is placed at its key field, which is where a reader looks for the key.
    Mark at = fields.nameMark("key");
    TagSpec spec =
        new TagSpec(
            key,
            type,
            purpose,
            Boolean.TRUE.equals(costAllocation),
            Boolean.TRUE.equals(mandatory),
            values,
            aliases.stream().map(ScalarNode::getValue).toList(),
            appliesTo,
            at.line(),
            at.column(),
            defaultValue);
    return new DeclaredTag(spec, keyNode, context, aliases);
  }

  /** The value {@code fix plan} adds when the key is missing: one the key's own rules accept. */
  private static String readDefault(Fields fields, ValueRule values) {
    ScalarNode node = fields.scalar("default", "a string");
    if (node == null) {
      return null;
    }
    String value = node.getValue();
    String problem = TagSyntax.valueProblem(value);
    if (problem == null && value.isBlank()) {
      problem = "is blank; a default must be a value the key accepts";
    }
    if (problem != null) {
      fields.problem("default", node, Quote.of(value) + " " + problem);
    } else if (values != null) {
      String mismatch =
          ValueRuleReader.mismatch(
              value, values.allowed().isEmpty() ? null : values.allowed(), values.pattern());
      if (mismatch != null) {
        fields.problem("default", node, mismatch);
      }
    }
    return value;
  }

  private static List<ScalarNode> readAliases(Fields fields) {
    List<ScalarNode> nodes = fields.strings("aliases");
    if (nodes == null) {
      return List.of();
    }
    List<ScalarNode> aliases = fields.distinct("aliases", nodes);
    for (ScalarNode alias : aliases) {
      String problem = TagSyntax.keyProblem(alias.getValue());
      if (problem != null) {
        fields.problem("aliases", alias, Quote.of(alias.getValue()) + " " + problem);
      }
    }
    return aliases;
  }

  private static List<Glob> readAppliesTo(Fields fields) {
    List<ScalarNode> nodes = fields.strings("applies-to");
    if (nodes == null) {
      return List.of();
    }
    List<Glob> globs = new ArrayList<>();
    for (ScalarNode node : fields.distinct("applies-to", nodes)) {
      if (RESOURCE_TYPE_GLOB.matcher(node.getValue()).matches()) {
        globs.add(Glob.of(node.getValue()));
      } else {
        fields.problem(
            "applies-to",
            node,
            Quote.of(node.getValue())
                + " is not a resource type such as 's3', 's3:bucket' or 'sagemaker:*'");
      }
    }
    return globs;
  }
}
