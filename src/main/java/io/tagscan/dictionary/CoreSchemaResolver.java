package io.tagscan.dictionary;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars by the YAML 1.2 core schema, as editors do, rather than SnakeYAML's YAML
 * 1.1 default: {@code yes}, {@code no}, {@code on} and {@code off} stay strings, and a date stays
 * text, so {@code allowed: [yes, no]} means what it says.
 */
final class CoreSchemaResolver extends Resolver {

  private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  private static final Pattern INT = Pattern.compile("^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$");
  private static final Pattern FLOAT =
      Pattern.compile(
          "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL)$");
  private static final Pattern EMPTY = Pattern.compile("^$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
    // INT before FLOAT: the float pattern also matches integers.
    addImplicitResolver(Tag.INT, INT, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.NULL, NULL, "~nN");
    addImplicitResolver(Tag.NULL, EMPTY, null);
  }
}
