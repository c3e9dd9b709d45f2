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
import io.tagscan.dictionary.Conventions;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Glob;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.Finding;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
  private final Header header;
  private JsonLocation lastLocation;
  private byte[] lastKey;
  private String lastArn;
  private List<ScanError> errors;

  private SavedReport(Path file, InputStream in, JsonParser parser) {
    this.file = file;
    this.in = in;
    this.parser = parser;
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
      CheckedResource next = resource(MAPPER.readTree(parser), at);
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
          case "tool" -> toolVersion = tool(MAPPER.readTree(parser), at);
          case "scan" -> {
            JsonNode scan = MAPPER.readTree(parser);
            info = scanInfo(scan, at);
            dictionary = dictionary(object(scan, "dictionary", at), info, at);
          }
          case "summary" -> {
            JsonNode summary = MAPPER.readTree(parser);
            rate = rate(summary.get("complianceRate"));
            coverage = coverage(summary.get("coverage"), at);
          }
          case "accounts" -> accounts = accounts(MAPPER.readTree(parser), at);
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
        for (JsonNode error : array(MAPPER.readTree(parser), "errors", at)) {
          found.add(
              new ScanError(
                  text(error, "accountId", at),
                  text(error, "region", at),
                  text(error, "operation", at),
                  text(error, "code", at),
                  text(error, "message", at)));
        }
      } else {
        parser.skipChildren();
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
      throw problem(parser.currentTokenLocation(), "unexpected text after the report");
    }
    errors = List.copyOf(found);
  }

  private String tool(JsonNode tool, JsonLocation at) {
    if (!tool.isObject() || !"tagscan".equals(tool.path("name").asText(null))) {
      throw problem(at, notTagscan("tool.name is not 'tagscan'"));
    }
    return text(tool, "version", at);
  }

  private ScanInfo scanInfo(JsonNode scan, JsonLocation at) {
    JsonNode dictionary = object(scan, "dictionary", at);
    JsonNode accounts = object(scan, "accounts", at);
    List<SageMakerCoverage> sagemaker = new ArrayList<>();
    for (JsonNode pair : array(scan.get("sagemaker"), "scan.sagemaker", at)) {
      sagemaker.add(
          checked(
              at,
              () ->
                  new SageMakerCoverage(
                      text(pair, "accountId", at),
                      text(pair, "region", at),
                      count(pair, "taggingApi", at),
                      count(pair, "listing", at),
                      count(pair, "listingOnly", at))));
    }
    return checked(
        at,
        () ->
            new ScanInfo(
                instant(scan, "startedAt", at),
                instant(scan, "finishedAt", at),
                bool(scan, "complete", at),
                text(dictionary, "path", at),
                text(dictionary, "sha256", at),
                strings(scan.get("sources"), "scan.sources", at),
                strings(scan.get("regions"), "scan.regions", at),
                count(accounts, "requested", at),
                count(accounts, "scanned", at),
                count(accounts, "failed", at),
                sagemaker));
  }

  private Dictionary dictionary(JsonNode saved, ScanInfo info, JsonLocation at) {
    if (saved.get("keys") == null || saved.get("accountMandatory") == null) {
      throw problem(
          at,
          "the report does not record the dictionary's keys (scan.dictionary.keys), which an"
              + " older tagscan left out; scan again to get a report that can be rendered");
    }
    List<TagSpec> tags = new ArrayList<>();
    for (JsonNode key : array(saved.get("keys"), "scan.dictionary.keys", at)) {
      tags.add(
          new TagSpec(
              text(key, "key", at),
              "",
              "",
              bool(key, "costAllocation", at),
              bool(key, "mandatory", at),
              null,
              List.of(),
              strings(key.get("appliesTo"), "appliesTo", at).stream().map(Glob::of).toList(),
              0,
              0));
    }
    return new Dictionary(
        1,
        "",
        Conventions.DEFAULT,
        tags,
        strings(saved.get("accountMandatory"), "scan.dictionary.accountMandatory", at),
        List.of(),
        Dictionary.defaultSeverities(),
        info.dictionaryPath(),
        info.dictionarySha256());
  }

  private List<Summary.KeyCoverage> coverage(JsonNode coverage, JsonLocation at) {
    List<Summary.KeyCoverage> keys = new ArrayList<>();
    if (coverage == null) {
      return keys;
    }
    for (JsonNode key : array(coverage, "summary.coverage", at)) {
      keys.add(
          checked(
              at,
              () ->
                  new Summary.KeyCoverage(
                      text(key, "key", at),
                      bool(key, "mandatory", at),
                      bool(key, "costAllocation", at),
                      count(key, "inScope", at),
                      count(key, "tagged", at))));
    }
    return keys;
  }

  private List<Account> accounts(JsonNode accounts, JsonLocation at) {
    List<Account> list = new ArrayList<>();
    for (JsonNode account : array(accounts, "accounts", at)) {
      list.add(
          Account.of(
              text(account, "id", at),
              optionalText(account, "name", at),
              optionalText(account, "state", at),
              tags(account, at)));
    }
    return list;
  }

  private CheckedResource resource(JsonNode node, JsonLocation at) {
    String arn = text(node, "arn", at);
    Source source = Source.fromSlug(text(node, "source", at));
    if (source == null) {
      throw problem(at, "resource '" + Printable.of(arn) + "': unknown source");
    }
    Resource resource =
        Resource.of(
            arn,
            text(node, "accountId", at),
            text(node, "region", at),
            text(node, "resourceType", at),
            source,
            tags(node, at));
    boolean tagsKnown = !node.has("tagsKnown") || bool(node, "tagsKnown", at);
    List<Finding> findings = new ArrayList<>();
    for (JsonNode finding : array(node.get("findings"), "findings", at)) {
      RuleId rule = RuleId.fromSlug(text(finding, "rule", at));
      Severity severity = Severity.fromSlug(text(finding, "severity", at));
      if (rule == null || severity == null) {
        throw problem(at, "resource '" + Printable.of(arn) + "': unknown rule or severity");
      }
      findings.add(
          new Finding(
              rule,
              severity,
              optionalText(finding, "key", at),
              optionalText(finding, "value", at),
              optionalText(finding, "expected", at),
              optionalText(finding, "fix", at),
              text(finding, "message", at)));
    }
    int waived = node.has("waived") ? count(node, "waived", at) : 0;
    return checked(at, () -> new CheckedResource(resource, findings, tagsKnown, waived));
  }

  private Map<String, String> tags(JsonNode owner, JsonLocation at) {
    JsonNode tags = object(owner, "tags", at);
    TreeMap<String, String> map = new TreeMap<>();
    for (Map.Entry<String, JsonNode> tag : tags.properties()) {
      if (!tag.getValue().isTextual()) {
        throw problem(at, "tag '" + Printable.of(tag.getKey()) + "' must have a string value");
      }
      map.put(tag.getKey(), tag.getValue().textValue());
    }
    return map;
  }

  private JsonNode object(JsonNode owner, String field, JsonLocation at) {
    JsonNode node = owner.get(field);
    if (node == null || !node.isObject()) {
      throw problem(at, "'" + field + "' must be an object");
    }
    return node;
  }

  private List<JsonNode> array(JsonNode node, String field, JsonLocation at) {
    if (node == null || !node.isArray()) {
      throw problem(at, "'" + field + "' must be an array");
    }
    List<JsonNode> list = new ArrayList<>(node.size());
    node.forEach(list::add);
    return list;
  }

  private List<String> strings(JsonNode node, String field, JsonLocation at) {
    List<String> list = new ArrayList<>();
    for (JsonNode value : array(node, field, at)) {
      if (!value.isTextual()) {
        throw problem(at, "'" + field + "' must hold strings");
      }
      list.add(value.textValue());
    }
    return list;
  }

  private String text(JsonNode owner, String field, JsonLocation at) {
    JsonNode node = owner.get(field);
    if (node == null || !node.isTextual()) {
      throw problem(at, "'" + field + "' must be a string");
    }
    return node.textValue();
  }

  private String optionalText(JsonNode owner, String field, JsonLocation at) {
    return owner.has(field) ? text(owner, field, at) : null;
  }

  private boolean bool(JsonNode owner, String field, JsonLocation at) {
    JsonNode node = owner.get(field);
    if (node == null || !node.isBoolean()) {
      throw problem(at, "'" + field + "' must be true or false");
    }
    return node.booleanValue();
  }

  private int count(JsonNode owner, String field, JsonLocation at) {
    JsonNode node = owner.get(field);
    if (node == null
        || !node.canConvertToInt()
        || !node.isIntegralNumber()
        || node.intValue() < 0) {
      throw problem(at, "'" + field + "' must be a count");
    }
    return node.intValue();
  }

  private Instant instant(JsonNode owner, String field, JsonLocation at) {
    try {
      return Instant.parse(text(owner, field, at));
    } catch (DateTimeParseException e) {
      throw problem(at, "'" + field + "' must be an ISO-8601 instant");
    }
  }

  private static BigDecimal rate(JsonNode node) {
    return node == null || !node.isNumber() ? null : node.decimalValue();
  }

  /** Builds a record, turning its own checks on the values into a placed problem. */
  private <T> T checked(JsonLocation at, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw problem(at, Printable.of(e.getMessage()));
    }
  }

  private InputException problem(JsonLocation at, String message) {
    return InputException.of(
        new Diagnostic(
            name(file),
            at == null ? 0 : Math.max(0, at.getLineNr()),
            at == null ? 0 : Math.max(0, at.getColumnNr()),
            message));
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
