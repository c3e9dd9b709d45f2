package io.tagscan.billing;

import io.tagscan.model.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * Trino string literals and quoted names, escaped by construction: a quote is doubled, and text
 * holding invisible characters ({@link Printable#isInvisible}: controls, bidi marks, separators) is
 * written as a Unicode literal ({@code U&'…'}) so the printed query shows exactly what it matches.
 */
final class SqlText {

  private SqlText() {}

  /** A string literal that Trino reads back as exactly {@code text}. */
  static String literal(String text) {
    boolean plain = text.codePoints().allMatch(SqlText::printable);
    if (plain) {
      return "'" + text.replace("'", "''") + "'";
    }
    StringBuilder out = new StringBuilder("U&'");
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\'') {
                out.append("''");
              } else if (c == '\\') {
                out.append("\\\\");
              } else if (printable(c)) {
                out.appendCodePoint(c);
              } else if (c <= 0xFFFF) {
                out.append(String.format("\\%04X", c));
              } else {
                out.append(String.format("\\+%06X", c));
              }
            });
    return out.append('\'').toString();
  }

  /** A table name such as {@code db.table}, each part double-quoted. */
  static String tableName(String name) {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("\\.", -1)) {
      parts.add("\"" + part.replace("\"", "\"\"") + "\"");
    }
    return String.join(".", parts);
  }

  private static boolean printable(int c) {
    return !Printable.isInvisible(c)
        && Character.getType(c) != Character.SURROGATE
        && Character.getType(c) != Character.UNASSIGNED;
  }
}
