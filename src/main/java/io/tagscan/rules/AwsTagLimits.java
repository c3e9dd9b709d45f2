package io.tagscan.rules;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The limits AWS puts on tags: 50 user tags per resource, keys of at most 128 and values of at most
 * 256 Unicode characters, drawn from letters, numbers, separators (spaces) and {@code _ . : / = +
 * - @} — the API's own pattern {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]*}.
 */
final class AwsTagLimits {

  static final int MAX_USER_TAGS = 50;
  static final int MAX_KEY_LENGTH = 128;
  static final int MAX_VALUE_LENGTH = 256;

  /** How many rejected characters a finding names before it stops listing them. */
  private static final int MAX_LISTED = 5;

  private static final boolean[] ASCII_ALLOWED = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_ALLOWED[c] = true;
      ASCII_ALLOWED[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII_ALLOWED[c] = true;
    }
    for (char c : " _.:/=+-@".toCharArray()) {
      ASCII_ALLOWED[c] = true;
    }
  }

  private AwsTagLimits() {}

  /** The length in Unicode code points, which is what AWS counts. */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** True when the text is longer than {@code limit} code points. */
  static boolean longerThan(String text, int limit) {
    return text.length() > limit && length(text) > limit;
  }

  /** True for an ASCII character AWS accepts; false for the rest of ASCII and all else. */
  static boolean isPlainAllowed(char c) {
    return c < 128 && ASCII_ALLOWED[c];
  }

  /** True when every character is one AWS accepts in tags. */
  static boolean allAllowed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128 || !ASCII_ALLOWED[c]) {
        return rejected(text).isEmpty();
      }
    }
    return true;
  }

  /** The distinct characters AWS would reject, in order of appearance, at most a few. */
  static Set<String> rejected(String text) {
    Set<String> found = new LinkedHashSet<>();
    int i = 0;
    while (i < text.length() && found.size() < MAX_LISTED) {
      int cp = text.codePointAt(i);
      if (!isAllowed(cp)) {
        found.add(new String(Character.toChars(cp)));
      }
      i += Character.charCount(cp);
    }
    return found;
  }

  private static boolean isAllowed(int cp) {
    if (cp < 128) {
      return ASCII_ALLOWED[cp];
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> false;
    };
  }
}
