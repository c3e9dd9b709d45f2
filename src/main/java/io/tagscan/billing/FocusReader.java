package io.tagscan.billing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.tagscan.model.Cost;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams the rows of FOCUS 1.x exports as Data Exports writes them: CSV, gzip-compressed or not
 * (told by the file's first bytes), columns found by the header in any order, other columns
 * ignored. One row is held at a time. Every bad cell is collected as {@code file:line:column} (the
 * CSV line and the character column of the cell), up to {@value #MAX_PROBLEMS}, then the read fails
 * once.
 */
public final class FocusReader {

  static final int MAX_PROBLEMS = 20;

  private static final List<String> REQUIRED =
      List.of("ResourceId", "BilledCost", "EffectiveCost", "BillingCurrency", "SubAccountId");
  private static final List<String> OPTIONAL = List.of("ServiceName", "ChargePeriodStart", "Tags");

  /** Plain decimals only: an exponent of a million digits is not an amount. */
  private static final CsvMapper CSV = CsvMapper.builder().build();

  private static final ObjectReader JSON = new ObjectMapper().readerFor(JsonNode.class);

  private final List<Diagnostic> problems = new ArrayList<>();

  private FocusReader() {}

  /** Reads every file in order, handing each row to {@code rows}. */
  public static void read(List<Path> files, Consumer<FocusRow> rows) {
    FocusReader reader = new FocusReader();
    for (Path file : files) {
      if (reader.problems.size() >= MAX_PROBLEMS) {
        break;
      }
      reader.readFile(file, rows);
    }
    if (!reader.problems.isEmpty()) {
      throw new InputException(reader.problems);
    }
  }

  private void readFile(Path file, Consumer<FocusRow> rows) {
    String name = file.toString();
    try (InputStream in = open(file);
        JsonParser parser = CSV.getFactory().createParser(in)) {
      Map<String, Integer> columns = header(parser, name);
      if (columns == null) {
        return;
      }
      // A cell's place is asked of the parser only for the cells that can be wrong: it costs.
      boolean[] judged =
          new boolean[columns.values().stream().mapToInt(i -> i).max().orElse(0) + 1];
      for (String column : List.of("BilledCost", "EffectiveCost", "Tags")) {
        Integer index = columns.get(column);
        if (index != null) {
          judged[index] = true;
        }
      }
      List<String> cells = new ArrayList<>();
      List<JsonLocation> places = new ArrayList<>();
      while (parser.nextToken() == JsonToken.START_ARRAY && problems.size() < MAX_PROBLEMS) {
        cells.clear();
        places.clear();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
          int index = cells.size();
          cells.add(parser.getText());
          places.add(index < judged.length && judged[index] ? parser.currentTokenLocation() : null);
        }
        if (cells.size() == 1 && cells.get(0).isEmpty()) {
          continue;
        }
        FocusRow row = row(name, columns, cells, places, parser.currentTokenLocation());
        if (row != null) {
          rows.accept(row);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(
          new Diagnostic(
              name,
              at == null ? 0 : at.getLineNr(),
              at == null ? 0 : at.getColumnNr(),
              "not a readable CSV file: " + e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add(Diagnostic.ofFile(name, "cannot read the FOCUS export: " + e.getMessage()));
    } catch (UncheckedIOException e) {
      problems.add(Diagnostic.ofFile(name, "cannot read the FOCUS export: " + e.getMessage()));
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private Map<String, Integer> header(JsonParser parser, String name) throws IOException {
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      problems.add(Diagnostic.ofFile(name, "empty FOCUS export: no header line"));
      return null;
    }
    Map<String, Integer> columns = new HashMap<>();
    int index = 0;
    while (parser.nextToken() == JsonToken.VALUE_STRING) {
      String column = parser.getText().strip();
      if (index == 0 && column.startsWith("\uFEFF")) {
        column = column.substring(1);
      }
      columns.putIfAbsent(column, index++);
    }
    List<String> missing = new ArrayList<>();
    for (String column : REQUIRED) {
      if (!columns.containsKey(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          new Diagnostic(
              name,
              1,
              1,
              "not a FOCUS export: the header has no "
                  + String.join(", ", missing)
                  + " column"
                  + (missing.size() == 1 ? "" : "s")));
      return null;
    }
    Map<String, Integer> wanted = new LinkedHashMap<>();
    for (String column : REQUIRED) {
      wanted.put(column, columns.get(column));
    }
    for (String column : OPTIONAL) {
      if (columns.containsKey(column)) {
        wanted.put(column, columns.get(column));
      }
    }
    return wanted;
  }

  private FocusRow row(
      String name,
      Map<String, Integer> columns,
      List<String> cells,
      List<JsonLocation> places,
      JsonLocation end) {
    int before = problems.size();
    BigDecimal billed = amount(name, "BilledCost", columns, cells, places, end);
    BigDecimal effective = amount(name, "EffectiveCost", columns, cells, places, end);
    Map<String, String> tags = tags(name, columns, cells, places);
    if (problems.size() > before) {
      return null;
    }
    return new FocusRow(
        cell("ResourceId", columns, cells),
        billed,
        effective,
        cell("BillingCurrency", columns, cells),
        cell("SubAccountId", columns, cells),
        cell("ServiceName", columns, cells),
        cell("ChargePeriodStart", columns, cells),
        tags);
  }

  private static String cell(String column, Map<String, Integer> columns, List<String> cells) {
    Integer index = columns.get(column);
    return index == null || index >= cells.size() ? "" : cells.get(index).strip();
  }

  private BigDecimal amount(
      String name,
      String column,
      Map<String, Integer> columns,
      List<String> cells,
      List<JsonLocation> places,
      JsonLocation end) {
    int index = columns.get(column);
    if (index >= cells.size()) {
      problems.add(
          new Diagnostic(
              name, end.getLineNr() - 1, 1, "the row ends before its " + column + " column"));
      return null;
    }
    String text = cells.get(index).strip();
    BigDecimal amount = Cost.parseAmount(text);
    if (amount == null) {
      problems.add(
          at(
              name,
              places.get(index),
              column + " is not a decimal amount: '" + Printable.of(text) + "'"));
      return null;
    }
    return amount;
  }

  private Map<String, String> tags(
      String name, Map<String, Integer> columns, List<String> cells, List<JsonLocation> places) {
    Integer index = columns.get("Tags");
    if (index == null || index >= cells.size() || cells.get(index).isBlank()) {
      return Map.of();
    }
    JsonNode tree;
    try {
      tree = JSON.readValue(cells.get(index));
    } catch (JsonProcessingException e) {
      problems.add(at(name, places.get(index), "Tags is not JSON: " + e.getOriginalMessage()));
      return Map.of();
    }
    if (!tree.isObject()) {
      problems.add(at(name, places.get(index), "Tags is not a JSON object"));
      return Map.of();
    }
    Map<String, String> tags = new HashMap<>();
    for (Map.Entry<String, JsonNode> tag : tree.properties()) {
      JsonNode value = tag.getValue();
      if (value.isNull()) {
        tags.put(tag.getKey(), "");
      } else if (value.isTextual()) {
        tags.put(tag.getKey(), value.textValue());
      } else {
        problems.add(
            at(
                name,
                places.get(index),
                "Tags: the tag '"
                    + Printable.of(tag.getKey())
                    + "' has a value that is not a string"));
      }
    }
    return tags;
  }

  private static Diagnostic at(String name, JsonLocation place, String message) {
    return new Diagnostic(name, place.getLineNr(), place.getColumnNr(), message);
  }
}
