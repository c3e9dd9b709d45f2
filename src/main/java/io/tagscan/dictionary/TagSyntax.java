package io.tagscan.dictionary;

/**
 * What AWS accepts in tag keys and values: lengths counted in Unicode characters, and the
 * characters allowed by the tagging APIs (letters, digits, spaces and {@code _ . : / = + - @}).
 */
public final class TagSyntax {

  /** The longest key AWS accepts, in characters. */
  public static final int MAX_KEY_LENGTH = 128;

  /** The longest value AWS accepts, in characters. */
  public static final int MAX_VALUE_LENGTH = 256;

  private TagSyntax() {}

  /** True when AWS accepts the character in tag keys and values. */
  public static boolean isAllowedCharacter(int codePoint) {
    if (Character.isLetter(codePoint) || Character.isDigit(codePoint)) {
      return true;
    }
    return switch (Character.getType(codePoint)) {
      case Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> "_.:/=+-@".indexOf(codePoint) >= 0;
    };
  }

  /** The first character AWS would reject, or -1 when every character is allowed. */
  public static int firstRejectedCharacter(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!isAllowedCharacter(cp)) {
        return cp;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** The length AWS counts: Unicode characters, not UTF-16 units. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Why AWS would reject the text as a tag key, or null when it would accept it. */
  public static String keyProblem(String key) {
    if (key.isEmpty()) {
      return "is empty";
    }
    int length = length(key);
    if (length > MAX_KEY_LENGTH) {
      return "is " + length + " characters long; AWS allows at most " + MAX_KEY_LENGTH;
    }
    int rejected = firstRejectedCharacter(key);
    if (rejected >= 0) {
      return "has the character "
          + Quote.character(rejected)
          + ", which AWS does not allow in tag keys (letters, digits, spaces and _ . : / = + - @"
          + " are allowed)";
    }
    return null;
  }

  /**
   * Why AWS would reject the text as a tag value, or null when it would accept it. Only the length
   * is judged: some services (EC2 among them) accept any character in values.
   */
  public static String valueProblem(String value) {
    int length = length(value);
    if (length > MAX_VALUE_LENGTH) {
      return "is " + length + " characters long; AWS allows at most " + MAX_VALUE_LENGTH;
    }
    return null;
  }
}
