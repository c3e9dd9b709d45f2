package io.tagscan.billing;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Translates a dictionary pattern (RE2 syntax, matched against the whole value) into a regular
 * expression that Trino's {@code regexp_like} (Joni, Java syntax, find semantics) reads the same
 * way, or refuses it with the reason its meaning would differ.
 *
 * <p>Everything whose meaning depends on the engine is rewritten into plain ASCII classes and
 * buffer anchors: {@code ^}/{@code $} become {@code \A}/{@code \z} (RE2 {@code $} never matches
 * before a final newline, Java's does), {@code .} becomes {@code [^\n]} (Java's dot also refuses
 * {@code \r} and Unicode line separators), {@code \d \w \s} become their ASCII sets (Joni over
 * UTF-8 reads them as Unicode), and the whole is wrapped in {@code \A(?:…)\z}. Constructs with no
 * safe spelling are refused: {@code \C}, Unicode and POSIX classes, word boundaries, flags, octal
 * escapes, {@code \Q…\E} and {@code \x{…}}.
 */
public final class TrinoRegex {

  private static final String DIGIT = "0-9";
  private static final String WORD = "0-9A-Za-z_";
  private static final String SPACE = "\\t\\n\\f\\r ";

  /** The translated expression, or the reason there is none (exactly one is non-null). */
  public record Translation(String regex, String refusal) {

    public Translation {
      if ((regex == null) == (refusal == null)) {
        throw new IllegalArgumentException("either a regex or a refusal");
      }
    }

    /** True when the pattern was translated. */
    public boolean translated() {
      return regex != null;
    }
  }

  private final String source;
  private final StringBuilder out = new StringBuilder();
  private int at;

  private TrinoRegex(String source) {
    this.source = source;
  }

  /** Translates an RE2 pattern that must match a whole value. */
  public static Translation translate(String re2) {
    try {
      Pattern.compile(re2);
    } catch (PatternSyntaxException e) {
      return new Translation(null, "not a valid RE2 pattern: " + e.getDescription());
    }
    TrinoRegex translator = new TrinoRegex(re2);
    String refusal = translator.run();
    return refusal != null
        ? new Translation(null, refusal)
        : new Translation("\\A(?:" + translator.out + ")\\z", null);
  }

  private String run() {
    while (at < source.length()) {
      int c = source.codePointAt(at);
      at += Character.charCount(c);
      String refusal =
          switch (c) {
            case '\\' -> escape(false);
            case '[' -> charClass();
            case '(' -> group();
            case '^' -> append("\\A");
            case '$' -> append("\\z");
            case '.' -> append("[^\\n]");
            case '{' -> append(isRepetition() ? "{" : "\\{");
            default -> append(new String(Character.toChars(c)));
          };
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private String append(String text) {
    out.append(text);
    return null;
  }

  /** True when the brace just read starts a valid repetition: n, n-or-more or n-to-m. */
  private boolean isRepetition() {
    return java.util.regex.Pattern.compile("\\{[0-9]+(,[0-9]*)?}")
        .matcher(source)
        .region(at - 1, source.length())
        .lookingAt();
  }

  private String group() {
    if (!source.startsWith("?", at)) {
      return append("(");
    }
    if (source.startsWith("?:", at)) {
      at += 2;
      return append("(?:");
    }
    if (source.startsWith("?P<", at)) {
      at += 3;
      return append("(?<");
    }
    if (source.startsWith("?<", at)) {
      at += 2;
      return append("(?<");
    }
    return "flags such as (?i) or (?U) mean different things in RE2 and Java (use the case rules"
        + " or spell both cases out)";
  }

  /**
   * Reads the escape after a backslash; inside a class, shorthand classes are spelled as ranges.
   */
  private String escape(boolean inClass) {
    if (at >= source.length()) {
      return "a trailing backslash";
    }
    char c = source.charAt(at++);
    return switch (c) {
      case 'd' -> append(inClass ? DIGIT : "[" + DIGIT + "]");
      case 'w' -> append(inClass ? WORD : "[" + WORD + "]");
      case 's' -> append(inClass ? SPACE : "[" + SPACE + "]");
      case 'D', 'W', 'S' -> negated(c, inClass);
      case 'A' -> inClass ? "\\A inside [...]" : append("\\A");
      case 'z' -> inClass ? "\\z inside [...]" : append("\\z");
      case 'C' -> "\\C (any byte) has no equivalent in Java regular expressions";
      case 'p', 'P' ->
          "Unicode classes (\\"
              + c
              + ") follow different Unicode versions and names in RE2 and Java";
      case 'b', 'B' -> "word boundaries (\\" + c + ") are ASCII in RE2 and Unicode-aware in Java";
      case 'Q' -> "\\Q...\\E quoting: spell the characters with backslashes instead";
      case 'x' -> hex();
      case 'v' -> append("\\x0B");
      case 'a' -> append("\\x07");
      case 'f', 't', 'n', 'r' -> append("\\" + c);
      default -> {
        if (c >= '0' && c <= '9') {
          yield "octal escapes (\\" + c + ") read as back-references in Java";
        }
        if (Character.isLetterOrDigit(c)) {
          yield "the escape \\" + c + " has no agreed meaning in RE2 and Java";
        }
        yield append("\\" + c);
      }
    };
  }

  private String negated(char c, boolean inClass) {
    if (inClass) {
      return "a negated class \\" + c + " inside [...] has no equivalent spelled as ranges";
    }
    String set = c == 'D' ? DIGIT : c == 'W' ? WORD : SPACE;
    return append("[^" + set + "]");
  }

  private String hex() {
    if (source.startsWith("{", at)) {
      return "\\x{...} escapes: use \\xHH or the character itself";
    }
    if (at + 2 > source.length()) {
      return "an incomplete \\x escape";
    }
    String hex = source.substring(at, at + 2);
    at += 2;
    return append("\\x" + hex);
  }

  private String charClass() {
    out.append('[');
    if (source.startsWith("^", at)) {
      out.append('^');
      at++;
    }
    boolean first = true;
    while (at < source.length()) {
      int c = source.codePointAt(at);
      at += Character.charCount(c);
      if (c == ']' && !first) {
        out.append(']');
        return null;
      }
      first = false;
      String refusal =
          switch (c) {
            case '\\' -> escape(true);
            case '[' ->
                source.startsWith(":", at)
                    ? "POSIX classes such as [:alpha:] are spelled differently in Java"
                    : append("\\[");
            // Java reads && as intersection and ^ after the start as a literal only sometimes.
            case '&' -> append("\\&");
            case ']' -> append("\\]");
            default -> append(new String(Character.toChars(c)));
          };
      if (refusal != null) {
        return refusal;
      }
    }
    return "an unterminated [...] class";
  }
}
