package io.tagscan.inventory;

import static io.tagscan.inventory.InputPlace.quote;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import io.tagscan.model.Resource;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.SortedTags;
import io.tagscan.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  private final ScanListener listener;

  /** The account ARNs without one belong to, and that ARNs with one must name; null for none. */
  private final String givenAccount;

  private final InputPlace place = new InputPlace();
  private final List<String> notes = new ArrayList<>();
  private boolean complete = true;
  private final List<SageMakerCoverage> sagemaker = new ArrayList<>();
  private final List<ExplorerCoverage> explorer = new ArrayList<>();
  private final ResourceBatch batch;
  private final SnapshotSections snapshot;

  private final SharedStrings shared = new SharedStrings();

  private InventoryReader(ScanListener listener, String givenAccount) {
    this.listener = listener;
    this.givenAccount = givenAccount;
    this.batch = new ResourceBatch(place, listener);
    this.snapshot = new SnapshotSections(place, listener, sagemaker, explorer);
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
      if (reader.place.full()) {
        break;
      }
    }
    if (!reader.place.clean()) {
      throw new InputException(reader.place.problems());
    }
    return new InventoryResult(
        reader.complete,
        reader.sagemaker,
        reader.notes,
        reader.explorer.isEmpty() ? null : ExplorerCoverage.merge(reader.explorer));
  }

  private void readFile(Path file) {
    place.file(file.toString());
    try (InputStream in = InventoryInput.open(file);
        JsonParser parser = InventoryInput.parser(in)) {
      try {
        readDocuments(parser);
      } catch (IOException e) {
        // Placed while the parser is open: a closed one no longer knows where it was.
        place.add(InventoryInput.unreadable(place.fileName(), parser, e));
      }
      batch.passOn();
    } catch (NoSuchFileException e) {
      place.add(Diagnostic.ofFile(place.fileName(), "no such file"));
    } catch (AccessDeniedException e) {
      place.add(Diagnostic.ofFile(place.fileName(), "cannot read the file: permission denied"));
    } catch (IOException e) {
      place.add(InventoryInput.unreadable(place.fileName(), null, e));
    }
    String note = batch.repeatedNote();
    if (note != null) {
      notes.add(note);
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
        place.problem(
            parser,
            "expected a JSON object with 'ResourceTagMappingList' or an array of resources");
        return;
      }
      if (place.full()) {
        return;
      }
    }
    if (!any) {
      place.add(new Diagnostic(place.fileName(), 1, 1, "the file is empty"));
    }
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
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of resources")) {
            readMappings(parser);
          }
        }
        case "tagscanSnapshot" -> {
          recognised = true;
          if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != SNAPSHOT_VERSION) {
            place.problem(
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
            place.problem(parser, "expected 'complete' to be true or false");
            parser.skipChildren();
          }
        }
        case "sagemaker" -> {
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of SageMaker figures")) {
            snapshot.readSageMaker(parser);
          }
        }
        case "resourceExplorer" -> {
          if (place.expect(
              parser, value, JsonToken.START_OBJECT, "an object of Resource Explorer figures")) {
            snapshot.readExplorer(parser);
          }
        }
        case "accounts" -> {
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of accounts")) {
            snapshot.readAccounts(parser);
          }
        }
        case "errors" -> {
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of errors")) {
            snapshot.readErrors(parser);
          }
        }
        default -> parser.skipChildren();
      }
      if (place.full()) {
        return;
      }
    }
    if (!recognised) {
      place.add(
          new Diagnostic(
              place.fileName(),
              start.getLineNr(),
              start.getColumnNr(),
              "no 'ResourceTagMappingList' in this document; expected the output of 'aws resourcegroupstaggingapi get-resources' or a tagscan snapshot"));
    }
  }

  private void readMappings(JsonParser parser) throws IOException {
    readEachMapping(parser);
    // What follows the list (a snapshot's accounts and errors) is told after its resources.
    batch.passOn();
  }

  private void readEachMapping(JsonParser parser) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == JsonToken.START_OBJECT) {
        readMapping(parser);
      } else {
        place.problem(parser, "expected a resource object with 'ResourceARN' and 'Tags'");
        parser.skipChildren();
      }
      if (place.full()) {
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
        case "ResourceARN" -> arnText = place.text(parser, value, "the ARN");
        case "SageMakerDomain" -> domainArn = place.text(parser, value, "the domain ARN");
        case "Tags" -> {
          if (value == JsonToken.START_ARRAY) {
            readTags(parser, tags);
          } else if (value != JsonToken.VALUE_NULL) {
            place.problem(
                parser, "expected 'Tags' to be a list of {\"Key\": …, \"Value\": …} objects");
            parser.skipChildren();
          }
        }
        case "AccountId" -> accountId = place.text(parser, value, "the account id");
        case "Region" -> region = place.text(parser, value, "the region");
        case "ResourceType" -> resourceType = place.text(parser, value, "the resource type");
        case "Source" -> {
          String slug = place.text(parser, value, "the source");
          Source named = slug == null ? null : Source.fromSlug(slug);
          if (named == null) {
            place.problem(
                parser,
                "unknown source "
                    + quote(slug)
                    + "; expected tagging-api, sagemaker, resource-explorer or organizations");
          } else {
            source = named;
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (domainArn != null && arnText == null) {
      // A snapshot's record of a SageMaker domain's tags, told before the domain's resources.
      batch.passOn();
      if (place.clean()) {
        listener.domain(domainArn, tags.build());
      }
      return;
    }
    if (arnText == null) {
      place.add(
          new Diagnostic(
              place.fileName(),
              start.getLineNr(),
              start.getColumnNr(),
              "resource without a 'ResourceARN'"));
      return;
    }
    Arn arn;
    try {
      arn = Arn.parse(arnText);
    } catch (IllegalArgumentException e) {
      place.problemAt(start, "ResourceARN " + quote(arnText) + " is " + e.getMessage());
      return;
    }
    // The ARN's own account and region are checked by Arn; a snapshot's fields are checked here.
    String account = accountId != null ? accountId : arn.accountId();
    if (accountId != null && !accountId.isEmpty() && !Arn.isAccountId(accountId)) {
      place.problemAt(start, "AccountId " + quote(accountId) + " is not an account id (12 digits)");
      return;
    }
    // A snapshot names the region global resources were read in as "global".
    if (region != null && !region.isEmpty() && !region.equals("global") && !Arn.isRegion(region)) {
      place.problemAt(start, "Region " + quote(region) + " is not a region name");
      return;
    }
    if (givenAccount != null) {
      if (account.isEmpty()) {
        account = givenAccount;
      } else if (!account.equals(givenAccount)) {
        place.problemAt(
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
    if (!place.clean()) {
      return;
    }
    batch.add(
        new Resource(
            arnText,
            shared.of(account),
            shared.of(region != null ? region : arn.region()),
            shared.of(resourceType != null ? resourceType : arn.resourceType()),
            source,
            tags.build()),
        start.getLineNr(),
        start.getColumnNr());
  }

  private void readTags(JsonParser parser, SortedTags.Builder tags) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        place.problem(parser, "expected a tag object {\"Key\": …, \"Value\": …}");
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
          key = place.text(parser, kind, "a tag key");
        } else if ("Value".equals(field)) {
          String text = place.text(parser, kind, "a tag value");
          value = text == null ? "" : text;
        } else {
          parser.skipChildren();
        }
      }
      if (key == null) {
        place.problemAt(start, "tag without a 'Key'");
      } else if (!tags.put(key, value)) {
        place.problemAt(
            start,
            "tag key "
                + quote(key)
                + " is given twice on this resource (AWS allows each key once)");
      }
    }
  }
}
