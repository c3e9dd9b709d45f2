package io.tagscan.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out text for a terminal by display width: wide East Asian characters and emoji take two
 * columns, combining marks and zero-width characters none, and tagscan's own colour codes none.
 *
 * <p>The widths follow Markus Kuhn's {@code wcwidth} and the emoji blocks of Unicode; a terminal
 * with other tables may still differ by a column for rare characters. Text reaching here has been
 * through {@link Escaping#terminal}, so the only escape sequences in it are tagscan's colours.
 */
final class TerminalText {

  private static final char ESC = '\u001b';
  private static final String ELLIPSIS = "…";

  private TerminalText() {}

  /** The columns one code point takes on a terminal: 0, 1 or 2. */
  static int columns(int codePoint) {
    if (codePoint == 0 || (codePoint >= 0x1160 && codePoint <= 0x11FF) || codePoint == 0x200B) {
      return 0;
    }
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    return isWide(codePoint) ? 2 : 1;
  }

  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115F)
        || c == 0x2329
        || c == 0x232A
        || (c >= 0x231A && c <= 0x231B)
        || (c >= 0x23E9 && c <= 0x23EC)
        || (c >= 0x25FD && c <= 0x25FE)
        || (c >= 0x2614 && c <= 0x2615)
        || (c >= 0x2648 && c <= 0x2653)
        || c == 0x26A1
        || (c >= 0x26AA && c <= 0x26AB)
        || (c >= 0x26BD && c <= 0x26BE)
        || (c >= 0x26C4 && c <= 0x26C5)
        || c == 0x26D4
        || c == 0x26EA
        || (c >= 0x26F2 && c <= 0x26F5)
        || c == 0x26FA
        || c == 0x26FD
        || c == 0x2705
        || (c >= 0x270A && c <= 0x270B)
        || c == 0x274C
        || (c >= 0x2753 && c <= 0x2755)
        || (c >= 0x2795 && c <= 0x2797)
        || c == 0x2B50
        || (c >= 0x2E80 && c <= 0x303E)
        || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE10 && c <= 0xFE19)
        || (c >= 0xFE30 && c <= 0xFE6F)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6)
        || (c >= 0x1F004 && c <= 0x1F0CF)
        || (c >= 0x1F18E && c <= 0x1F19A)
        || (c >= 0x1F200 && c <= 0x1F251)
        || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x1F680 && c <= 0x1F6FF)
        || (c >= 0x1F7E0 && c <= 0x1F7EB)
        || (c >= 0x1F900 && c <= 0x1F9FF)
        || (c >= 0x1FA70 && c <= 0x1FAFF)
        || (c >= 0x20000 && c <= 0x2FFFD)
        || (c >= 0x30000 && c <= 0x3FFFD);
  }

  /** The columns the text takes on a terminal; colour codes take none. */
  static int width(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int skip = escapeLength(text, i);
      if (skip > 0) {
        i += skip;
        continue;
      }
      int codePoint = text.codePointAt(i);
      width += columns(codePoint);
      i += Character.charCount(codePoint);
    }
    return width;
  }

  /** The length of the colour code ({@code ESC [ … m}) starting at {@code i}, or 0. */
  private static int escapeLength(String text, int i) {
    if (text.charAt(i) != ESC || i + 1 >= text.length() || text.charAt(i + 1) != '[') {
      return 0;
    }
    int end = text.indexOf('m', i + 2);
    return end < 0 ? 0 : end - i + 1;
  }

  /** The text padded with spaces to {@code width} columns. */
  static String pad(String text, int width) {
    int missing = width - width(text);
    return missing <= 0 ? text : text + " ".repeat(missing);
  }

  /** The text cut to at most {@code width} columns, ending with … when cut. */
  static String truncate(String text, int width) {
    if (width(text) <= width) {
      return text;
    }
    if (width <= 0) {
      return "";
    }
    return take(text, width - 1) + ELLIPSIS;
  }

  /**
   * The text shortened to at most {@code width} columns by cutting its middle, so that both ends
   * stay readable: {@code arn:aws:logs:us-east-1:4444…/Endpoints/forecast-live}.
   */
  static String middle(String text, int width) {
    if (width(text) <= width) {
      return text;
    }
    if (width <= 2) {
      return truncate(text, width);
    }
    int room = width - 1;
    int head = room * 2 / 5;
    String start = take(text, head);
    String end = takeLast(text, room - width(start));
    return start + ELLIPSIS + end;
  }

  /** The longest prefix of the text at most {@code width} columns wide. */
  private static String take(String text, int width) {
    int used = 0;
    int i = 0;
    while (i < text.length()) {
      int skip = escapeLength(text, i);
      if (skip > 0) {
        i += skip;
        continue;
      }
      int codePoint = text.codePointAt(i);
      int columns = columns(codePoint);
      if (used + columns > width) {
        break;
      }
      used += columns;
      i += Character.charCount(codePoint);
    }
    return text.substring(0, i);
  }

  /** The longest suffix of the text (without colour codes) at most {@code width} columns wide. */
  private static String takeLast(String text, int width) {
    int used = 0;
    int i = text.length();
    while (i > 0) {
      int codePoint = text.codePointBefore(i);
      int columns = columns(codePoint);
      if (used + columns > width) {
        break;
      }
      used += columns;
      i -= Character.charCount(codePoint);
    }
    return text.substring(i);
  }

  /**
   * The text broken into lines at most {@code width} columns wide, at spaces where it can and
   * inside a word longer than a line where it must: nothing is left out. The first line starts with
   * {@code first}, every other line with {@code rest} (both counted in the width).
   */
  static List<String> wrap(String text, int width, String first, String rest) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    int used = width(first);
    boolean empty = true;
    for (String word : text.split(" ", -1)) {
      if (word.isEmpty()) {
        continue;
      }
      int wordWidth = width(word);
      if (!empty && used + 1 + wordWidth > width) {
        lines.add(line.toString());
        line = new StringBuilder(rest);
        used = width(rest);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
        used++;
      }
      // A word wider than a whole line is broken wherever the line ends.
      while (used + wordWidth > width && width - used > 0) {
        String part = take(word, width - used);
        if (part.isEmpty()) {
          break;
        }
        line.append(part);
        lines.add(line.toString());
        word = word.substring(part.length());
        wordWidth = width(word);
        line = new StringBuilder(rest);
        used = width(rest);
      }
      line.append(word);
      used += wordWidth;
      empty = word.isEmpty() && line.length() == rest.length();
    }
    if (!empty || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
