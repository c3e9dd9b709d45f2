package io.tagscan.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams resources out of inventory files: the JSON that {@code aws resourcegroupstaggingapi
 * get-resources} prints (one or more documents, or a bare array of mappings), gzip-compressed or
 * not, and tagscan's own snapshots, which add accounts, errors and each resource's account, region
 * and source to the same shape.
 *
 * <p>Files are never loaded whole: each mapping becomes a {@link Resource} handed to the listener
 * as soon as it is read. Account, region and type come from each ARN (an account given by the
 * caller fills in ARNs that carry none); a resource read twice (the same ARN in one file or two) is
 * passed on once, and said so in a note. Problems — bad JSON, a field or a tag key given twice, an
 * ARN whose account or region is not one — are collected with their file, line and column, and
 * thrown together once the files are read (or once too many have piled up), so the caller can
 * discard whatever it built from a bad inventory.
 */
public final class InventoryReader {

  /**
   * A snapshot written by this version of tagscan carries this number in {@code tagscanSnapshot}.
   */
  public static final int SNAPSHOT_VERSION = 1;

  private static final int MAX_PROBLEMS = 20;
  private static final int MAX_CANONICAL = 10_000;

  private static final int MAX_DEPTH = 64;
  private static final int MAX_STRING = 1 << 20;
  private static final int MAX_NUMBER = 64;

  /**
   * Strict about duplicate fields, which JSON allows and a reader would otherwise settle silently
   * by keeping one; bounded in nesting and length, so no file can exhaust the stack or the heap.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(MAX_STRING)
                  .maxNumberLength(MAX_NUMBER)
                  .build())
          .build();

  private final ScanListener listener;

  /** The account ARNs without one belong to, and that ARNs with one must name; null for none. */
  private final String givenAccount;

  /**
   * The ARNs read so far, as 64-bit hashes: a few megabytes for a million resources, and a probe a
   * resource, so even one file is checked for resources listed twice.
   */
  private final ArnSet seen = new ArnSet();

  private final List<Diagnostic> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String fileName;
  private boolean complete = true;
  private final List<SageMakerCoverage> sagemaker = new ArrayList<>();

  /**
   * Resources read but not yet passed on, with their ARN hashes and places: they are checked
   * against {@link #seen} a batch at a time, which costs a fraction of one probe per resource.
   */
  private static final int BATCH = 256;

  private final Resource[] pending = new Resource[BATCH];
  private final long[] pendingHashes = new long[BATCH];
  private final int[] pendingLines = new int[BATCH];
  private final int[] pendingColumns = new int[BATCH];
  private final boolean[] pendingNew = new boolean[BATCH];
  private int pendingCount;

  /** Resources of the current file whose ARN was read before, and where the first of them is. */
  private int repeated;

  private String firstRepeated;
  private int firstRepeatedLine;
  private int firstRepeatedColumn;

  /**
   * One shared instance per distinct account, region and resource type: a million resources name a
   * few dozen of each, and later stages hash and compare them, which a shared instance makes cheap
   * (its hash is computed once, equal strings are the same object) while holding a million fewer
   * copies. Past a cap, strings are left as they are, so hostile input cannot grow the table.
   */
  private final Map<String, String> canonical = new HashMap<>();

  private InventoryReader(ScanListener listener, String givenAccount) {
    this.listener = listener;
    this.givenAccount = givenAccount;
  }

  /**
   * Reads every file in order and hands what it finds to the listener.
   *
   * @return whether the scans that wrote the files were complete, and their SageMaker figures
   * @throws InputException naming each problem's file, line and column
   */
  public static InventoryResult read(List<Path> files, ScanListener listener) {
    return read(files, null, listener);
  }

  /**
   * Reads every file in order as {@link #read(List, ScanListener)} does, with the account that ARNs
   * carrying none (S3 buckets) belong to; an ARN or a resource of another account is then an error.
   * {@code accountId} may be null: ARNs without an account keep none.
   *
   * @throws IllegalArgumentException when {@code accountId} is not twelve digits
   */
  public static InventoryResult read(List<Path> files, String accountId, ScanListener listener) {
    if (accountId != null && !Arn.isAccountId(accountId)) {
      throw new IllegalArgumentException("an account id is 12 digits");
    }
    InventoryReader reader = new InventoryReader(listener, accountId);
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
    return new InventoryResult(reader.complete, reader.sagemaker, reader.notes);
  }

  private void readFile(Path file) {
    fileName = file.toString();
    repeated = 0;
    try (InputStream in = open(file);
        JsonParser parser = JSON.createParser(in)) {
      try {
        readDocuments(parser);
      } catch (IOException e) {
        // Placed while the parser is open: a closed one no longer knows where it was.
        problems.add(unreadable(parser, e));
      }
      passOn();
    } catch (NoSuchFileException e) {
      problems.add(Diagnostic.ofFile(fileName, "no such file"));
    } catch (AccessDeniedException e) {
      problems.add(Diagnostic.ofFile(fileName, "cannot read the file: permission denied"));
    } catch (IOException e) {
      problems.add(unreadable(null, e));
    }
    if (repeated > 0) {
      notes.add(
          String.format(
              "%s: %,d %s listed more than once, and counted once; the first at line %d, column"
                  + " %d: %s",
              fileName,
              repeated,
              repeated == 1 ? "resource is" : "resources are",
              firstRepeatedLine,
              firstRepeatedColumn,
              quote(firstRepeated)));
    }
  }

  private void readDocuments(JsonParser parser) throws IOException {
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
      problems.add(new Diagnostic(fileName, 1, 1, "the file is empty"));
    }
  }

  /** A failure that stopped the reading of a file, in tagscan's words, where it happened. */
  private Diagnostic unreadable(JsonParser parser, IOException e) {
    JsonLocation at;
    if (parser == null) {
      at = null;
    } else if (e instanceof JsonProcessingException json) {
      at = JsonErrors.place(json, parser);
    } else {
      at = parser.currentLocation();
    }
    int line = at == null ? 1 : Math.max(at.getLineNr(), 1);
    int column = at == null ? 1 : Math.max(at.getColumnNr(), 1);
    String message;
    if (e instanceof ZipException || e instanceof EOFException) {
      // Only the gzip stream throws these: the JSON parser's own end-of-input is its own type.
      message = "the gzip data is corrupt or cut short at this point of the uncompressed text";
    } else if (e instanceof JsonProcessingException json) {
      message = JsonErrors.describe(json, parser, MAX_DEPTH, MAX_STRING, MAX_NUMBER);
    } else {
      String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
      message = "cannot read the file: " + Printable.of(reason);
      if (parser == null) {
        // Not a place in the text: the file could not be read at all (a directory, say).
        return Diagnostic.ofFile(fileName, message);
      }
    }
    return new Diagnostic(fileName, line, column, message);
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
                    + Printable.of(parser.getText())
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
    readEachMapping(parser);
    // What follows the list (a snapshot's accounts and errors) is told after its resources.
    passOn();
  }

  private void readEachMapping(JsonParser parser) throws IOException {
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
      passOn();
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
      problemAt(start, "ResourceARN " + quote(arnText) + " is " + e.getMessage());
      return;
    }
    // The ARN's own account and region are checked by Arn; a snapshot's fields are checked here.
    String account = accountId != null ? accountId : arn.accountId();
    if (accountId != null && !accountId.isEmpty() && !Arn.isAccountId(accountId)) {
      problemAt(start, "AccountId " + quote(accountId) + " is not an account id (12 digits)");
      return;
    }
    // A snapshot names the region global resources were read in as "global".
    if (region != null && !region.isEmpty() && !region.equals("global") && !Arn.isRegion(region)) {
      problemAt(start, "Region " + quote(region) + " is not a region name");
      return;
    }
    if (givenAccount != null) {
      if (account.isEmpty()) {
        account = givenAccount;
      } else if (!account.equals(givenAccount)) {
        problemAt(
            start,
            "ResourceARN "
                + quote(arnText)
                + " belongs to account "
                + account
                + ", not to "
                + givenAccount
                + " given with --account-id");
        return;
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    pending[pendingCount] =
        new Resource(
            arnText,
            canonical(account),
            canonical(region != null ? region : arn.region()),
            canonical(resourceType != null ? resourceType : arn.resourceType()),
            source,
            tags.build());
    pendingHashes[pendingCount] = ArnSet.hash(arnText);
    pendingLines[pendingCount] = start.getLineNr();
    pendingColumns[pendingCount] = start.getColumnNr();
    if (++pendingCount == BATCH) {
      passOn();
    }
  }

  /** Passes on the pending resources whose ARN is new, in the order they were read. */
  private void passOn() {
    seen.addAll(pendingHashes, pendingCount, pendingNew);
    for (int i = 0; i < pendingCount; i++) {
      Resource resource = pending[i];
      pending[i] = null;
      if (!problems.isEmpty()) {
        continue;
      }
      if (pendingNew[i]) {
        listener.resource(resource);
      } else if (repeated++ == 0) {
        firstRepeated = resource.arn();
        firstRepeatedLine = pendingLines[i];
        firstRepeatedColumn = pendingColumns[i];
      }
    }
    pendingCount = 0;
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
        problemAt(start, "tag without a 'Key'");
      } else if (!tags.put(key, value)) {
        problemAt(
            start,
            "tag key "
                + quote(key)
                + " is given twice on this resource (AWS allows each key once)");
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
      } else if (!Arn.isAccountId(id)) {
        problem(parser, "account id " + quote(id) + " is not 12 digits");
      } else {
        Account account = Account.of(id, name, state, tags, arn);
        listener.account(tagsKnown ? account : account.withUnknownTags());
      }
    }
  }

  private void readSageMaker(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      Map<String, String> fields = scalarFields(parser);
      if (!isPlace(parser, "SageMaker figures", fields)) {
        continue;
      }
      try {
        sagemaker.add(
            new SageMakerCoverage(
                fields.getOrDefault("accountId", ""),
                fields.getOrDefault("region", ""),
                Integer.parseInt(fields.getOrDefault("taggingApi", "0")),
                Integer.parseInt(fields.getOrDefault("listing", "0")),
                Integer.parseInt(fields.getOrDefault("listingOnly", "0"))));
      } catch (IllegalArgumentException e) {
        // NumberFormatException says "For input string"; say what is wrong in tagscan's words.
        problem(
            parser,
            "invalid SageMaker figures: "
                + (e instanceof NumberFormatException
                    ? "the counts must be whole numbers"
                    : e.getMessage()));
      }
    }
  }

  /**
   * True when a snapshot record's {@code accountId} and {@code region} are each absent, empty or
   * what they claim to be; otherwise says which is not, at the record's end.
   */
  private boolean isPlace(JsonParser parser, String what, Map<String, String> fields) {
    String account = fields.getOrDefault("accountId", "");
    String region = fields.getOrDefault("region", "");
    if (!account.isEmpty() && !Arn.isAccountId(account)) {
      problem(parser, what + " for account " + quote(account) + ", which is not 12 digits");
      return false;
    }
    if (!region.isEmpty() && !region.equals("global") && !Arn.isRegion(region)) {
      problem(parser, what + " for region " + quote(region) + ", which is not a region name");
      return false;
    }
    return true;
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
      if (!isPlace(parser, "a recorded error", fields)) {
        continue;
      }
      listener.error(
          new ScanError(
              fields.get("accountId"),
              fields.get("region"),
              fields.getOrDefault("operation", "unknown"),
              fields.get("code"),
              fields.get("message")));
    }
  }

  private void readStringMap(JsonParser parser, JsonToken value, Map<String, String> into)
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
    problemAt(parser.currentTokenLocation(), message);
  }

  private void problemAt(JsonLocation at, String message) {
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
