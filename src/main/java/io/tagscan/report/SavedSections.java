package io.tagscan.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import io.tagscan.dictionary.Conventions;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Glob;
import io.tagscan.dictionary.Mark;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.Account;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The parts of a saved report around its resources (the tool, the scan, the dictionary's keys, the
 * summary's rates, the accounts and the errors), read from their JSON trees into records; every
 * problem is placed in the file at the part it is in.
 */
final class SavedSections {

  private final String file;

  /** Reads the parts of the file named so (already made printable). */
  SavedSections(String file) {
    this.file = file;
  }

  String tool(JsonNode tool, JsonLocation at) {
    if (!tool.isObject() || !"tagscan".equals(tool.path("name").asText(null))) {
      throw problem(at, "not a tagscan JSON report: tool.name is not 'tagscan'");
    }
    return text(tool, "version", at);
  }

  ScanInfo scanInfo(JsonNode scan, JsonLocation at) {
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
                sagemaker,
                explorer(scan.get("resourceExplorer"), at),
                scan.has("notes") ? strings(scan.get("notes"), "scan.notes", at) : List.of()));
  }

  /** The Resource Explorer figures, or null when the report has none. */
  private ExplorerCoverage explorer(JsonNode saved, JsonLocation at) {
    if (saved == null || saved.isNull()) {
      return null;
    }
    if (!saved.isObject()) {
      throw problem(at, "scan.resourceExplorer is not an object");
    }
    List<ExplorerCoverage.View> views = new ArrayList<>();
    for (JsonNode view : array(saved.get("views"), "scan.resourceExplorer.views", at)) {
      JsonNode updated = view.get("lastUpdatedAt");
      views.add(
          new ExplorerCoverage.View(
              text(view, "arn", at), updated == null ? null : instant(view, "lastUpdatedAt", at)));
    }
    List<ExplorerCoverage.Pair> pairs = new ArrayList<>();
    for (JsonNode pair : array(saved.get("pairs"), "scan.resourceExplorer.pairs", at)) {
      pairs.add(
          checked(
              at,
              () ->
                  new ExplorerCoverage.Pair(
                      text(pair, "accountId", at),
                      text(pair, "region", at),
                      count(pair, "taggingApi", at),
                      count(pair, "resourceExplorer", at),
                      count(pair, "explorerOnly", at))));
    }
    return checked(
        at,
        () ->
            new ExplorerCoverage(
                views,
                strings(saved.get("resourceTypes"), "scan.resourceExplorer.resourceTypes", at),
                count(saved, "outsideFilters", at),
                count(saved, "untaggedTypeSkipped", at),
                pairs));
  }

  Dictionary dictionary(JsonNode saved, ScanInfo info, JsonLocation at) {
    if (saved.get("keys") == null || saved.get("accountMandatory") == null) {
      throw problem(
          at,
          "the report does not record the dictionary's keys (scan.dictionary.keys), which an"
              + " older tagscan left out; scan again to get a report that can be rendered");
    }
    List<TagSpec> tags = new ArrayList<>();
    for (JsonNode key : array(saved.get("keys"), "scan.dictionary.keys", at)) {
      Mark mark = mark(key, at);
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
              mark.line(),
              mark.column()));
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
        info.dictionarySha256(),
        saved.has("conventionsAt") ? mark(saved.get("conventionsAt"), at) : Mark.NONE);
  }

  /** A place in the dictionary; {@link Mark#NONE} when the report does not record it. */
  private Mark mark(JsonNode owner, JsonLocation at) {
    if (!owner.has("line")) {
      return Mark.NONE;
    }
    return new Mark(count(owner, "line", at), count(owner, "column", at));
  }

  List<Summary.KeyCoverage> coverage(JsonNode coverage, JsonLocation at) {
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

  List<Account> accounts(JsonNode accounts, JsonLocation at) {
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

  Map<String, String> tags(JsonNode owner, JsonLocation at) {
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

  JsonNode object(JsonNode owner, String field, JsonLocation at) {
    JsonNode node = owner.get(field);
    if (node == null || !node.isObject()) {
      throw problem(at, "'" + field + "' must be an object");
    }
    return node;
  }

  List<JsonNode> array(JsonNode node, String field, JsonLocation at) {
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

  String text(JsonNode owner, String field, JsonLocation at) {
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

  static BigDecimal rate(JsonNode node) {
    return node == null || !node.isNumber() ? null : node.decimalValue();
  }

  /** Builds a record, turning its own checks on the values into a placed problem. */
  <T> T checked(JsonLocation at, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw problem(at, Printable.of(e.getMessage()));
    }
  }

  InputException problem(JsonLocation at, String message) {
    return InputException.of(
        new Diagnostic(
            file,
            at == null ? 0 : Math.max(0, at.getLineNr()),
            at == null ? 0 : Math.max(0, at.getColumnNr()),
            message));
  }

  /** The scan errors of the report's {@code errors} array. */
  List<ScanError> errors(JsonNode errors, JsonLocation at) {
    List<ScanError> found = new ArrayList<>();
    for (JsonNode error : array(errors, "errors", at)) {
      found.add(
          new ScanError(
              text(error, "accountId", at),
              text(error, "region", at),
              text(error, "operation", at),
              text(error, "code", at),
              text(error, "message", at)));
    }
    return found;
  }
}
