package io.tagscan.inventory.iac;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import io.tagscan.model.UsageException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stack-level tags CloudFormation propagates to a stack's resources, as {@code --stack-tags
 * K=V,…} gives them or as a file in the form {@code aws cloudformation deploy --tags} and {@code
 * create-stack --tags} take: a JSON list of {@code {"Key": …, "Value": …}}, or of {@code
 * "Key=Value"} strings.
 */
public final class StackTags {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private StackTags() {}

  /**
   * Tags from {@code K=V,K2=V2}; a value may hold {@code =} but not a comma.
   *
   * @throws UsageException for an item with no {@code =}, an empty key or a key given twice
   */
  public static SortedMap<String, String> parse(String text) {
    SortedMap<String, String> tags = new TreeMap<>();
    for (String item : text.split(",", -1)) {
      add(tags, item, "--stack-tags");
    }
    return Collections.unmodifiableSortedMap(tags);
  }

  private static void add(SortedMap<String, String> tags, String item, String where) {
    int equals = item.indexOf('=');
    if (equals <= 0) {
      throw new UsageException(
          where + ": '" + Printable.of(item) + "' is not Key=Value (an empty key is not allowed)");
    }
    put(tags, item.substring(0, equals), item.substring(equals + 1), where);
  }

  private static void put(SortedMap<String, String> tags, String key, String value, String where) {
    if (tags.put(key, value) != null) {
      throw new UsageException(where + ": the key '" + Printable.of(key) + "' is given twice");
    }
  }

  /**
   * Tags from a file as the AWS CLI takes them.
   *
   * @throws InputException naming the file and place when it is not such a list
   */
  public static SortedMap<String, String> read(Path file) {
    String name = file.toString();
    SortedMap<String, String> tags = new TreeMap<>();
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw bad(name, parser);
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
          try {
            add(tags, parser.getText(), "");
          } catch (UsageException e) {
            throw at(name, parser, e.getMessage().substring(2));
          }
          continue;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
          throw bad(name, parser);
        }
        readPair(name, parser, tags);
      }
      if (parser.nextToken() != null) {
        throw at(name, parser, "unexpected text after the list of tags");
      }
    } catch (NoSuchFileException e) {
      throw InputException.of(Diagnostic.ofFile(name, "no such file"));
    } catch (JsonProcessingException e) {
      throw InputException.of(
          new Diagnostic(
              name,
              e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
              e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
              "invalid JSON: " + Printable.of(String.valueOf(e.getOriginalMessage()))));
    } catch (IOException e) {
      throw InputException.of(
          Diagnostic.ofFile(
              name, "cannot read the file: " + Printable.of(String.valueOf(e.getMessage()))));
    }
    return Collections.unmodifiableSortedMap(tags);
  }

  private static void readPair(String name, JsonParser parser, SortedMap<String, String> tags)
      throws IOException {
    Diagnostic start =
        new Diagnostic(
            name,
            parser.currentTokenLocation().getLineNr(),
            parser.currentTokenLocation().getColumnNr(),
            "a tag needs a \"Key\" and a \"Value\"");
    String key = null;
    String value = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      if (!field.equals("Key") && !field.equals("Value")) {
        throw at(name, parser, "unknown field '" + Printable.of(field) + "'; expected Key, Value");
      }
      if (token != JsonToken.VALUE_STRING) {
        throw at(name, parser, field + " must be a string");
      }
      if (field.equals("Key")) {
        key = parser.getText();
      } else {
        value = parser.getText();
      }
    }
    if (key == null || key.isEmpty() || value == null) {
      throw InputException.of(start);
    }
    try {
      put(tags, key, value, "");
    } catch (UsageException e) {
      throw at(name, parser, e.getMessage().substring(2));
    }
  }

  private static InputException bad(String name, JsonParser parser) {
    return at(
        name,
        parser,
        "expected a list of {\"Key\": …, \"Value\": …} or of \"Key=Value\", as the AWS CLI takes");
  }

  private static InputException at(String name, JsonParser parser, String message) {
    return InputException.of(
        new Diagnostic(
            name,
            parser.currentTokenLocation().getLineNr(),
            parser.currentTokenLocation().getColumnNr(),
            message));
  }
}
