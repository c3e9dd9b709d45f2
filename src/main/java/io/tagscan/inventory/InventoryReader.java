package io.tagscan.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.tagscan.model.Account;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import io.tagscan.model.Resource;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import io.tagscan.model.SortedTags;
import io.tagscan.model.Source;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Streams resources out of inventory files: the JSON that {@code aws resourcegroupstaggingapi
 * get-resources} prints (one or more documents, or a bare array of mappings), gzip-compressed or
 * not, and tagscan's own snapshots, which add accounts, errors and each resource's account, region
 * and source to the same shape.
 *
 * <p>Files are never loaded whole: each mapping becomes a {@link Resource} handed to the listener
 * as soon as it is read. Account, region and type come from each ARN; a resource read twice (the
 * same ARN in two files) is passed on once. Problems are collected with their file, line and
 * column, and thrown together once the files are read (or once too many have piled up), so the
 * caller can discard whatever it built from a bad inventory.
 */
public final class InventoryReader {

  /**
   * A snapshot written by this version of tagscan carries this number in {@code tagscanSnapshot}.
   */
  public static final int SNAPSHOT_VERSION = 1;

  private static final int MAX_PROBLEMS = 20;
  private static final int MAX_CANONICAL = 10_000;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxStringLength(1 << 20)
                  .maxNumberLength(64)
                  .build())
          .build();

  private final ScanListener listener;

  /** The ARNs read so far, when there is more than one file to read them from; else null. */
  private final ArnSet seen;

  private final List<Diagnostic> problems = new ArrayList<>();
  private String fileName;
  private boolean complete = true;
  private final List<SageMakerCoverage> sagemaker = new ArrayList<>();

  /**
   * One shared instance per distinct account, region and resource type: a million resources name a
   * few dozen of each, and later stages hash and compare them, which a shared instance makes cheap
   * (its hash is computed once, equal strings are the same object) while holding a million fewer
   * copies. Past a cap, strings are left as they are, so hostile input cannot grow the table.
   */
  private final Map<String, String> canonical = new HashMap<>();

  private InventoryReader(ScanListener listener, boolean deduplicate) {
    this.listener = listener;
    this.seen = deduplicate ? new ArnSet() : null;
  }

  /**
   * Reads every file in order and hands what it finds to the listener.
   *
   * @return whether the scans that wrote the files were complete, and their SageMaker figures
   * @throws InputException naming each problem's file, line and column
   */
  public static InventoryResult read(List<Path> files, ScanListener listener) {
    // One export lists each resource once; only files that may overlap need the set of ARNs.
    InventoryReader reader = new InventoryReader(listener, files.size() > 1);
    listener.unitsPlanned(files.size());
    for (Path file : files) {
      reader.readFile(file);
      listener.unitDone("", file.toString(), true);
      if (reader.problems.size() >= MAX_PROBLEMS) {
        break;
      }
    }
    if (!reader.problems.isEmpty()) {
      throw new InputException(reader.problems);
    }
    return new InventoryResult(reader.complete, reader.sagemaker);
  }

  private void readFile(Path file) {
    fileName = file.toString();
    try (InputStream in = open(file);
        JsonParser parser = JSON.createParser(in)) {
      boolean any = false;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        any = true;
        if (token == JsonToken.START_OBJECT) {
          readDocument(parser);
        } else if (token == JsonToken.START_ARRAY) {
          readMappings(parser);
        } else {
          problem(
              parser,
              "expected a JSON object with 'ResourceTagMappingList' or an array of resources");
          return;
        }
        if (problems.size() >= MAX_PROBLEMS) {
          return;
        }
      }
      if (!any) {
        problems.add(Diagnostic.ofFile(fileName, "the file is empty"));
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(
          new Diagnostic(
              fileName,
              at == null ? 0 : at.getLineNr(),
              at == null ? 0 : at.getColumnNr(),
              "invalid JSON: " + e.getOriginalMessage()));
    } catch (NoSuchFileException e) {
      problems.add(Diagnostic.ofFile(fileName, "no such file"));
    } catch (IOException e) {
      problems.add(Diagnostic.ofFile(fileName, "cannot read the file: " + e.getMessage()));
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  private void readDocument(JsonParser parser) throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    boolean recognised = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "ResourceTagMappingList" -> {
          recognised = true;
          if (expect(parser, value, JsonToken.START_ARRAY, "a list of resources")) {
            readMappings(parser);
          }
        }
        case "tagscanSnapshot" -> {
          recognised = true;
          if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != SNAPSHOT_VERSION) {
            problem(
                parser,
                "this snapshot was written by another version of tagscan (format "
                    + parser.getText()
                    + ", expected "
                    + SNAPSHOT_VERSION
                    + ")");
            parser.skipChildren();
          }
        }
        case "complete" -> {
          if (value == JsonToken.VALUE_FALSE) {
            complete = false;
          } else if (value != JsonToken.VALUE_TRUE) {
            problem(parser, "expected 'complete' to be true or false");
            parser.skipChildren();
          }
        }
        case "sagemaker" -> {
          if (expect(parser, value, JsonToken.START_ARRAY, "a list of SageMaker figures")) {
            readSageMaker(parser);
          }
        }
        case "accounts" -> {
          if (expect(parser, value, JsonToken.START_ARRAY, "a list of accounts")) {
            readAccounts(parser);
          }
        }
        case "errors" -> {
          if (expect(parser, value, JsonToken.START_ARRAY, "a list of errors")) {
            readErrors(parser);
          }
        }
        default -> parser.skipChildren();
      }
      if (problems.size() >= MAX_PROBLEMS) {
        return;
      }
    }
    if (!recognised) {
      problems.add(
          new Diagnostic(
              fileName,
              start.getLineNr(),
              start.getColumnNr(),
              "no 'ResourceTagMappingList' in this document; expected the output of 'aws resourcegroupstaggingapi get-resources' or a tagscan snapshot"));
    }
  }

  private void readMappings(JsonParser parser) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == JsonToken.START_OBJECT) {
        readMapping(parser);
      } else {
        problem(parser, "expected a resource object with 'ResourceARN' and 'Tags'");
        parser.skipChildren();
      }
      if (problems.size() >= MAX_PROBLEMS) {
        return;
      }
    }
  }

  private void readMapping(JsonParser parser) throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    String arnText = null;
    String domainArn = null;
    String accountId = null;
    String region = null;
    String resourceType = null;
    Source source = Source.TAGGING_API;
    SortedTags.Builder tags = SortedTags.builder(8);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "ResourceARN" -> arnText = text(parser, value, "the ARN");
        case "SageMakerDomain" -> domainArn = text(parser, value, "the domain ARN");
        case "Tags" -> {
          if (value == JsonToken.START_ARRAY) {
            readTags(parser, tags);
          } else if (value != JsonToken.VALUE_NULL) {
            problem(parser, "expected 'Tags' to be a list of {\"Key\": …, \"Value\": …} objects");
            parser.skipChildren();
          }
        }
        case "AccountId" -> accountId = text(parser, value, "the account id");
        case "Region" -> region = text(parser, value, "the region");
        case "ResourceType" -> resourceType = text(parser, value, "the resource type");
        case "Source" -> {
          String slug = text(parser, value, "the source");
          Source named = slug == null ? null : Source.fromSlug(slug);
          if (named == null) {
            problem(
                parser,
                "unknown source "
                    + quote(slug)
                    + "; expected tagging-api, sagemaker or organizations");
          } else {
            source = named;
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (domainArn != null && arnText == null) {
      // A snapshot's record of a SageMaker domain's tags, told before the domain's resources.
      if (problems.isEmpty()) {
        listener.domain(domainArn, tags.build());
      }
      return;
    }
    if (arnText == null) {
      problems.add(
          new Diagnostic(
              fileName,
              start.getLineNr(),
              start.getColumnNr(),
              "resource without a 'ResourceARN'"));
      return;
    }
    Arn arn;
    try {
      arn = Arn.parse(arnText);
    } catch (IllegalArgumentException e) {
      problems.add(
          new Diagnostic(
              fileName,
              start.getLineNr(),
              start.getColumnNr(),
              "ResourceARN " + quote(arnText) + " is " + e.getMessage()));
      return;
    }
    if (!problems.isEmpty() || (seen != null && !seen.add(arnText))) {
      return;
    }
    listener.resource(
        new Resource(
            arnText,
            canonical(accountId != null ? accountId : arn.accountId()),
            canonical(region != null ? region : arn.region()),
            canonical(resourceType != null ? resourceType : arn.resourceType()),
            source,
            tags.build()));
  }

  private void readTags(JsonParser parser, SortedTags.Builder tags) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        problem(parser, "expected a tag object {\"Key\": …, \"Value\": …}");
        parser.skipChildren();
        continue;
      }
      JsonLocation start = parser.currentTokenLocation();
      String key = null;
      String value = "";
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken kind = parser.nextToken();
        if ("Key".equals(field)) {
          key = text(parser, kind, "a tag key");
        } else if ("Value".equals(field)) {
          String text = text(parser, kind, "a tag value");
          value = text == null ? "" : text;
        } else {
          parser.skipChildren();
        }
      }
      if (key == null) {
        problems.add(
            new Diagnostic(
                fileName, start.getLineNr(), start.getColumnNr(), "tag without a 'Key'"));
      } else {
        tags.put(key, value);
      }
    }
  }

  private void readAccounts(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      String id = null;
      String name = "";
      String state = "";
      String arn = "";
      boolean tagsKnown = true;
      TreeMap<String, String> tags = new TreeMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "id" -> id = text(parser, value, "the account id");
          case "name" -> name = text(parser, value, "the account name");
          case "state" -> state = text(parser, value, "the account state");
          case "arn" -> arn = text(parser, value, "the account ARN");
          case "tagsKnown" -> tagsKnown = value != JsonToken.VALUE_FALSE;
          case "tags" -> readStringMap(parser, value, tags);
          default -> parser.skipChildren();
        }
      }
      if (id == null) {
        problem(parser, "account without an 'id'");
      } else {
        Account account = Account.of(id, name, state, tags, arn);
        listener.account(tagsKnown ? account : account.withUnknownTags());
      }
    }
  }

  private void readSageMaker(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      Map<String, String> fields = scalarFields(parser);
      try {
        sagemaker.add(
            new SageMakerCoverage(
                fields.getOrDefault("accountId", ""),
                fields.getOrDefault("region", ""),
                Integer.parseInt(fields.getOrDefault("taggingApi", "0")),
                Integer.parseInt(fields.getOrDefault("listing", "0")),
                Integer.parseInt(fields.getOrDefault("listingOnly", "0"))));
      } catch (IllegalArgumentException e) {
        problem(parser, "invalid SageMaker figures: " + e.getMessage());
      }
    }
  }

  /** The scalar fields of the object the parser is at, as text; nested values are skipped. */
  private static Map<String, String> scalarFields(JsonParser parser) throws IOException {
    Map<String, String> fields = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value.isScalarValue()) {
        fields.put(field, parser.getText());
      } else {
        parser.skipChildren();
      }
    }
    return fields;
  }

  private void readErrors(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      Map<String, String> fields = scalarFields(parser);
      listener.error(
          new ScanError(
              fields.get("accountId"),
              fields.get("region"),
              fields.getOrDefault("operation", "unknown"),
              fields.get("code"),
              fields.get("message")));
    }
  }

  private void readStringMap(JsonParser parser, JsonToken value, TreeMap<String, String> into)
      throws IOException {
    if (!expect(parser, value, JsonToken.START_OBJECT, "an object of tags")) {
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken kind = parser.nextToken();
      String text = text(parser, kind, "a tag value");
      into.put(key, text == null ? "" : text);
    }
  }

  private String text(JsonParser parser, JsonToken token, String what) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token != JsonToken.VALUE_NULL) {
      problem(parser, "expected " + what + " to be a string");
      parser.skipChildren();
    }
    return null;
  }

  private boolean expect(JsonParser parser, JsonToken actual, JsonToken wanted, String what)
      throws IOException {
    if (actual == wanted) {
      return true;
    }
    problem(parser, "expected " + what);
    parser.skipChildren();
    return false;
  }

  private void problem(JsonParser parser, String message) {
    JsonLocation at = parser.currentTokenLocation();
    problems.add(new Diagnostic(fileName, at.getLineNr(), at.getColumnNr(), message));
  }

  private String canonical(String text) {
    if (text == null) {
      return null;
    }
    String known = canonical.get(text);
    if (known != null) {
      return known;
    }
    if (canonical.size() < MAX_CANONICAL) {
      canonical.put(text, text);
    }
    return text;
  }

  private static String quote(String text) {
    return "'" + Printable.of(text) + "'";
  }
}
