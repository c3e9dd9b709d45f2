package io.tagscan.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tagscan.model.Account;
import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes the model's records as JSON, one method per shape, so that a snapshot, a JSON report and
 * an account list name the same figures the same way; each method writes into whatever generator,
 * pretty printer and escapes the caller chose.
 */
public final class ModelJson {

  /**
   * Which of an account's fields a document carries; the order of the fields is always the same.
   */
  public enum AccountShape {
    /** The JSON report: id, then name and state when known, then tags. */
    REPORT,
    /** A snapshot: id, name, state, arn, whether the tags could be read, tags. */
    SNAPSHOT,
    /** {@code tagscan accounts}: id, name, state, arn, tags. */
    LISTING
  }

  private ModelJson() {}

  /**
   * An account's fields (not the braces around them, so that a caller may add its own): which ones
   * {@code shape} says.
   */
  public static void accountFields(JsonGenerator json, Account account, AccountShape shape)
      throws IOException {
    json.writeStringField("id", account.id());
    if (shape == AccountShape.REPORT) {
      stringIfPresent(json, "name", account.name());
      stringIfPresent(json, "state", account.state());
    } else {
      json.writeStringField("name", account.name());
      json.writeStringField("state", account.state());
      json.writeStringField("arn", account.arn());
    }
    if (shape == AccountShape.SNAPSHOT) {
      json.writeBooleanField("tagsKnown", account.tagsKnown());
    }
    tagObject(json, "tags", account.tags());
  }

  private static void stringIfPresent(JsonGenerator json, String field, String value)
      throws IOException {
    if (value != null && !value.isEmpty()) {
      json.writeStringField(field, value);
    }
  }

  /** Tags as one object, {@code {"key":"value",…}}, in the map's order. */
  public static void tagObject(JsonGenerator json, String field, Map<String, String> tags)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      json.writeStringField(tag.getKey(), tag.getValue());
    }
    json.writeEndObject();
  }

  /** Tags as AWS writes them, {@code [{"Key":…,"Value":…},…]}, in the map's order. */
  public static void tagList(JsonGenerator json, String field, Map<String, String> tags)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      json.writeStartObject();
      json.writeStringField("Key", tag.getKey());
      json.writeStringField("Value", tag.getValue());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** The errors as an array, in {@link ScanError#ORDER} whatever order they are given in. */
  public static void errors(JsonGenerator json, String field, Collection<ScanError> errors)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (ScanError error : errors.stream().sorted(ScanError.ORDER).toList()) {
      json.writeStartObject();
      json.writeStringField("accountId", error.accountId());
      json.writeStringField("region", error.region());
      json.writeStringField("operation", error.operation());
      json.writeStringField("code", error.code());
      json.writeStringField("message", error.message());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** The SageMaker figures as an array, in the order given. */
  public static void sagemaker(JsonGenerator json, String field, List<SageMakerCoverage> figures)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (SageMakerCoverage pair : figures) {
      json.writeStartObject();
      json.writeStringField("accountId", pair.accountId());
      json.writeStringField("region", pair.region());
      json.writeNumberField("taggingApi", pair.taggingApi());
      json.writeNumberField("listing", pair.listing());
      json.writeNumberField("listingOnly", pair.listingOnly());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** What Resource Explorer gave, as an object; nothing at all when {@code figures} is null. */
  public static void explorer(JsonGenerator json, String field, ExplorerCoverage figures)
      throws IOException {
    if (figures == null) {
      return;
    }
    json.writeObjectFieldStart(field);
    json.writeArrayFieldStart("views");
    for (ExplorerCoverage.View view : figures.views()) {
      json.writeStartObject();
      json.writeStringField("arn", view.arn());
      if (view.lastUpdatedAt() != null) {
        json.writeStringField("lastUpdatedAt", view.lastUpdatedAt().toString());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("resourceTypes");
    for (String type : figures.resourceTypes()) {
      json.writeString(type);
    }
    json.writeEndArray();
    json.writeNumberField("outsideFilters", figures.outsideFilters());
    json.writeNumberField("untaggedTypeSkipped", figures.untaggedTypeSkipped());
    json.writeArrayFieldStart("pairs");
    for (ExplorerCoverage.Pair pair : figures.pairs()) {
      json.writeStartObject();
      json.writeStringField("accountId", pair.accountId());
      json.writeStringField("region", pair.region());
      json.writeNumberField("taggingApi", pair.taggingApi());
      json.writeNumberField("resourceExplorer", pair.resourceExplorer());
      json.writeNumberField("explorerOnly", pair.explorerOnly());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
