package io.tagscan.inventory.iac;

import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML template into {@link Value}s through SnakeYAML's node tree, so nothing is ever
 * constructed from the text: a tag such as {@code !Ref} or {@code !GetAtt} becomes an {@link
 * Value.Intrinsic} (never run, never rejected), aliases and nesting are capped, and a key given
 * twice in a mapping is an error at its place.
 */
final class YamlTree {

  static final int MAX_ALIASES = 100;
  static final int MAX_DEPTH = 100;
  static final int MAX_VALUES = 5_000_000;

  private static final Set<Tag> PLAIN =
      Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT, Tag.NULL, Tag.SEQ, Tag.MAP, Tag.TIMESTAMP);

  private final String file;
  private int values;

  private YamlTree(String file) {
    this.file = file;
  }

  /**
   * The document's root, or null for an empty document.
   *
   * @throws InputException when the text is not YAML, or too big once its aliases are expanded
   */
  static Value read(String file, String text, int maxCodePoints) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(maxCodePoints);
    options.setProcessComments(false);
    // Nothing is constructed from any tag: the tree is only read.
    options.setTagInspector(tag -> true);
    Node root;
    try {
      root =
          new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options)
              .getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      throw InputException.of(
          new Diagnostic(
              file,
              mark == null ? 0 : mark.getLine() + 1,
              mark == null ? 0 : mark.getColumn() + 1,
              "invalid YAML: " + firstLine(e.getProblem())));
    } catch (YAMLException e) {
      throw InputException.of(
          Diagnostic.ofFile(file, "invalid YAML: " + firstLine(e.getMessage())));
    }
    return root == null ? null : new YamlTree(file).convert(root);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return io.tagscan.model.Printable.of(newline < 0 ? message : message.substring(0, newline));
  }

  private Value convert(Node node) {
    if (++values > MAX_VALUES) {
      throw InputException.of(
          Diagnostic.ofFile(
              file,
              "the template has more than "
                  + String.format("%,d", MAX_VALUES)
                  + " values once its aliases are expanded"));
    }
    int line = node.getStartMark().getLine() + 1;
    int column = node.getStartMark().getColumn() + 1;
    Tag tag = node.getTag();
    if (!PLAIN.contains(tag)) {
      String written = tag.getValue();
      return new Value.Intrinsic(
          written.startsWith(Tag.PREFIX) ? "!!" + written.substring(Tag.PREFIX.length()) : written,
          line,
          column);
    }
    if (node instanceof ScalarNode scalar) {
      return new Value.Scalar(tag.equals(Tag.NULL) ? null : scalar.getValue(), line, column);
    }
    if (node instanceof SequenceNode sequence) {
      List<Value> items = new ArrayList<>(sequence.getValue().size());
      for (Node item : sequence.getValue()) {
        items.add(convert(item));
      }
      return new Value.Sequence(items, line, column);
    }
    MappingNode mapping = (MappingNode) node;
    Map<String, Value.Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      int keyLine = keyNode.getStartMark().getLine() + 1;
      int keyColumn = keyNode.getStartMark().getColumn() + 1;
      if (!(keyNode instanceof ScalarNode key)) {
        throw InputException.of(
            new Diagnostic(
                file, keyLine, keyColumn, "a mapping key must be a plain value, not a collection"));
      }
      Value.Entry first = entries.get(key.getValue());
      if (first != null) {
        throw InputException.of(
            new Diagnostic(
                file,
                keyLine,
                keyColumn,
                "'"
                    + io.tagscan.model.Printable.of(key.getValue())
                    + "' is given twice in this mapping (first at "
                    + first.line()
                    + ":"
                    + first.column()
                    + ")"));
      }
      entries.put(
          key.getValue(),
          new Value.Entry(key.getValue(), keyLine, keyColumn, convert(tuple.getValueNode())));
    }
    return new Value.Mapping(entries, line, column);
  }
}
