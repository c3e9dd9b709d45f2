package io.tagscan.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Cost;
import io.tagscan.model.Finding;
import io.tagscan.model.Printable;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.SortedTags;
import io.tagscan.model.Source;
import io.tagscan.model.Suppressed;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one resource of a saved report straight from Jackson's token stream into its records, with
 * no JSON tree in between: reading is a third of the time of rendering a saved report, and building
 * a tree for every resource was three quarters of that. The fields a report derives from others
 * ({@code accountName}, {@code compliant}) and fields this version does not know are skipped.
 */
final class SavedResourceParser {

  /** A plain decimal, as reports write amounts: no exponent, so no amount of a million digits. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

  private final JsonParser parser;
  private final SavedSections sections;

  SavedResourceParser(JsonParser parser, SavedSections sections) {
    this.parser = parser;
    this.sections = sections;
  }

  /** The resource whose START_OBJECT the parser is on, placed at {@code at} when it is bad. */
  CheckedResource read(JsonLocation at) throws IOException {
    String arn = null;
    String accountId = null;
    String region = null;
    String resourceType = null;
    Source source = null;
    SortedTags tags = null;
    boolean tagsKnown = true;
    int waived = -1;
    List<Finding> findings = null;
    List<Suppressed> suppressed = List.of();
    Cost cost = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "arn" -> arn = string(field, value, at);
        case "accountId" -> accountId = string(field, value, at);
        case "region" -> region = string(field, value, at);
        case "resourceType" -> resourceType = string(field, value, at);
        case "source" -> {
          source = Source.fromSlug(string(field, value, at));
          if (source == null) {
            throw sections.problem(at, "'source' is not a source tagscan knows");
          }
        }
        case "tags" -> tags = tags(value, at);
        case "tagsKnown" -> tagsKnown = bool(field, value, at);
        case "waived" -> {
          if (value != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 0) {
            throw sections.problem(at, "'waived' must be a count");
          }
          waived = parser.getIntValue();
        }
        case "findings" -> findings = findings(value, at);
        case "suppressed" -> suppressed = suppressed(value, at);
        case "cost" -> cost = cost(value, at);
        default -> parser.skipChildren();
      }
    }
    if (arn == null
        || accountId == null
        || region == null
        || resourceType == null
        || source == null
        || tags == null
        || findings == null) {
      throw sections.problem(
          at,
          "a resource needs arn, accountId, region, resourceType, source, tags and findings"
              + (arn == null ? "" : " ('" + Printable.of(arn) + "')"));
    }
    if (waived >= 0 && waived != suppressed.size()) {
      throw sections.problem(
          at,
          "'waived' counts "
              + waived
              + " findings but 'suppressed' lists "
              + suppressed.size()
              + " ('"
              + Printable.of(arn)
              + "')");
    }
    Resource resource = new Resource(arn, accountId, region, resourceType, source, tags);
    List<Finding> judged = findings;
    List<Suppressed> dropped = suppressed;
    boolean known = tagsKnown;
    Cost charged = cost;
    return sections.checked(
        at, () -> new CheckedResource(resource, judged, known, dropped, charged));
  }

  /** A resource's {@code cost}: an object with a decimal string amount and a currency. */
  private Cost cost(JsonToken value, JsonLocation at) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      throw sections.problem(at, "'cost' must be an object");
    }
    String amount = null;
    String currency = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken next = parser.nextToken();
      switch (field) {
        case "amount" -> amount = string(field, next, at);
        case "currency" -> currency = string(field, next, at);
        default -> parser.skipChildren();
      }
    }
    if (amount == null || currency == null || !DECIMAL.matcher(amount).matches()) {
      throw sections.problem(at, "'cost' needs a decimal string 'amount' and a 'currency'");
    }
    return new Cost(new BigDecimal(amount), currency);
  }

  private SortedTags tags(JsonToken value, JsonLocation at) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      throw sections.problem(at, "'tags' must be an object");
    }
    SortedTags.Builder tags = SortedTags.builder(8);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        throw sections.problem(at, "tag '" + Printable.of(key) + "' must have a string value");
      }
      tags.put(key, parser.getText());
    }
    return tags.build();
  }

  private List<Finding> findings(JsonToken value, JsonLocation at) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw sections.problem(at, "'findings' must be an array");
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonToken next = parser.nextToken();
        next != JsonToken.END_ARRAY;
        next = parser.nextToken()) {
      if (next != JsonToken.START_OBJECT) {
        throw sections.problem(at, "each finding must be an object");
      }
      findings.add(finding(at).finding());
    }
    return findings;
  }

  private List<Suppressed> suppressed(JsonToken value, JsonLocation at) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw sections.problem(at, "'suppressed' must be an array");
    }
    List<Suppressed> suppressed = new ArrayList<>();
    for (JsonToken next = parser.nextToken();
        next != JsonToken.END_ARRAY;
        next = parser.nextToken()) {
      if (next != JsonToken.START_OBJECT) {
        throw sections.problem(at, "each suppressed finding must be an object");
      }
      Suppressed waived = finding(at);
      if (waived.reason().isEmpty()) {
        throw sections.problem(at, "a suppressed finding needs the exemption's reason");
      }
      suppressed.add(waived);
    }
    return suppressed;
  }

  /**
   * A finding, with the reason and place of the exemption that waived it (empty for a finding that
   * stands).
   */
  private Suppressed finding(JsonLocation at) throws IOException {
    RuleId rule = null;
    Severity severity = null;
    String key = null;
    String value = null;
    String expected = null;
    String fix = null;
    String message = null;
    String reason = "";
    String exemption = "";
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (field) {
        case "rule" -> {
          rule = RuleId.fromSlug(string(field, token, at));
          if (rule == null) {
            throw sections.problem(at, "a finding's rule is not one tagscan knows");
          }
        }
        case "severity" -> {
          severity = Severity.fromSlug(string(field, token, at));
          if (severity == null) {
            throw sections.problem(at, "a finding's severity is not error, warning or info");
          }
        }
        case "key" -> key = string(field, token, at);
        case "value" -> value = string(field, token, at);
        case "expected" -> expected = string(field, token, at);
        case "fix" -> fix = string(field, token, at);
        case "message" -> message = string(field, token, at);
        case "reason" -> reason = string(field, token, at);
        case "exemption" -> exemption = string(field, token, at);
        default -> parser.skipChildren();
      }
    }
    if (rule == null || severity == null || message == null) {
      throw sections.problem(at, "a finding needs rule, severity and message");
    }
    return new Suppressed(
        new Finding(rule, severity, key, value, expected, fix, message), reason, exemption);
  }

  private String string(String field, JsonToken token, JsonLocation at) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw sections.problem(at, "'" + field + "' must be a string");
    }
    return parser.getText();
  }

  private boolean bool(String field, JsonToken token, JsonLocation at) {
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw sections.problem(at, "'" + field + "' must be true or false");
    }
    return token == JsonToken.VALUE_TRUE;
  }
}
