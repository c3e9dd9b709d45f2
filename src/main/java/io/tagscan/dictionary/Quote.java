package io.tagscan.dictionary;

/** Quotes user-supplied text for messages, so hostile keys cannot forge or garble output. */
final class Quote {

  /** Past this many characters the text is cut, so one huge value cannot flood a terminal. */
  private static final int MAX_SHOWN = 100;

  private Quote() {}

  /** The text in single quotes, control and invisible formatting characters escaped. */
  static String of(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 8).append('\'');
    int shown = 0;
    for (int i = 0; i < text.length(); ) {
      if (shown == MAX_SHOWN) {
        out.append("...");
        break;
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      shown++;
      appendEscaped(out, cp);
    }
    return out.append('\'').toString();
  }

  /** A single character for messages such as "character '$' is not allowed". */
  static String character(int codePoint) {
    StringBuilder out = new StringBuilder("'");
    appendEscaped(out, codePoint);
    return out.append('\'').toString();
  }

  private static void appendEscaped(StringBuilder out, int cp) {
    switch (cp) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (needsEscape(cp)) {
          out.append(String.format("\\u%04X", cp));
        } else {
          out.appendCodePoint(cp);
        }
      }
    }
  }

  private static boolean needsEscape(int cp) {
    int type = Character.getType(cp);
    // Format characters include the bidirectional overrides that can make text read backwards.
    return Character.isISOControl(cp)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE;
  }
}
