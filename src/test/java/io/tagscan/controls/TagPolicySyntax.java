package io.tagscan.controls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The syntax rules of an Organizations tag policy, as a checker for tests: only {@code tags} at the
 * top, only the known fields per key, only the {@code @@assign}, {@code @@append} and
 * {@code @@remove} operators (and {@code @@operators_allowed_for_child_policies}), strings where
 * AWS wants them, at most one {@code *} per value, and the 10,000-character quota.
 */
final class TagPolicySyntax {

  private static final Set<String> FIELDS =
      Set.of("tag_key", "tag_value", "enforced_for", "report_required_tag_for");
  private static final Set<String> OPERATORS = Set.of("@@assign", "@@append", "@@remove");
  private static final String CHILD = "@@operators_allowed_for_child_policies";

  private TagPolicySyntax() {}

  /** Every rule the text breaks; empty when it is a valid tag policy. */
  static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    if (text.length() > 10_000) {
      problems.add("over the 10,000-character quota: " + text.length());
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, JsonNode> top : root.properties()) {
      if (!top.getKey().equals("tags")) {
        problems.add("unknown top-level field " + top.getKey());
      }
    }
    JsonNode tags = root.path("tags");
    if (!tags.isObject() || tags.isEmpty()) {
      problems.add("no tags object");
      return problems;
    }
    for (Map.Entry<String, JsonNode> key : tags.properties()) {
      String where = "tags." + key.getKey();
      for (Map.Entry<String, JsonNode> field : key.getValue().properties()) {
        if (!FIELDS.contains(field.getKey()) && !field.getKey().equals(CHILD)) {
          problems.add(where + ": unknown field " + field.getKey());
          continue;
        }
        for (Map.Entry<String, JsonNode> op : field.getValue().properties()) {
          String at = where + "." + field.getKey() + "." + op.getKey();
          if (!OPERATORS.contains(op.getKey()) && !op.getKey().equals(CHILD)) {
            problems.add(at + ": not an operator tag policies take");
          } else if (field.getKey().equals("tag_key")) {
            if (!op.getValue().isTextual()) {
              problems.add(at + ": tag_key takes one string");
            }
          } else {
            checkStrings(at, op.getValue(), field.getKey().equals("tag_value"), problems);
          }
        }
      }
      if (!key.getValue().has("tag_key")) {
        problems.add(where + ": no tag_key");
      }
    }
    return problems;
  }

  private static void checkStrings(
      String at, JsonNode values, boolean wildcards, List<String> problems) {
    if (!values.isArray() || values.isEmpty()) {
      problems.add(at + ": expected a non-empty list of strings");
      return;
    }
    for (JsonNode value : values) {
      if (!value.isTextual()) {
        problems.add(at + ": not a string: " + value);
      } else if (wildcards && value.asText().chars().filter(c -> c == '*').count() > 1) {
        problems.add(at + ": more than one '*' in " + value.asText());
      } else if (!wildcards && !value.asText().matches("[a-z0-9-]+:[A-Za-z0-9_-]+")) {
        problems.add(at + ": not a resource type: " + value.asText());
      }
    }
  }
}
