package io.tagscan.controls;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A dictionary from an Organizations tag policy or an effective policy ({@code {"tags": …}}, or the
 * whole {@code DescribeEffectivePolicy} answer): each key in the case {@code tag_key} gives, its
 * values ({@code *} wildcards become anchored RE2 patterns), and {@code report_required_tag_for} as
 * {@code mandatory} with {@code applies-to}. Nothing the policy does not say is added.
 */
public final class TagPolicyImport {

  private TagPolicyImport() {}

  /**
   * Reads the policy text of the named file.
   *
   * @throws InputException when it is not JSON or not a tag policy
   */
  public static Imported read(String file, String json) {
    JsonNode root = parse(file, json);
    JsonNode content = root.path("EffectivePolicy").path("PolicyContent");
    if (content.isTextual()) {
      root = parse(file, content.asText());
    }
    JsonNode tags = root.get("tags");
    if (tags == null || !tags.isObject() || tags.isEmpty()) {
      throw InputException.of(
          Diagnostic.ofFile(
              file, "not a tag policy: expected a \"tags\" object naming at least one key"));
    }
    List<String> notes = new ArrayList<>();
    List<Map<String, Object>> entries = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : tags.properties()) {
      Map<String, Object> entry = entry(file, e.getKey(), e.getValue(), notes, problems);
      if (entry != null) {
        entries.add(entry);
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    Map<String, Object> dictionary = new LinkedHashMap<>();
    dictionary.put("version", 1);
    dictionary.put("tags", entries);
    return new Imported(yaml(dictionary), notes);
  }

  private static Map<String, Object> entry(
      String file, String name, JsonNode policy, List<String> notes, List<Diagnostic> problems) {
    String where = "tag " + Names.quote(name);
    if (!policy.isObject()) {
      problems.add(Diagnostic.ofFile(file, where + ": expected an object"));
      return null;
    }
    List<String> keys = strings(file, where, "tag_key", policy.get("tag_key"), notes, problems);
    String key = keys.isEmpty() ? name : keys.get(0);
    List<String> values =
        strings(file, where, "tag_value", policy.get("tag_value"), notes, problems);
    List<String> required =
        strings(
            file,
            where,
            "report_required_tag_for",
            policy.get("report_required_tag_for"),
            notes,
            problems);
    if (policy.has("enforced_for")) {
      notes.add("note: " + where + ": enforced_for is not kept; a dictionary does not enforce");
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("key", key);
    entry.put("mandatory", !required.isEmpty());
    if (!values.isEmpty()) {
      entry.put("values", values(values));
    }
    Set<String> globs = new TreeSet<>();
    required.forEach(type -> globs.add(PolicyTypes.glob(type)));
    if (!globs.isEmpty()
        && !new TreeSet<>(required).equals(new TreeSet<>(PolicyTypes.everyService()))) {
      entry.put("applies-to", List.copyOf(globs));
    }
    return entry;
  }

  /** Allowed values when none has a wildcard, else one pattern saying the same. */
  private static Map<String, Object> values(List<String> values) {
    if (values.stream().noneMatch(v -> v.indexOf('*') >= 0)) {
      return Map.of("allowed", values);
    }
    List<String> alternatives = new ArrayList<>();
    for (String value : values) {
      // Each '*' is any run of characters; AWS takes one a value, so any more are read alike.
      alternatives.add(
          String.join(
              ".*",
              Arrays.stream(value.split("\\*", -1)).map(TagPolicyImport::quoteNonEmpty).toList()));
    }
    return Map.of("pattern", "(?s)^(?:" + String.join("|", alternatives) + ")$");
  }

  private static String quoteNonEmpty(String text) {
    return text.isEmpty() ? "" : Pattern.quote(text);
  }

  /** The strings of a field, bare (effective policies) or under @@assign and @@append. */
  private static List<String> strings(
      String file,
      String where,
      String field,
      JsonNode node,
      List<String> notes,
      List<Diagnostic> problems) {
    if (node == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              op -> {
                if (op.equals("@@assign") || op.equals("@@append")) {
                  collect(file, where + "." + field, node.get(op), out, problems);
                } else {
                  notes.add("note: " + where + ": " + field + "." + op + " is not kept");
                }
              });
    } else {
      collect(file, where + "." + field, node, out, problems);
    }
    return List.copyOf(out);
  }

  private static void collect(
      String file, String where, JsonNode node, Set<String> out, List<Diagnostic> problems) {
    if (node.isTextual()) {
      out.add(node.asText());
      return;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (item.isTextual()) {
          out.add(item.asText());
        } else {
          problems.add(Diagnostic.ofFile(file, where + ": expected strings"));
        }
      }
      return;
    }
    problems.add(Diagnostic.ofFile(file, where + ": expected a string or a list of strings"));
  }

  private static JsonNode parse(String file, String json) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      if (node == null || !node.isObject()) {
        throw InputException.of(Diagnostic.ofFile(file, "not a tag policy: expected an object"));
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNr());
      int column = at == null ? 0 : Math.max(0, at.getColumnNr());
      throw new InputException(
          List.of(new Diagnostic(file, line, column, "not valid JSON here")), e);
    }
  }

  private static String yaml(Map<String, Object> dictionary) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(100);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    // Control characters as escapes in a quoted string, never as !!binary, which no loader takes.
    options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
    return "# Read from a tag policy by tagscan dictionary import.\n"
        + new Yaml(options).dump(dictionary);
  }
}
