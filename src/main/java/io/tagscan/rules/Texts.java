package io.tagscan.rules;

import java.util.List;

/**
 * The wording shared by every rule: how user text is quoted and how fixes are phrased, so that the
 * same fix reads the same in every report.
 */
final class Texts {

  private Texts() {}

  /**
   * Quotes a key or value for a message or fix. Tag text is hostile input: control and format
   * characters (terminal escapes, bidirectional overrides) are written as {@code \}{@code uXXXX} so
   * that no report viewer acts on them.
   */
  static String quote(String text) {
    return text == null ? "''" : "'" + escape(text) + "'";
  }

  /** The text with control and format characters written as escapes, unquoted. */
  static String escape(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 8).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (needsEscape(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c) {
    if (c >= 0x20 && c < 0x7f) {
      return false;
    }
    if (c < 0x20 || c == 0x7f) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** Cuts text longer than 64 characters to its first 60 and "...", for messages. */
  static String abbreviate(String text) {
    if (text.length() <= 64 || text.codePointCount(0, text.length()) <= 64) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, 60)) + "...";
  }

  /** Joins quoted texts with commas: {@code 'a', 'b'}. */
  static String quotedList(List<String> texts) {
    StringBuilder out = new StringBuilder();
    for (String text : texts) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(quote(text));
    }
    return out.toString();
  }

  /** {@code rename tag 'from' to 'to'}. */
  static String rename(String from, String to) {
    return "rename tag " + quote(from) + " to " + quote(to);
  }

  /** {@code remove tag 'duplicate' (duplicate of 'kept')}. */
  static String removeDuplicate(String duplicate, String kept) {
    return "remove tag " + quote(duplicate) + " (duplicate of " + quote(kept) + ")";
  }

  /** {@code set 'key' to 'value'}. */
  static String setTo(String key, String value) {
    return "set " + quote(key) + " to " + quote(value);
  }

  /** {@code set 'key' to one of: a, b}, or another description of what the key takes. */
  static String setToChoice(String key, String choice) {
    return "set " + quote(key) + " to " + choice;
  }
}
