package io.tagscan.report;

import io.tagscan.model.Printable;

/**
 * The text escaping every report format shares; tag keys and values are hostile input, since anyone
 * able to tag a resource controls them.
 */
final class Escaping {

  private Escaping() {}

  /**
   * Replaces every invisible character ({@link Printable#isInvisible}: controls, Unicode format
   * characters such as the bidirectional overrides and zero-width spaces, line and paragraph
   * separators) and every unpaired surrogate by {@code \\uXXXX} text: what a terminal, a
   * spreadsheet or a rendered page shows is then exactly what is stored, and nothing hides,
   * reorders or breaks the text around it.
   */
  static String visible(String text) {
    if (text == null) {
      return "";
    }
    // Printable ASCII, nearly every cell, has nothing to escape: found without asking each
    // character's Unicode type.
    int plain = 0;
    while (plain < text.length()) {
      char c = text.charAt(plain);
      if (c < 0x20 || c >= 0x7F) {
        break;
      }
      plain++;
    }
    if (plain == text.length()) {
      return text;
    }
    StringBuilder out = null;
    for (int i = plain; i < text.length(); ) {
      int c = text.codePointAt(i);
      int units = Character.charCount(c);
      boolean bad = Printable.isInvisible(c) || Character.getType(c) == Character.SURROGATE;
      if (bad && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (bad) {
        for (int u = 0; u < units; u++) {
          appendUnicodeEscape(out, text.charAt(i + u));
        }
      } else if (out != null) {
        out.appendCodePoint(c);
      }
      i += units;
    }
    return out == null ? text : out.toString();
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    out.append("0".repeat(4 - hex.length())).append(hex);
  }

  /**
   * The text of one CSV cell before quoting: a cell a spreadsheet would run as a formula (first
   * character {@code = + - @}, tab or CR) gets a leading {@code '}, except a plain negative decimal
   * such as {@code -1.50} (a credit), which a spreadsheet reads as the number it is and can sum;
   * invisible characters become {@code \\uXXXX} text ({@link #visible}), so no cell spans lines or
   * hides what it holds. RFC 4180 quoting is {@link CsvRowWriter}'s job.
   */
  static String csvText(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return formulaGuarded(text, visible(text));
  }

  /**
   * {@link #csvText} of text known to be printable ASCII, which {@link #visible} would leave as it
   * is: only the formula guard applies.
   */
  static String csvTextOfPrintable(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return formulaGuarded(text, text);
  }

  /** {@code cell}, the visible form of {@code text}, with a leading {@code '} if a formula. */
  private static String formulaGuarded(String text, String visibleText) {
    String cell = visibleText;
    char first = text.charAt(0);
    if (first == '='
        || first == '+'
        || (first == '-' && !isNegativeDecimal(text))
        || first == '@'
        || first == '\t'
        || first == '\r') {
      cell = "'" + cell;
    }
    return cell;
  }

  /** True for {@code -} then digits, with at most one {@code .} between digits: {@code -12.5}. */
  private static boolean isNegativeDecimal(String text) {
    int length = text.length();
    boolean digits = false;
    boolean point = false;
    for (int i = 1; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && digits && !point && i + 1 < length) {
        point = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  /**
   * Text an XML writer may take for content or an attribute value: invisible characters and
   * unpaired surrogates made {@linkplain #visible visible}, and the two other characters XML 1.0
   * forbids, U+FFFE and U+FFFF, replaced by the same {@code \\uXXXX} text. Markup is the writer's
   * to escape.
   */
  static String xmlText(String text) {
    String visible = visible(text);
    if (visible.indexOf('\uFFFE') < 0 && visible.indexOf('\uFFFF') < 0) {
      return visible;
    }
    return visible.replace("\uFFFE", "\\uFFFE").replace("\uFFFF", "\\uFFFF");
  }

  /**
   * Text that renders literally in GitHub- and GitLab-flavoured Markdown, tables included: markup
   * characters are backslash-escaped or written as entities, invisible characters (newlines too)
   * become visible {@code \\uXXXX} text, and a zero-width space breaks what a renderer would turn
   * into a mention or a link (after {@code @}, after the {@code :} of {@code ://}, before the
   * {@code .} of {@code www.}).
   */
  static String markdown(String text) {
    String visible = visible(text);
    StringBuilder out = new StringBuilder(visible.length() + 16);
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
        // A zero-width space after '@' keeps a tag value from mentioning (and notifying) people
        // or teams when the summary is posted as a merge-request comment, and from being
        // autolinked as an e-mail address.
        case '@' -> out.append("@\u200B");
        // Likewise after the ':' of "scheme://" and the "www" of "www.": renderers autolink bare
        // URLs, and a tag value must not become a link to click.
        case ':' -> out.append(visible.startsWith("//", i + 1) ? ":\u200B" : ":");
        case '.' -> out.append(isWww(visible, i) ? "\u200B." : ".");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** True when the '.' at {@code dot} ends a "www" that starts a word: GFM's www autolink. */
  private static boolean isWww(String text, int dot) {
    int start = dot - 3;
    return start >= 0
        && text.regionMatches(true, start, "www", 0, 3)
        && (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)));
  }

  /**
   * Text for HTML content or a quoted attribute value: controls, bidirectional formatting
   * characters and unpaired surrogates become visible {@code \\uXXXX} text, and {@code & < > " '}
   * become character references, so no value can open a tag, leave an attribute or hide itself.
   */
  static String html(String text) {
    String visible = visible(text);
    StringBuilder out = null;
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      String entity =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (entity != null && out == null) {
        out = new StringBuilder(visible.length() + 16).append(visible, 0, i);
      }
      if (out != null) {
        if (entity != null) {
          out.append(entity);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? visible : out.toString();
  }

  /** Text safe to print on a terminal: no escape sequence or invisible reordering gets through. */
  static String terminal(String text) {
    return visible(text);
  }

  /** The columns the text takes on a terminal (wide characters count two), to align columns. */
  static int width(String text) {
    return TerminalText.width(text);
  }

  /** The text cut to at most {@code width} columns, ending with … when cut. */
  static String truncate(String text, int width) {
    return TerminalText.truncate(text, width);
  }

  /** The text padded with spaces to {@code width} columns. */
  static String pad(String text, int width) {
    return TerminalText.pad(text, width);
  }
}
