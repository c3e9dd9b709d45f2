package io.tagscan.dictionary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping read as a record with known fields: unknown fields, missing fields and values of
 * the wrong type are recorded as problems that name the field, and the readers return null.
 */
final class Fields {

  private static final Pattern BOOLEAN_TEXT = Pattern.compile("true|True|TRUE|false|False|FALSE");

  private static final CoreSchemaResolver PLAIN = new CoreSchemaResolver();

  private final MappingNode node;
  private final String context;
  private final String path;
  private final Problems problems;
  private final Map<String, NodeTuple> byName = new LinkedHashMap<>();
  private final Set<String> suggested = new HashSet<>();

  private Fields(MappingNode node, String context, String path, Problems problems) {
    this.node = node;
    this.context = context;
    this.path = path;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      // Later duplicates were reported when the tree was checked; the first one counts.
      if (tuple.getKeyNode() instanceof ScalarNode key && !problems.isRejected(key)) {
        byName.putIfAbsent(key.getValue(), tuple);
      }
    }
  }

  /**
   * The node read as a mapping; null (with a problem) when it is something else.
   *
   * @param context who the fields belong to in messages, such as {@code tag 'env'}; may be empty
   * @param path the dotted field path within the context, such as {@code values}; may be empty
   */
  static Fields of(Node node, String context, String path, Problems problems) {
    if (problems.isRejected(node)) {
      return null;
    }
    if (node instanceof MappingNode mapping) {
      return new Fields(mapping, context, path, problems);
    }
    problems.at(node, label(context, path) + "expected a mapping, got " + describe(node));
    return null;
  }

  /** Reports each field not in {@code known}, suggesting the closest known one. */
  Fields allow(Collection<String> known) {
    for (Map.Entry<String, NodeTuple> field : byName.entrySet()) {
      String name = field.getKey();
      if (known.contains(name)) {
        continue;
      }
      String closest = Suggest.closest(name, known);
      String suggestion;
      if (closest == null) {
        suggestion = "; expected one of: " + String.join(", ", known);
      } else {
        suggested.add(closest);
        suggestion = "; did you mean " + Quote.of(closest) + "?";
      }
      problems.at(
          field.getValue().getKeyNode(),
          label(context, path) + "unknown field " + Quote.of(name) + suggestion);
    }
    return this;
  }

  /**
   * Reports each field in {@code names} that is absent, at the start of the mapping, unless a
   * misspelling of it was already reported.
   */
  void require(String... names) {
    for (String name : names) {
      if (!byName.containsKey(name) && !suggested.contains(name)) {
        problems.at(node, label(context, path) + "missing required field " + Quote.of(name));
      }
    }
  }

  MappingNode node() {
    return node;
  }

  /** True when the field is present or an unknown field was reported as its likely misspelling. */
  boolean hasOrMisspelt(String name) {
    return byName.containsKey(name) || suggested.contains(name);
  }

  /** The field's value node, or null when absent or already reported as unusable. */
  Node value(String name) {
    NodeTuple tuple = byName.get(name);
    if (tuple == null || problems.isRejected(tuple.getValueNode())) {
      return null;
    }
    return tuple.getValueNode();
  }

  /** Where the field's name is written, or {@link Mark#NONE} when the field is absent. */
  Mark nameMark(String name) {
    NodeTuple tuple = byName.get(name);
    return tuple == null ? Mark.NONE : Mark.of(tuple.getKeyNode());
  }

  /** How messages name the field: {@code tag 'env': values.allowed}. */
  String where(String name) {
    String full = path.isEmpty() ? name : path + "." + name;
    return context.isEmpty() ? full : context + ": " + full;
  }

  /** Records a problem with the field's value. */
  void problem(String name, Node at, String message) {
    problems.at(at, where(name) + ": " + message);
  }

  /** The nested mapping, or null when absent or not a mapping. */
  Fields mapping(String name) {
    Node value = value(name);
    if (value == null) {
      return null;
    }
    return of(value, context, path.isEmpty() ? name : path + "." + name, problems);
  }

  /** The field as text, or null when absent or not text. */
  String string(String name) {
    ScalarNode scalar = scalar(name, "a string");
    return scalar == null ? null : scalar.getValue();
  }

  /** The field's scalar node (any non-null value), or null when absent or of another type. */
  ScalarNode scalar(String name, String expected) {
    Node value = value(name);
    if (value == null) {
      return null;
    }
    if (isText(value)) {
      return (ScalarNode) value;
    }
    problem(name, value, "expected " + expected + ", got " + describe(value));
    return null;
  }

  /** The field as true or false; null when absent or not a YAML boolean. */
  Boolean bool(String name) {
    Node value = value(name);
    if (value == null) {
      return null;
    }
    if (value instanceof ScalarNode scalar && value.getTag().equals(Tag.BOOL)) {
      if (BOOLEAN_TEXT.matcher(scalar.getValue()).matches()) {
        return Boolean.valueOf(scalar.getValue().equalsIgnoreCase("true"));
      }
    }
    problem(name, value, "expected true or false, got " + describe(value));
    return null;
  }

  /** The field as a list of any nodes; null when absent or not a list. */
  List<Node> list(String name, String expected) {
    Node value = value(name);
    if (value == null) {
      return null;
    }
    if (value instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problem(name, value, "expected " + expected + ", got " + describe(value));
    return null;
  }

  /**
   * The field as a list of text values; null when absent or not a list, and items of another type
   * are reported and left out.
   */
  List<ScalarNode> strings(String name) {
    List<Node> items = list(name, "a list of strings");
    return items == null ? null : texts(name, items);
  }

  /** Like {@link #strings}, and an empty list is reported too. */
  List<ScalarNode> nonEmptyStrings(String name) {
    List<Node> items = list(name, "a non-empty list of strings");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      problem(name, value(name), "expected at least one value");
    }
    return texts(name, items);
  }

  private List<ScalarNode> texts(String name, List<Node> items) {
    List<ScalarNode> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (problems.isRejected(item)) {
        continue;
      }
      if (isText(item)) {
        out.add((ScalarNode) item);
      } else {
        problem(
            name,
            item,
            "expected a list of strings, but item " + (i + 1) + " is " + describe(item));
      }
    }
    return out;
  }

  /** Reports text values given twice in one list; returns the distinct ones in order. */
  List<ScalarNode> distinct(String name, List<ScalarNode> values) {
    Map<String, ScalarNode> seen = new LinkedHashMap<>();
    for (ScalarNode value : values) {
      ScalarNode first = seen.putIfAbsent(value.getValue(), value);
      if (first != null) {
        problem(
            name,
            value,
            Quote.of(value.getValue())
                + " is listed twice (first at "
                + placeOf(first, value)
                + ")");
      }
    }
    return List.copyOf(seen.values());
  }

  /** The field's node when its value is one of the fixed words; null (with a problem) otherwise. */
  ScalarNode oneOf(String name, List<String> choices) {
    ScalarNode scalar = scalar(name, "one of " + String.join(", ", choices));
    return scalar != null && choice(scalar, where(name), choices, problems) ? scalar : null;
  }

  /** True when the scalar is one of the fixed words; otherwise records a problem. */
  static boolean choice(ScalarNode scalar, String where, List<String> choices, Problems out) {
    if (choices.contains(scalar.getValue())) {
      return true;
    }
    out.at(
        scalar,
        where
            + ": expected one of "
            + String.join(", ", choices)
            + ", got "
            + describe(scalar)
            + Suggest.didYouMean(scalar.getValue(), choices));
    return false;
  }

  /**
   * Where {@code first} is, told relative to {@code later}: its line, or its column on the same
   * line.
   */
  static String placeOf(Node first, Node later) {
    int line = first.getStartMark().getLine();
    if (line == later.getStartMark().getLine()) {
      return "column " + (first.getStartMark().getColumn() + 1);
    }
    return "line " + (line + 1);
  }

  /** True for a scalar that can be read as text: anything but null. */
  static boolean isText(Node node) {
    return node instanceof ScalarNode && !node.getTag().equals(Tag.NULL);
  }

  /** How a node is named in "got ..." messages. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    if (node.getTag().equals(Tag.NULL)) {
      return scalar.getValue().isEmpty() ? "nothing" : "null";
    }
    if (!scalar.isPlain()
        && !PLAIN.resolve(NodeId.scalar, scalar.getValue(), true).equals(Tag.STR)) {
      // "1" or "true" in quotes: the quotes are the mistake, so say so.
      return Quote.of(scalar.getValue()) + " in quotes";
    }
    return Quote.of(scalar.getValue());
  }

  private static String label(String context, String path) {
    if (context.isEmpty()) {
      return path.isEmpty() ? "" : path + ": ";
    }
    return path.isEmpty() ? context + ": " : context + ": " + path + ": ";
  }
}
