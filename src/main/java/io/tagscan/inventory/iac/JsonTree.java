package io.tagscan.inventory.iac;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one JSON value from a parser into {@link Value}s, each with the place it starts. */
final class JsonTree {

  private JsonTree() {}

  /** The value at the parser's current token, which it leaves on the value's last token. */
  static Value read(String file, JsonParser parser) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Value.Entry> entries = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonLocation keyAt = parser.currentTokenLocation();
        parser.nextToken();
        Value value = read(file, parser);
        entries.put(key, new Value.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
      }
      return new Value.Mapping(entries, line, column);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Value> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(file, parser));
      }
      return new Value.Sequence(items, line, column);
    }
    if (token == JsonToken.VALUE_NULL) {
      return new Value.Scalar(null, line, column);
    }
    if (token != null && token.isScalarValue()) {
      return new Value.Scalar(parser.getText(), line, column);
    }
    throw InputException.of(new Diagnostic(file, line, column, "invalid JSON: a value expected"));
  }
}
