package io.tagscan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A tagscan JSON report read back as a stream with Jackson's parser: {@link #open} reads what comes
 * before the resources (the scan, the dictionary's keys, the summary, the accounts), {@link #next}
 * hands out one resource at a time, and {@link #errors} is known once the resources are read. Only
 * one resource is held at a time, so a report of a million resources reads in little memory.
 * Resources must come in the order tagscan writes them, by account, region and ARN, so that two
 * reports can be walked side by side.
 *
 * <p>Anything that is not a tagscan report of schema version {@value #SCHEMA_VERSION}, or that is
 * not valid JSON, fails with an {@link InputException} naming the file and, where the parser knows
 * it, the line and column.
 */
public final class SavedReport implements Closeable {

  /** The one schema version this tagscan reads, the one it writes. */
  public static final int SCHEMA_VERSION = JsonReportSink.SCHEMA_VERSION;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  /** What a saved report says before its resources, and the compliance figures diff compares. */
  public record Header(
      String toolVersion,
      ScanInfo info,
      Dictionary dictionary,
      List<Account> accounts,
      BigDecimal complianceRate,
      List<Summary.KeyCoverage> coverage) {

    public Header {
      Objects.requireNonNull(toolVersion, "toolVersion");
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(dictionary, "dictionary");
      accounts = List.copyOf(accounts);
      coverage = List.copyOf(coverage);
    }
  }

  private final Path file;
  private final InputStream in;
  private final JsonParser parser;
  private final SavedSections sections;
  private final SavedResourceParser resources;
  private final Header header;
  private JsonLocation lastLocation;
  private byte[] lastKey;
  private String lastArn;
  private List<ScanError> errors;

  private SavedReport(Path file, InputStream in, JsonParser parser) {
    this.file = file;
    this.in = in;
    this.parser = parser;
    this.sections = new SavedSections(name(file));
    this.resources = new SavedResourceParser(parser, sections);
    this.header = readHeader();
  }

  /**
   * Opens a saved report and reads it up to its first resource.
   *
   * @throws InputException when the file cannot be read, is not JSON, or is not a tagscan report of
   *     this schema version
   */
  public static SavedReport open(Path file) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw InputException.of(
          Diagnostic.ofFile(
              name(file), "cannot read the report: " + Printable.of(reason(e.getMessage(), e))));
    }
    try {
      return new SavedReport(file, in, FACTORY.createParser(in));
    } catch (IOException e) {
      closeQuietly(in);
      throw failure(file, null, e);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  /** The file this report is read from. */
  public Path file() {
    return file;
  }

  /** What the report says before its resources. */
  public Header header() {
    return header;
  }

  /** Where the last resource handed out by {@link #next} starts, as {@code file:line:column}. */
  public String place() {
    return lastLocation == null
        ? name(file)
        : name(file) + ":" + lastLocation.getLineNr() + ":" + lastLocation.getColumnNr();
  }

  /**
   * The next resource, in the order the report lists them (tagscan writes them sorted by account,
   * region and ARN); null after the last, when {@link #errors} becomes known.
   */
  public CheckedResource next() {
    if (errors != null) {
      return null;
    }
    try {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY) {
        readTrailer();
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw problem(parser.currentTokenLocation(), "each resource must be a JSON object");
      }
      JsonLocation at = parser.currentTokenLocation();
      CheckedResource next = resources.read(at);
      byte[] key = sortKey(next.resource());
      if (lastKey != null && Arrays.compareUnsigned(key, lastKey) < 0) {
        throw problem(
            at,
            "the resources are not in tagscan's order (by account, region, then ARN): '"
                + Printable.of(next.resource().arn())
                + "' comes after '"
                + Printable.of(lastArn)
                + "'");
      }
      lastLocation = at;
      lastKey = key;
      lastArn = next.resource().arn();
      return next;
    } catch (IOException e) {
      throw failure(file, parser, e);
    }
  }

  /** The sort key of the last resource handed out by {@link #next}, or null before the first. */
  byte[] lastKey() {
    return lastKey;
  }

  /**
   * Account, region and ARN as UTF-8, each ended by a NUL, compared as unsigned bytes: the order
   * reports list resources in.
   */
  static byte[] sortKey(Resource resource) {
    String key = resource.accountId() + '\0' + resource.region() + '\0' + resource.arn() + '\0';
    return key.getBytes(StandardCharsets.UTF_8);
  }

  /** The scan errors the report lists, once every resource has been read; else null. */
  public List<ScanError> errors() {
    return errors;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // Read only: nothing is lost when closing fails.
    }
    closeQuietly(in);
  }

  private Header readHeader() {
    try {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw problem(parser.currentTokenLocation(), notTagscan("it is not a JSON object"));
      }
      if (parser.nextToken() != JsonToken.FIELD_NAME
          || !"schemaVersion".equals(parser.currentName())) {
        throw problem(
            parser.currentTokenLocation(), notTagscan("it does not start with schemaVersion"));
      }
      JsonToken version = parser.nextToken();
      if (version != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != SCHEMA_VERSION) {
        throw problem(
            parser.currentTokenLocation(),
            "the report has schema version "
                + Printable.of(parser.getText())
                + ", and this tagscan reads version "
                + SCHEMA_VERSION
                + " only");
      }
      String toolVersion = null;
      ScanInfo info = null;
      Dictionary dictionary = null;
      List<Account> accounts = null;
      BigDecimal rate = null;
      List<Summary.KeyCoverage> coverage = List.of();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        JsonLocation at = parser.currentTokenLocation();
        switch (field) {
          case "tool" -> toolVersion = sections.tool(MAPPER.readTree(parser), at);
          case "scan" -> {
            JsonNode scan = MAPPER.readTree(parser);
            info = sections.scanInfo(scan, at);
            dictionary = sections.dictionary(sections.object(scan, "dictionary", at), info, at);
          }
          case "summary" -> {
            JsonNode summary = MAPPER.readTree(parser);
            rate = SavedSections.rate(summary.get("complianceRate"));
            coverage = sections.coverage(summary.get("coverage"), at);
          }
          case "accounts" -> accounts = sections.accounts(MAPPER.readTree(parser), at);
          case "resources" -> {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
              throw problem(at, "resources must be an array");
            }
            if (toolVersion == null || info == null || accounts == null) {
              throw problem(at, "tool, scan and accounts must come before the resources");
            }
            return new Header(toolVersion, info, dictionary, accounts, rate, coverage);
          }
          default -> parser.skipChildren();
        }
      }
      throw problem(parser.currentTokenLocation(), "the report has no resources array");
    } catch (IOException e) {
      throw failure(file, parser, e);
    }
  }

  private void readTrailer() throws IOException {
    List<ScanError> found = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      JsonLocation at = parser.currentTokenLocation();
      if ("errors".equals(field)) {
        found.addAll(sections.errors(MAPPER.readTree(parser), at));
      } else {
        parser.skipChildren();
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
      throw problem(parser.currentTokenLocation(), "unexpected text after the report");
    }
    errors = List.copyOf(found);
  }

  private InputException problem(JsonLocation at, String message) {
    return sections.problem(at, message);
  }

  private static String notTagscan(String why) {
    return "not a tagscan JSON report: " + why;
  }

  private static InputException failure(Path file, JsonParser parser, IOException e) {
    if (e instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      if (at == null && parser != null) {
        at = parser.currentLocation();
      }
      String original = Objects.requireNonNullElse(json.getOriginalMessage(), "");
      String message;
      if (e instanceof JsonEOFException) {
        message = "the file ends in the middle of the JSON (is it cut short?)";
      } else if (original.startsWith("Duplicate field")) {
        message = "a field is given twice in one object";
      } else if (original.startsWith("Invalid UTF-8")) {
        message = "the file is not UTF-8 text";
      } else {
        message = "invalid JSON; is this a tagscan JSON report?";
      }
      return InputException.of(
          new Diagnostic(
              name(file),
              at == null ? 0 : Math.max(0, at.getLineNr()),
              at == null ? 0 : Math.max(0, at.getColumnNr()),
              message));
    }
    return InputException.of(
        Diagnostic.ofFile(
            name(file), "cannot read the report: " + Printable.of(reason(e.getMessage(), e))));
  }

  private static String reason(String message, IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return Objects.requireNonNullElse(message, e.getClass().getSimpleName());
  }

  private static String name(Path file) {
    return Printable.of(file.toString());
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Read only: nothing is lost when closing fails.
    }
  }
}
