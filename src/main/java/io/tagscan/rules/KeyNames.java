package io.tagscan.rules;

/**
 * Spelling helpers for tag keys: splitting a key into words the way people actually misspell
 * dictionary keys ({@code CostCenter}, {@code cost_center}, {@code Cost Center}) and joining the
 * words back with a convention's separator.
 */
final class KeyNames {

  private KeyNames() {}

  /**
   * Lower-cases the key and writes every word boundary as {@code -}: underscores, spaces, dots and
   * hyphens become one hyphen, and CamelCase is split ({@code CostCenter} → {@code cost-center},
   * {@code EC2Instance} → {@code ec2-instance}). Colons and slashes stay as they are and absorb
   * separators next to them.
   */
  static String normalise(String key) {
    return words(key, "-", false);
  }

  /** Like {@link #normalise} but joining words with {@code separator}, in upper case if asked. */
  static String words(String key, String separator, boolean upperCase) {
    int n = key.length();
    StringBuilder out = new StringBuilder(n + 4);
    boolean boundary = false;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (isWordSeparator(c)) {
        boundary = true;
        continue;
      }
      if (c == ':' || c == '/') {
        out.append(c);
        boundary = false;
        continue;
      }
      if (i > 0 && Character.isUpperCase(c) && startsCamelWord(key, i)) {
        boundary = true;
      }
      if (boundary && out.length() > 0) {
        char last = out.charAt(out.length() - 1);
        if (last != ':' && last != '/') {
          out.append(separator);
        }
      }
      boundary = false;
      out.append(upperCase ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** True for the characters people put between words of a key. */
  static boolean isWordSeparator(char c) {
    return c == '-'
        || c == '_'
        || c == '.'
        || Character.isWhitespace(c)
        || Character.isSpaceChar(c);
  }

  /**
   * True when the upper-case letter at {@code i > 0} begins a CamelCase word: right after a
   * lower-case letter ({@code costCenter}), or after a digit or capital when a lower-case letter
   * follows ({@code ec2Instance}, {@code HTTPServer}); {@code K8S} and {@code ID} stay one word.
   */
  static boolean startsCamelWord(String key, int i) {
    char previous = key.charAt(i - 1);
    if (Character.isLowerCase(previous)) {
      return true;
    }
    return (Character.isUpperCase(previous) || Character.isDigit(previous))
        && i + 1 < key.length()
        && Character.isLowerCase(key.charAt(i + 1));
  }

  /** True when some upper-case letter of the key begins a CamelCase word. */
  static boolean hasCamelBoundary(String key) {
    for (int i = 1; i < key.length(); i++) {
      if (Character.isUpperCase(key.charAt(i)) && startsCamelWord(key, i)) {
        return true;
      }
    }
    return false;
  }
}
