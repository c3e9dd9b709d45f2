package io.tagscan.controls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The one way controls are written: Jackson trees built in a fixed order, printed with two-space
 * indents, one array element a line, and a trailing newline, so the same dictionary gives the same
 * bytes. Jackson escapes every string, so no dictionary text can break out of its string.
 */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY;
  private static final ObjectWriter COMPACT = MAPPER.writer();

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    PRETTY = MAPPER.writer(printer);
  }

  private Json() {}

  /** A new empty object, whose fields keep the order they are put in. */
  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The node as a file: pretty-printed, with a trailing newline. */
  static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node on one line, as AWS takes JSON inside a string ({@code InputParameters}). */
  static String compact(JsonNode node) {
    try {
      return COMPACT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mapper, for reading policies back. */
  static ObjectMapper mapper() {
    return MAPPER;
  }
}
