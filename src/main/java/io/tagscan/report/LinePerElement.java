package io.tagscan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Compact output with a line break before each top-level field and each element of a top-level
 * array: one account, resource or error per line.
 */
final class LinePerElement implements PrettyPrinter {
  private int depth;

  @Override
  public void writeRootValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    depth++;
    g.writeRaw('{');
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    if (depth == 1) {
      g.writeRaw('\n');
    }
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(':');
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    if (depth == 1) {
      g.writeRaw(",\n");
    } else {
      g.writeRaw(',');
    }
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    if (depth == 1 && entries > 0) {
      g.writeRaw("\n}");
    } else {
      g.writeRaw('}');
    }
    depth--;
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    depth++;
    g.writeRaw('[');
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    if (depth == 2) {
      g.writeRaw('\n');
    }
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    if (depth == 2) {
      g.writeRaw(",\n");
    } else {
      g.writeRaw(',');
    }
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    if (depth == 2 && values > 0) {
      g.writeRaw("\n]");
    } else {
      g.writeRaw(']');
    }
    depth--;
  }
}
