package io.tagscan.dictionary;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Where something is written in the dictionary file: a 1-based line and column, both 0 when it is
 * not written there (built in code, left to its default, or read from a report that did not record
 * it).
 */
public record Mark(int line, int column) {

  /** Not written anywhere the reader could place. */
  public static final Mark NONE = new Mark(0, 0);

  public Mark {
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("a line or column cannot be negative");
    }
  }

  /** Where a YAML node starts. */
  static Mark of(Node node) {
    return new Mark(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  /** True when the place is known. */
  public boolean isKnown() {
    return line > 0;
  }
}
