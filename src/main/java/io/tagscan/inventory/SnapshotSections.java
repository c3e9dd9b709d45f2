package io.tagscan.inventory;

import static io.tagscan.inventory.InputPlace.quote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tagscan.model.Account;
import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the parts of a tagscan snapshot that an AWS CLI export does not have: the accounts with
 * their own tags, the SageMaker and Resource Explorer figures and the errors the live scan
 * recorded. Each record's account and region are checked as an ARN's are, so no text of the file's
 * author stands as one.
 */
final class SnapshotSections {

  private final InputPlace place;
  private final ScanListener listener;
  private final List<SageMakerCoverage> sagemaker;
  private final List<ExplorerCoverage> explorer;

  SnapshotSections(
      InputPlace place,
      ScanListener listener,
      List<SageMakerCoverage> sagemaker,
      List<ExplorerCoverage> explorer) {
    this.place = place;
    this.listener = listener;
    this.sagemaker = sagemaker;
    this.explorer = explorer;
  }

  void readAccounts(JsonParser parser) throws IOException {
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
          case "id" -> id = place.text(parser, value, "the account id");
          case "name" -> name = place.text(parser, value, "the account name");
          case "state" -> state = place.text(parser, value, "the account state");
          case "arn" -> arn = place.text(parser, value, "the account ARN");
          case "tagsKnown" -> tagsKnown = value != JsonToken.VALUE_FALSE;
          case "tags" -> readStringMap(parser, value, tags);
          default -> parser.skipChildren();
        }
      }
      if (id == null) {
        place.problem(parser, "account without an 'id'");
      } else if (!Arn.isAccountId(id)) {
        place.problem(parser, "account id " + quote(id) + " is not 12 digits");
      } else {
        Account account = Account.of(id, name, state, tags, arn);
        listener.account(tagsKnown ? account : account.withUnknownTags());
      }
    }
  }

  void readSageMaker(JsonParser parser) throws IOException {
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
        place.problem(
            parser,
            "invalid SageMaker figures: "
                + (e instanceof NumberFormatException
                    ? "the counts must be whole numbers"
                    : e.getMessage()));
      }
    }
  }

  /** Reads the Resource Explorer figures, written as the JSON report's {@code resourceExplorer}. */
  void readExplorer(JsonParser parser) throws IOException {
    List<ExplorerCoverage.View> views = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<ExplorerCoverage.Pair> pairs = new ArrayList<>();
    long outside = 0;
    long skipped = 0;
    boolean valid = true;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "views" -> {
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of views")) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              valid &= readView(parser, scalarFields(parser), views);
            }
          }
        }
        case "resourceTypes" -> {
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of resource types")) {
            for (JsonToken type = parser.nextToken();
                type != JsonToken.END_ARRAY;
                type = parser.nextToken()) {
              String text = place.text(parser, type, "a resource type");
              if (text != null) {
                types.add(text);
              }
            }
          }
        }
        case "outsideFilters", "untaggedTypeSkipped" -> {
          if (value != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 0) {
            place.problem(parser, "'" + field + "' must be a whole number, 0 or more");
            parser.skipChildren();
            valid = false;
          } else if (field.equals("outsideFilters")) {
            outside = parser.getLongValue();
          } else {
            skipped = parser.getLongValue();
          }
        }
        case "pairs" -> {
          if (place.expect(parser, value, JsonToken.START_ARRAY, "a list of figures")) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              valid &= readExplorerPair(parser, scalarFields(parser), pairs);
            }
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (valid) {
      explorer.add(new ExplorerCoverage(views, types, outside, skipped, pairs));
    }
  }

  private boolean readView(
      JsonParser parser, Map<String, String> fields, List<ExplorerCoverage.View> views) {
    String arn = fields.get("arn");
    if (arn == null) {
      place.problem(parser, "Resource Explorer view without an 'arn'");
      return false;
    }
    try {
      String updated = fields.get("lastUpdatedAt");
      views.add(new ExplorerCoverage.View(arn, updated == null ? null : Instant.parse(updated)));
      return true;
    } catch (DateTimeParseException e) {
      place.problem(parser, "the view's lastUpdatedAt is not an ISO-8601 instant");
      return false;
    }
  }

  private boolean readExplorerPair(
      JsonParser parser, Map<String, String> fields, List<ExplorerCoverage.Pair> pairs) {
    if (!isPlace(parser, "Resource Explorer figures", fields)) {
      return false;
    }
    try {
      pairs.add(
          new ExplorerCoverage.Pair(
              fields.getOrDefault("accountId", ""),
              fields.getOrDefault("region", ""),
              Integer.parseInt(fields.getOrDefault("taggingApi", "0")),
              Integer.parseInt(fields.getOrDefault("resourceExplorer", "0")),
              Integer.parseInt(fields.getOrDefault("explorerOnly", "0"))));
      return true;
    } catch (IllegalArgumentException e) {
      place.problem(
          parser,
          "invalid Resource Explorer figures: "
              + (e instanceof NumberFormatException
                  ? "the counts must be whole numbers"
                  : e.getMessage()));
      return false;
    }
  }

  void readErrors(JsonParser parser) throws IOException {
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

  /**
   * True when a snapshot record's {@code accountId} and {@code region} are each absent, empty or
   * what they claim to be; otherwise says which is not, at the record's end.
   */
  private boolean isPlace(JsonParser parser, String what, Map<String, String> fields) {
    String account = fields.getOrDefault("accountId", "");
    String region = fields.getOrDefault("region", "");
    if (!account.isEmpty() && !Arn.isAccountId(account)) {
      place.problem(parser, what + " for account " + quote(account) + ", which is not 12 digits");
      return false;
    }
    if (!region.isEmpty() && !region.equals("global") && !Arn.isRegion(region)) {
      place.problem(parser, what + " for region " + quote(region) + ", which is not a region name");
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

  private void readStringMap(JsonParser parser, JsonToken value, Map<String, String> into)
      throws IOException {
    if (!place.expect(parser, value, JsonToken.START_OBJECT, "an object of tags")) {
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonToken kind = parser.nextToken();
      String text = place.text(parser, kind, "a tag value");
      into.put(key, text == null ? "" : text);
    }
  }
}
