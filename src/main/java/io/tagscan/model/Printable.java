package io.tagscan.model;

/**
 * Makes user-supplied text safe to print in a one-line diagnostic: invisible characters become
 * backslash-u escapes (so no escape sequence reaches a terminal and nothing hides or reorders the
 * text) and very long text is cut. {@link #isInvisible} is the one definition of "invisible" every
 * output of tagscan shares.
 */
public final class Printable {

  private static final int MAX_LENGTH = 200;

  private Printable() {}

  /**
   * True for what a reader cannot see or that changes how the text around it shows: Unicode's
   * controls (Cc: C0, DEL, C1) and format characters (Cf: bidirectional embeddings, overrides,
   * isolates and marks, zero-width spaces and joiners, the word joiner and invisible operators, the
   * byte-order mark, soft hyphen, tag characters), the line and paragraph separators U+2028 and
   * U+2029, and the unassigned U+2065 amid the invisible operators.
   */
  public static boolean isInvisible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> codePoint >= 0x2060 && codePoint <= 0x206F;
    };
  }

  /**
   * The text with invisible characters and unpaired surrogates escaped and at most 200 characters
   * kept; "null" for null.
   */
  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
    for (int i = 0; i < text.length(); ) {
      if (out.length() >= MAX_LENGTH) {
        return out.append('…').toString();
      }
      int c = text.codePointAt(i);
      int units = Character.charCount(c);
      if (isInvisible(c) || Character.getType(c) == Character.SURROGATE) {
        for (int u = 0; u < units; u++) {
          out.append(String.format("\\u%04x", (int) text.charAt(i + u)));
        }
      } else {
        out.appendCodePoint(c);
      }
      i += units;
    }
    return out.toString();
  }
}
