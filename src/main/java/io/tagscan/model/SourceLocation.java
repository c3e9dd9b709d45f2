package io.tagscan.model;

import java.util.Objects;

/**
 * Where in a file the user gave something was written: the file as named on the command line and a
 * 1-based line and column (0 when the parser gave none).
 */
public record SourceLocation(String file, int line, int column) {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("a line or column cannot be negative");
    }
  }

  /** {@code file:line:column}, leaving out what is unknown. */
  public String format() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.toString();
  }
}
