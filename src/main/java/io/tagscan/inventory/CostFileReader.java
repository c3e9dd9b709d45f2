package io.tagscan.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tagscan.model.Cost;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.SpendLine;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what {@code aws ce get-cost-and-usage … --group-by Type=TAG,Key=K
 * Type=DIMENSION,Key=LINKED_ACCOUNT} prints: one JSON document a file (a page of one key; several
 * files may hold the pages and keys of a run), its groups turned into spend lines. Every wrong
 * shape is collected with its {@code file:line:column} and reported at once.
 */
public final class CostFileReader {

  /** The lines read and the account names the files gave ({@code DimensionValueAttributes}). */
  public record CostFiles(List<SpendLine> lines, Map<String, String> accountNames) {
    public CostFiles {
      lines = List.copyOf(lines);
      accountNames = Map.copyOf(accountNames);
    }
  }

  private record RawGroup(List<String> keys, String amount, String unit, JsonLocation at) {}

  private final String metric;
  private final InputPlace place = new InputPlace();
  private final List<SpendLine> lines = new ArrayList<>();
  private final Map<String, String> names = new TreeMap<>();

  private CostFileReader(String metric) {
    this.metric = metric;
  }

  /**
   * Reads every file, taking each group's {@code metric}.
   *
   * @throws InputException naming every problem in every file
   */
  public static CostFiles read(List<Path> files, String metric) {
    CostFileReader reader = new CostFileReader(metric);
    for (Path file : files) {
      reader.readFile(file);
      if (reader.place.full()) {
        break;
      }
    }
    if (!reader.place.clean()) {
      throw new InputException(reader.place.problems());
    }
    return new CostFiles(reader.lines, reader.names);
  }

  private void readFile(Path file) {
    place.file(file.toString());
    try (InputStream in = InventoryInput.open(file);
        JsonParser parser = InventoryInput.parser(in)) {
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          place.add(new Diagnostic(place.fileName(), 1, 1, "the file is empty"));
        } else if (first != JsonToken.START_OBJECT) {
          place.problem(parser, "expected the JSON object 'aws ce get-cost-and-usage' prints");
        } else {
          readDocument(parser);
        }
      } catch (IOException e) {
        place.add(InventoryInput.unreadable(place.fileName(), parser, e));
      }
    } catch (NoSuchFileException e) {
      place.add(Diagnostic.ofFile(place.fileName(), "no such file"));
    } catch (AccessDeniedException e) {
      place.add(Diagnostic.ofFile(place.fileName(), "cannot read the file: permission denied"));
    } catch (IOException e) {
      place.add(InventoryInput.unreadable(place.fileName(), null, e));
    }
  }

  private void readDocument(JsonParser parser) throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    List<String[]> definitions = null;
    List<RawGroup> groups = new ArrayList<>();
    boolean results = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "GroupDefinitions" -> {
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of group definitions")) {
            definitions = readDefinitions(parser);
          }
        }
        case "ResultsByTime" -> {
          results = true;
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of results by time")) {
            readResults(parser, groups);
          }
        }
        case "DimensionValueAttributes" -> {
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of dimension values")) {
            readAttributes(parser);
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (!results) {
      place.problemAt(
          start,
          "no 'ResultsByTime' in this document; expected the output of 'aws ce"
              + " get-cost-and-usage --group-by Type=TAG,Key=K Type=DIMENSION,Key=LINKED_ACCOUNT'");
      return;
    }
    int tagAt = -1;
    int accountAt = -1;
    String key = null;
    for (int i = 0; definitions != null && i < definitions.size(); i++) {
      String[] d = definitions.get(i);
      if ("TAG".equals(d[0]) && tagAt < 0) {
        tagAt = i;
        key = d[1];
      } else if ("DIMENSION".equals(d[0]) && "LINKED_ACCOUNT".equals(d[1])) {
        accountAt = i;
      }
    }
    if (key == null) {
      place.problemAt(
          start,
          "no TAG group in 'GroupDefinitions'; group the spend with --group-by Type=TAG,Key=K"
              + " Type=DIMENSION,Key=LINKED_ACCOUNT");
      return;
    }
    for (RawGroup group : groups) {
      addLine(key, tagAt, accountAt, group);
    }
  }

  private void addLine(String key, int tagAt, int accountAt, RawGroup group) {
    if (group.keys().size() <= Math.max(tagAt, accountAt)) {
      place.problemAt(group.at(), "expected 'Keys' to hold one entry per group definition");
      return;
    }
    BigDecimal amount = Cost.parseAmount(group.amount());
    if (amount == null) {
      place.problemAt(
          group.at(),
          "expected the amount "
              + InputPlace.quote(group.amount())
              + " to be a plain decimal number (no exponent)");
      return;
    }
    String account = accountAt < 0 ? "" : group.keys().get(accountAt);
    lines.add(
        new SpendLine(
            key,
            account,
            SpendLine.tagValue(group.keys().get(tagAt), key),
            amount,
            group.unit() == null ? "" : group.unit()));
  }

  private List<String[]> readDefinitions(JsonParser parser) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (!place.expect(parser, t, JsonToken.START_OBJECT, "a group definition object")) {
        continue;
      }
      String type = null;
      String key = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "Type" -> type = place.text(parser, value, "'Type'");
          case "Key" -> key = place.text(parser, value, "'Key'");
          default -> parser.skipChildren();
        }
      }
      out.add(new String[] {type, key});
    }
    return out;
  }

  private void readResults(JsonParser parser, List<RawGroup> groups) throws IOException {
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (!place.expect(parser, t, JsonToken.START_OBJECT, "a result object")) {
        continue;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("Groups")) {
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of groups")) {
            readGroups(parser, groups);
          }
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  private void readGroups(JsonParser parser, List<RawGroup> groups) throws IOException {
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (!place.expect(parser, t, JsonToken.START_OBJECT, "a group object")) {
        continue;
      }
      JsonLocation at = parser.currentTokenLocation();
      int problemsBefore = place.problems().size();
      List<String> keys = null;
      String[] amount = null;
      TreeSet<String> metrics = new TreeSet<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("Keys")) {
          keys = readKeys(parser, value);
        } else if (field.equals("Metrics")
            && place.expect(parser, value, JsonToken.START_OBJECT, "'Metrics' to be an object")) {
          amount = readMetrics(parser, metrics);
        } else {
          parser.skipChildren();
        }
      }
      // A group whose keys or metrics were already found wrong says nothing more.
      if (place.problems().size() == problemsBefore) {
        keepGroup(groups, keys, amount, metrics, at);
      }
    }
  }

  private void keepGroup(
      List<RawGroup> groups,
      List<String> keys,
      String[] amount,
      java.util.Set<String> metrics,
      JsonLocation at) {
    if (keys == null) {
      place.problemAt(at, "expected 'Keys' in this group");
    } else if (amount == null) {
      place.problemAt(
          at,
          "no '"
              + metric
              + "' in this group's 'Metrics'"
              + (metrics.isEmpty()
                  ? ""
                  : "; pass --metric with one the file has: " + String.join(", ", metrics)));
    } else if (amount[0] == null) {
      place.problemAt(at, "expected an 'Amount' for '" + metric + "'");
    } else {
      groups.add(new RawGroup(keys, amount[0], amount[1], at));
    }
  }

  private List<String> readKeys(JsonParser parser, JsonToken value) throws IOException {
    if (!place.expect(parser, value, JsonToken.START_ARRAY, "'Keys' to be a list of strings")) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      String key = place.text(parser, t, "each of 'Keys'");
      keys.add(key == null ? "" : key);
    }
    return keys;
  }

  private String[] readMetrics(JsonParser parser, java.util.Set<String> metrics)
      throws IOException {
    String[] wanted = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      metrics.add(name);
      if (!name.equals(metric)) {
        parser.skipChildren();
      } else if (place.expect(
          parser, value, JsonToken.START_OBJECT, "the metric to be an object")) {
        wanted = new String[2];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken v = parser.nextToken();
          switch (field) {
            case "Amount" -> wanted[0] = place.text(parser, v, "'Amount'");
            case "Unit" -> wanted[1] = place.text(parser, v, "'Unit'");
            default -> parser.skipChildren();
          }
        }
      }
    }
    return wanted;
  }

  private void readAttributes(JsonParser parser) throws IOException {
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (!place.expect(parser, t, JsonToken.START_OBJECT, "a dimension value object")) {
        continue;
      }
      String account = null;
      String name = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("Value")) {
          account = place.text(parser, value, "'Value'");
        } else if (field.equals("Attributes") && value == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String attribute = parser.currentName();
            JsonToken v = parser.nextToken();
            if (attribute.equals("description")) {
              name = place.text(parser, v, "'description'");
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
      if (account != null && name != null && !name.isBlank()) {
        names.put(account, name);
      }
    }
  }
}
