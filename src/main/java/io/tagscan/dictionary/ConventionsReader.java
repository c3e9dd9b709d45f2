package io.tagscan.dictionary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the dictionary's naming settings: the {@code prefix} and the {@code conventions}. */
final class ConventionsReader {

  static final List<String> CONVENTION_FIELDS =
      List.of(
          "key-case", "word-separator", "reserved-prefixes", "undeclared-keys", "pii-in-values");

  private static final List<String> KEY_CASES =
      Arrays.stream(KeyCase.values()).map(KeyCase::slug).toList();
  private static final List<String> SHORTHAND_LEVELS = List.of("allow", "info", "warning", "error");

  private ConventionsReader() {}

  /** The prefix, or the empty string when there is none. */
  static String prefix(Fields top) {
    ScalarNode node = top.scalar("prefix", "a string");
    if (node == null) {
      return "";
    }
    String prefix = node.getValue();
    if (prefix.isEmpty()) {
      top.problem("prefix", node, "must not be empty; leave the field out instead");
    } else if (prefix.endsWith(":")) {
      top.problem("prefix", node, "write it without the trailing ':'");
    } else {
      int rejected = TagSyntax.firstRejectedCharacter(prefix);
      if (rejected >= 0) {
        top.problem(
            "prefix",
            node,
            Quote.of(prefix)
                + " has the character "
                + Quote.character(rejected)
                + ", which AWS does not allow in tag keys");
      }
    }
    return prefix;
  }

  /** The conventions, and the two severity shorthands as written (null when not set). */
  record Read(Conventions conventions, ScalarNode undeclaredKeys, ScalarNode piiInValues) {}

  /** The conventions, or the defaults when the file sets none. */
  static Read read(Fields fields) {
    if (fields == null) {
      return new Read(Conventions.DEFAULT, null, null);
    }
    fields.allow(CONVENTION_FIELDS);
    ScalarNode keyCaseNode = fields.oneOf("key-case", KEY_CASES);
    KeyCase keyCase =
        keyCaseNode == null ? KeyCase.LOWER : KeyCase.fromSlug(keyCaseNode.getValue());
    String separator = Conventions.DEFAULT.wordSeparator();
    ScalarNode separatorNode = fields.scalar("word-separator", "a string");
    if (separatorNode != null) {
      separator = separatorNode.getValue();
      int rejected = TagSyntax.firstRejectedCharacter(separator);
      if (rejected >= 0) {
        fields.problem(
            "word-separator",
            separatorNode,
            "the character "
                + Quote.character(rejected)
                + " is not allowed in AWS tag keys, so it cannot separate words");
      }
    }
    List<String> reserved = Conventions.DEFAULT.reservedPrefixes();
    List<ScalarNode> reservedNodes = fields.strings("reserved-prefixes");
    if (reservedNodes != null) {
      reserved = new ArrayList<>();
      for (ScalarNode node : fields.distinct("reserved-prefixes", reservedNodes)) {
        if (node.getValue().isEmpty()) {
          fields.problem("reserved-prefixes", node, "a prefix cannot be empty");
        } else {
          reserved.add(node.getValue());
        }
      }
    }
    ScalarNode undeclared = fields.oneOf("undeclared-keys", SHORTHAND_LEVELS);
    ScalarNode pii = fields.oneOf("pii-in-values", SHORTHAND_LEVELS);
    return new Read(new Conventions(keyCase, separator, reserved), undeclared, pii);
  }
}
