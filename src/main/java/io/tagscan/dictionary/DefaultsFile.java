package io.tagscan.dictionary;

import io.tagscan.model.InputException;
import io.tagscan.model.Secrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A defaults file ({@code .tagscan.yaml}): option values for each command, in a section named after
 * it ({@code scan:}, {@code accounts:}, {@code report: diff:}), checked against the options the
 * command line declares, with every problem placed at its line and column.
 *
 * @param file the file as the user named it
 * @param settings each command's settings, by the command's path ({@code "scan"}, {@code "report
 *     diff"}) then the option's long name without dashes
 */
public record DefaultsFile(String file, Map<String, Map<String, Setting>> settings) {

  /** Keys that name a credential: tagscan takes none from a file that is meant to be committed. */
  private static final Pattern CREDENTIAL =
      Pattern.compile(
          "(?i).*(secret|password|passwd|token|credential|access[-_]?key|private[-_]?key"
              + "|session[-_]?key|api[-_]?key).*");

  /** One option's value and where the file gives it. */
  public record Setting(String option, String value, int line, int column) {
    public Setting {
      Objects.requireNonNull(option, "option");
      Objects.requireNonNull(value, "value");
    }
  }

  public DefaultsFile {
    Objects.requireNonNull(file, "file");
    Map<String, Map<String, Setting>> copy = new HashMap<>();
    settings.forEach((command, values) -> copy.put(command, Map.copyOf(values)));
    settings = Map.copyOf(copy);
  }

  /** The settings of one command, by its path such as {@code "scan"}; empty when none. */
  public Map<String, Setting> of(String command) {
    return settings.getOrDefault(command, Map.of());
  }

  /**
   * Reads and checks a defaults file.
   *
   * @throws InputException with every problem found, when there is any
   */
  public static DefaultsFile load(Path file, DefaultsSchema schema) {
    Problems problems = new Problems(file.toString());
    return read(file.toString(), SafeYaml.read(file, problems), schema, problems);
  }

  /**
   * Reads defaults from text, as if from a file of that name.
   *
   * @throws InputException with every problem found, when there is any
   */
  public static DefaultsFile parse(String fileName, String yaml, DefaultsSchema schema) {
    Problems problems = new Problems(fileName);
    return read(fileName, SafeYaml.ofText(yaml, problems), schema, problems);
  }

  private static DefaultsFile read(
      String fileName, SafeYaml.Source source, DefaultsSchema schema, Problems problems) {
    Map<String, Map<String, Setting>> settings = new HashMap<>();
    if (source != null) {
      Node root = SafeYaml.compose(source.text(), problems);
      // An empty file sets nothing, like an absent one.
      if (root != null
          && !(root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
        section(root, "", schema, settings, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems.sorted());
    }
    return new DefaultsFile(fileName, settings);
  }

  /** Reads one command's section: its options, and the sections of its subcommands. */
  private static void section(
      Node node,
      String command,
      DefaultsSchema schema,
      Map<String, Map<String, Setting>> settings,
      Problems problems) {
    if (problems.isRejected(node)) {
      return;
    }
    String where = command.isEmpty() ? "" : command + ": ";
    if (!(node instanceof MappingNode mapping)) {
      problems.at(
          node,
          where
              + "expected a mapping of "
              + (command.isEmpty() ? "commands (scan:, accounts:, report:)" : "options")
              + ", got "
              + Fields.describe(node));
      return;
    }
    Map<String, Setting> own = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || problems.isRejected(keyNode)) {
        continue;
      }
      String key = keyNode.getValue();
      Node value = tuple.getValueNode();
      if (CREDENTIAL.matcher(key).matches()) {
        problems.at(
            keyNode,
            where
                + Quote.of(key)
                + " looks like a credential, and a defaults file holds none: give AWS credentials"
                + " through the SDK's chain (AWS_PROFILE or --profile, aws sso login, the"
                + " environment, an instance or container role)");
      } else if (schema.commands().containsKey(key)) {
        String path = command.isEmpty() ? key : command + " " + key;
        section(value, path, schema.commands().get(key), settings, problems);
      } else if (schema.options().containsKey(key)) {
        Setting setting = setting(key, value, schema.options().get(key), where, problems);
        if (setting != null) {
          own.put(key, setting);
        }
      } else {
        problems.at(keyNode, where + unknown(key, command, schema));
      }
    }
    if (!own.isEmpty()) {
      settings.put(command, own);
    }
  }

  private static String unknown(String key, String command, DefaultsSchema schema) {
    TreeSet<String> known = new TreeSet<>(schema.options().keySet());
    known.addAll(schema.commands().keySet());
    String normalised = key.startsWith("--") ? key.substring(2) : key;
    String closest = known.contains(normalised) ? normalised : Suggest.closest(normalised, known);
    String what =
        command.isEmpty() ? "unknown command " + Quote.of(key) : "unknown option " + Quote.of(key);
    if (closest != null) {
      return what + "; did you mean " + Quote.of(closest) + "?";
    }
    return what + "; expected one of: " + String.join(", ", known);
  }

  private static Setting setting(
      String option, Node value, DefaultsSchema.Kind kind, String where, Problems problems) {
    if (problems.isRejected(value)) {
      return null;
    }
    String label = where + option + ": ";
    String text =
        switch (kind) {
          case FLAG -> flag(value, label, problems);
          case VALUE -> scalar(value, label, "a value", problems);
          case LIST -> list(value, label, problems);
        };
    if (text == null) {
      return null;
    }
    if (!Secrets.redact(text).equals(text)) {
      problems.at(
          value,
          label
              + "this value looks like an AWS credential, and a defaults file holds none: give"
              + " credentials through the SDK's chain instead");
      return null;
    }
    return new Setting(
        option, text, value.getStartMark().getLine() + 1, value.getStartMark().getColumn() + 1);
  }

  private static String flag(Node value, String label, Problems problems) {
    if (value instanceof ScalarNode scalar && value.getTag().equals(Tag.BOOL)) {
      return scalar.getValue().toLowerCase(java.util.Locale.ROOT);
    }
    problems.at(value, label + "expected true or false, got " + Fields.describe(value));
    return null;
  }

  private static String scalar(Node value, String label, String expected, Problems problems) {
    if (Fields.isText(value)) {
      return ((ScalarNode) value).getValue();
    }
    problems.at(value, label + "expected " + expected + ", got " + Fields.describe(value));
    return null;
  }

  private static String list(Node value, String label, Problems problems) {
    if (!(value instanceof SequenceNode sequence)) {
      return scalar(value, label, "a value or a list of values", problems);
    }
    List<String> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      String text = scalar(item, label, "a list of values, each plain text or a number", problems);
      if (text != null) {
        items.add(text);
      }
    }
    if (items.size() != sequence.getValue().size()) {
      return null;
    }
    if (items.isEmpty()) {
      problems.at(value, label + "expected at least one value");
      return null;
    }
    return String.join(",", items);
  }
}
