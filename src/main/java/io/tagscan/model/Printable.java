package io.tagscan.model;

/**
 * Makes user-supplied text safe to print in a one-line diagnostic: control characters become
 * backslash-u escapes (so no escape sequence reaches a terminal) and very long text is cut.
 */
public final class Printable {

  private static final int MAX_LENGTH = 200;

  private Printable() {}

  /** The text with control characters escaped and at most 200 characters kept; "null" for null. */
  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
    for (int i = 0; i < text.length(); i++) {
      if (out.length() >= MAX_LENGTH) {
        return out.append('…').toString();
      }
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
