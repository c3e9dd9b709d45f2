package io.tagscan.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.Printable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The inventory file being read and the problems found in it so far, each placed at its line and
 * column, with the small checks every part of the reader makes of a JSON value.
 */
final class InputPlace {

  /** Past this many problems, reading stops: the rest is most likely more of the same. */
  private static final int MAX_PROBLEMS = 20;

  private final List<Diagnostic> problems = new ArrayList<>();
  private String fileName;

  /** Problems from now on are placed in this file. */
  void file(String name) {
    fileName = name;
  }

  String fileName() {
    return fileName;
  }

  /** True while nothing is wrong in any file read so far. */
  boolean clean() {
    return problems.isEmpty();
  }

  /** True when so many problems piled up that reading should stop. */
  boolean full() {
    return problems.size() >= MAX_PROBLEMS;
  }

  List<Diagnostic> problems() {
    return problems;
  }

  void add(Diagnostic diagnostic) {
    problems.add(diagnostic);
  }

  /** A problem where the parser's current token starts. */
  void problem(JsonParser parser, String message) {
    problemAt(parser.currentTokenLocation(), message);
  }

  void problemAt(JsonLocation at, String message) {
    problems.add(new Diagnostic(fileName, at.getLineNr(), at.getColumnNr(), message));
  }

  /** The string value at the parser, null for JSON null; anything else is a problem, skipped. */
  String text(JsonParser parser, JsonToken token, String what) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token != JsonToken.VALUE_NULL) {
      problem(parser, "expected " + what + " to be a string");
      parser.skipChildren();
    }
    return null;
  }

  /** True when the token is the one wanted; otherwise a problem, and the value is skipped. */
  boolean expect(JsonParser parser, JsonToken actual, JsonToken wanted, String what)
      throws IOException {
    if (actual == wanted) {
      return true;
    }
    problem(parser, "expected " + what);
    parser.skipChildren();
    return false;
  }

  /** Text from the file, quoted and made printable for a message. */
  static String quote(String text) {
    return "'" + Printable.of(text) + "'";
  }
}
