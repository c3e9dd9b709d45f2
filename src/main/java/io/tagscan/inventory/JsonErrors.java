package io.tagscan.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.tagscan.model.Printable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in tagscan's words why Jackson could not read an inventory file: one sentence, never the
 * parser's own message, which names its classes and features ({@code StreamReadFeature…}, {@code
 * getMaxNestingDepth()}) rather than the user's file.
 *
 * <p>Jackson gives the kind of failure only in its message, so the message is matched against the
 * few shapes it takes; anything else is said as "invalid JSON" with no detail, so nothing of the
 * parser's wording reaches the user whatever Jackson's next version writes.
 */
final class JsonErrors {

  private static final Pattern CHARACTER = Pattern.compile("\\(code (\\d+)\\)");
  private static final Pattern TOKEN = Pattern.compile("token '([^']{0,40})");

  private JsonErrors() {}

  /**
   * Where to place the failure: a string too long is noticed only at its end and is placed at its
   * start; a field given twice is placed just after its name (Jackson's own location for it is at
   * times the token before); the rest where Jackson says.
   */
  static JsonLocation place(JsonProcessingException e, JsonParser parser) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException && original.startsWith("String value length")) {
      return parser.currentTokenLocation();
    }
    if (original.startsWith("Duplicate field") || e.getLocation() == null) {
      return parser.currentLocation();
    }
    return e.getLocation();
  }

  /** The sentence for this failure of the parser, whose limits were as given. */
  static String describe(
      JsonProcessingException e, JsonParser parser, int maxDepth, int maxString, int maxNumber) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      if (original.contains("nesting depth")) {
        return "the JSON nests deeper than " + maxDepth + " levels, which no inventory does";
      }
      if (original.startsWith("String value length")) {
        return String.format(
            "a string is longer than %,d characters, which no inventory needs", maxString);
      }
      if (original.startsWith("Number value length")) {
        return "a number is longer than " + maxNumber + " digits, which no inventory needs";
      }
      if (original.startsWith("Name length")) {
        return "a field name is too long for an inventory";
      }
      return "the JSON is too large in one place for an inventory";
    }
    if (e instanceof JsonEOFException) {
      return "the file ends in the middle of the JSON (is it cut short?)";
    }
    if (original.startsWith("Duplicate field")) {
      String name = parser == null ? null : currentName(parser);
      return "the field "
          + (name == null ? "" : "'" + Printable.of(name) + "' ")
          + "is given twice in this object; JSON readers would keep either value, so tagscan"
          + " takes neither";
    }
    if (original.startsWith("Invalid UTF-8")) {
      // Jackson names the byte where the sequence broke, often not the one the user would fix.
      return "the file is not UTF-8 text; save the inventory as UTF-8";
    }
    if (original.startsWith("Unrecognized token")) {
      Matcher t = TOKEN.matcher(original);
      return "invalid JSON: unexpected "
          + (t.find() ? "'" + Printable.of(t.group(1)) + "'" : "text")
          + "; is this a JSON file?";
    }
    if (original.startsWith("Non-standard token")) {
      Matcher t = TOKEN.matcher(original);
      return "invalid JSON: "
          + (t.find() ? "'" + Printable.of(t.group(1)) + "'" : "this")
          + " is not JSON";
    }
    if (original.startsWith("Unrecognized character escape")) {
      return "invalid JSON: an unknown escape in a string";
    }
    if (original.contains("CTRL-CHAR")) {
      return "invalid JSON: a control character"
          + code(original)
          + " where JSON allows none (inside a string it must be escaped)";
    }
    if (original.startsWith("Unexpected close marker")) {
      return "invalid JSON: a closing bracket with nothing open to close";
    }
    if (original.startsWith("Unexpected character") || original.startsWith("Illegal character")) {
      return "invalid JSON: unexpected character" + code(original);
    }
    return "invalid JSON";
  }

  /** The character a message names by its code, quoted and escaped; empty when it names none. */
  private static String code(String original) {
    Matcher c = CHARACTER.matcher(original);
    if (!c.find()) {
      return "";
    }
    int codePoint;
    try {
      codePoint = Integer.parseInt(c.group(1));
    } catch (NumberFormatException e) {
      return "";
    }
    if (!Character.isValidCodePoint(codePoint)) {
      return "";
    }
    return " '" + Printable.of(new String(Character.toChars(codePoint))) + "'";
  }

  private static String currentName(JsonParser parser) {
    try {
      return parser.currentName();
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
