package io.tagscan.model;

import java.util.Objects;

/**
 * One problem in a file the user gave, placed at a 1-based line and column (0 when unknown).
 *
 * <p>Formatted as {@code file:line:column: error: message}, the form editors and CI annotate.
 */
public record Diagnostic(String file, int line, int column, String message)
    implements Comparable<Diagnostic> {

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** A problem with the file as a whole, with no position inside it. */
  public static Diagnostic ofFile(String file, String message) {
    return new Diagnostic(file, 0, 0, message);
  }

  /** The one-line form printed to the user. */
  public String format() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.append(": error: ").append(message).toString();
  }

  @Override
  public int compareTo(Diagnostic other) {
    int byFile = file.compareTo(other.file);
    if (byFile != 0) {
      return byFile;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return format();
  }
}
