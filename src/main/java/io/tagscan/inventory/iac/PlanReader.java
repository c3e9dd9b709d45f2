package io.tagscan.inventory.iac;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.PlannedResource;
import io.tagscan.model.Printable;
import io.tagscan.model.Resource;
import io.tagscan.model.Source;
import io.tagscan.model.SourceLocation;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The resource changes of a Terraform plan ({@code terraform show -json plan.out}), read one entry
 * of {@code resource_changes} at a time: each managed {@code aws_*} or {@code awscc_*} resource the
 * plan creates or updates (replacements included; deletes, no-ops and reads left out) whose schema
 * has tags, with {@code change.after.tags_all} (which holds the provider's {@code default_tags}),
 * else {@code tags}; AWSCC's tags are a list of {@code {key, value}}. What {@code
 * change.after_unknown} marks is known only after apply.
 */
final class PlanReader {

  private final String file;
  private final ObjectMapper mapper;
  private final List<PlannedResource> out;
  private final SortedSet<String> unmapped;

  PlanReader(
      String file, ObjectMapper mapper, List<PlannedResource> out, SortedSet<String> unmapped) {
    this.file = file;
    this.mapper = mapper;
    this.out = out;
    this.unmapped = unmapped;
  }

  /** Reads the array of {@code resource_changes} the parser stands at the start of. */
  void readChanges(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw at(parser.currentTokenLocation(), "'resource_changes' must be a list");
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      JsonLocation start = parser.currentTokenLocation();
      JsonNode change = mapper.readTree(parser);
      if (!change.isObject()) {
        throw at(start, "each of 'resource_changes' must be an object");
      }
      read(change, start);
    }
  }

  private void read(JsonNode change, JsonLocation start) {
    String type = change.path("type").asText("");
    boolean awscc = type.startsWith("awscc_");
    if (!"managed".equals(change.path("mode").asText("managed"))
        || !(type.startsWith("aws_") || awscc)
        || !createsOrUpdates(change.path("change").path("actions"))) {
      return;
    }
    JsonNode after = change.path("change").path("after");
    JsonNode unknown = change.path("change").path("after_unknown");
    if (!after.isObject()) {
      return;
    }
    String address = change.path("address").asText("");
    if (address.isEmpty()) {
      throw at(start, "a resource change has no 'address'");
    }
    SortedMap<String, String> tags = new TreeMap<>();
    Set<String> unknownKeys = new HashSet<>();
    boolean moreUnknown;
    if (awscc) {
      if (!has(after, unknown, "tags")) {
        return;
      }
      moreUnknown = readList(after.path("tags"), unknown.path("tags"), tags, unknownKeys, start);
    } else {
      if (!has(after, unknown, "tags") && !has(after, unknown, "tags_all")) {
        return;
      }
      boolean allKnown = after.path("tags_all").isObject() || !unknown.has("tags_all");
      String field = after.path("tags_all").isObject() ? "tags_all" : "tags";
      moreUnknown =
          readMap(after.path(field), unknown.path(field), tags, unknownKeys, start)
              || !allKnown
              || (unknown.path("tags_all").isBoolean() && unknown.path("tags_all").asBoolean());
    }
    String mapped = IacTypes.of(type);
    if (mapped == null) {
      unmapped.add(type);
    }
    out.add(
        new PlannedResource(
            new Resource(
                address,
                "",
                "",
                mapped == null ? PlannedResource.UNMAPPED_TYPE : mapped,
                Source.TERRAFORM_PLAN,
                tags),
            type,
            mapped != null,
            unknownKeys,
            moreUnknown,
            new SourceLocation(file, start.getLineNr(), start.getColumnNr())));
  }

  private static boolean createsOrUpdates(JsonNode actions) {
    for (JsonNode action : actions) {
      String name = action.asText();
      if (name.equals("create") || name.equals("update")) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(JsonNode after, JsonNode unknown, String field) {
    return after.has(field) || unknown.has(field);
  }

  /** Reads a map of tags; true when the whole map is unknown. */
  private boolean readMap(
      JsonNode map,
      JsonNode unknown,
      SortedMap<String, String> tags,
      Set<String> unknownKeys,
      JsonLocation start) {
    if (unknown.isBoolean() && unknown.asBoolean()) {
      return true;
    }
    if (map.isObject()) {
      for (Map.Entry<String, JsonNode> tag : map.properties()) {
        tags.put(tag.getKey(), text(tag.getValue(), tag.getKey(), start));
      }
    } else if (!map.isNull() && !map.isMissingNode()) {
      throw at(start, "the tags of a resource change must be an object");
    }
    if (unknown.isObject()) {
      for (Map.Entry<String, JsonNode> tag : unknown.properties()) {
        if (tag.getValue().asBoolean(false)) {
          tags.put(tag.getKey(), "");
          unknownKeys.add(tag.getKey());
        }
      }
    }
    return false;
  }

  /** Reads AWSCC's list of {@code {key, value}}; true when tags may be added at apply. */
  private boolean readList(
      JsonNode list,
      JsonNode unknown,
      SortedMap<String, String> tags,
      Set<String> unknownKeys,
      JsonLocation start) {
    if (unknown.isBoolean() && unknown.asBoolean()) {
      return true;
    }
    if (list.isNull() || list.isMissingNode()) {
      return false;
    }
    if (!list.isArray()) {
      throw at(start, "the tags of an AWSCC resource change must be a list of {key, value}");
    }
    boolean more = false;
    for (int i = 0; i < list.size(); i++) {
      JsonNode pair = list.get(i);
      JsonNode marks = unknown.path(i);
      if (marks.path("key").asBoolean(false) || (marks.isBoolean() && marks.asBoolean())) {
        more = true;
        continue;
      }
      if (!pair.path("key").isTextual()) {
        throw at(start, "a tag of an AWSCC resource change has no 'key'");
      }
      String key = pair.path("key").asText();
      if (tags.containsKey(key)) {
        throw at(start, "the tag key '" + Printable.of(key) + "' is given twice");
      }
      if (marks.path("value").asBoolean(false)) {
        tags.put(key, "");
        unknownKeys.add(key);
      } else {
        tags.put(key, text(pair.path("value"), key, start));
      }
    }
    return more;
  }

  private String text(JsonNode value, String key, JsonLocation start) {
    if (value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (!value.isValueNode() || value.isBinary()) {
      throw at(start, "the value of the tag '" + Printable.of(key) + "' must be text");
    }
    return value.asText();
  }

  private InputException at(JsonLocation location, String message) {
    return InputException.of(
        new Diagnostic(file, location.getLineNr(), location.getColumnNr(), message));
  }
}
