package io.tagscan.controls;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dictionary as service control policies: per mandatory key, deny its in-scope create actions
 * when the request lacks the key ({@code Null} on {@code aws:RequestTag/KEY}); and deny removing a
 * mandatory key ({@code ForAnyValue:StringEquals} on {@code aws:TagKeys}); split into {@code
 * tagscan-scp-N.json} under the quota.
 */
final class ScpExport {

  /** Organizations' limit on one SCP, in characters. */
  static final int QUOTA = 5_120;

  static final String PREFIX = "tagscan-scp";

  private ScpExport() {}

  static Export export(Dictionary dictionary, ExportOptions options) {
    Set<String> unknown = new TreeSet<>(options.excludeActions());
    unknown.removeAll(CreateActions.names());
    if (!unknown.isEmpty()) {
      throw new UsageException(
          "--exclude-actions: not a create action tagscan knows: "
              + String.join(", ", unknown.stream().map(Names::quote).toList()));
    }
    List<String> notes = new ArrayList<>();
    List<ObjectNode> statements = new ArrayList<>();
    Map<List<String>, List<String>> keysByUntag = new TreeMap<>(ScpExport::compareLists);
    for (TagSpec spec : dictionary.tags()) {
      if (!spec.mandatory()) {
        continue;
      }
      List<CreateActions.Action> actions = CreateActions.inScope(spec, options.excludeActions());
      if (actions.isEmpty()) {
        notes.add(
            TagPolicyExport.note(
                spec, "no create action in its scope takes tags; no SCP" + " statement for it"));
        continue;
      }
      statements.addAll(
          requireOnCreate(spec, actions.stream().map(CreateActions.Action::name).toList()));
      List<String> untag = CreateActions.untagActions(actions);
      if (!untag.isEmpty()) {
        keysByUntag.computeIfAbsent(untag, u -> new ArrayList<>()).add(spec.key());
      }
    }
    keysByUntag.forEach((untag, keys) -> statements.add(denyRemoval(untag, keys)));
    if (statements.isEmpty()) {
      notes.add("note: no mandatory key has a create action in scope; no SCP written");
      return new Export(List.of(), notes);
    }
    List<List<ObjectNode>> parts =
        Packing.pack(statements, QUOTA, part -> Json.pretty(policy(part)).length());
    List<ExportedFile> files = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      files.add(new ExportedFile(Packing.name(PREFIX, i), Json.pretty(policy(parts.get(i)))));
    }
    return new Export(files, notes);
  }

  /** One statement, or several with fewer actions each when one would not fit a policy. */
  private static List<ObjectNode> requireOnCreate(TagSpec spec, List<String> actions) {
    ObjectNode statement = Json.object();
    statement.put("Sid", Names.alphanumeric("Require", spec.key()));
    statement.put("Effect", "Deny");
    ArrayNode array = statement.putArray("Action");
    actions.forEach(array::add);
    statement.put("Resource", "*");
    statement.set(
        "Condition",
        Json.object().set("Null", Json.object().put("aws:RequestTag/" + spec.key(), "true")));
    if (actions.size() == 1 || Json.pretty(policy(List.of(statement))).length() <= QUOTA) {
      return List.of(statement);
    }
    int half = actions.size() / 2;
    List<ObjectNode> split = new ArrayList<>(requireOnCreate(spec, actions.subList(0, half)));
    List<ObjectNode> rest = requireOnCreate(spec, actions.subList(half, actions.size()));
    for (int i = 0; i < rest.size(); i++) {
      rest.get(i).put("Sid", rest.get(i).get("Sid").asText() + "Part" + (split.size() + i + 1));
    }
    split.addAll(rest);
    return split;
  }

  private static ObjectNode denyRemoval(List<String> untag, List<String> keys) {
    ObjectNode statement = Json.object();
    statement.put("Sid", Names.alphanumeric("KeepMandatoryTags", untag.toArray(String[]::new)));
    statement.put("Effect", "Deny");
    ArrayNode actions = statement.putArray("Action");
    untag.forEach(actions::add);
    statement.put("Resource", "*");
    ObjectNode condition = Json.object();
    ArrayNode array = condition.putArray("aws:TagKeys");
    keys.forEach(array::add);
    statement.set("Condition", Json.object().set("ForAnyValue:StringEquals", condition));
    return statement;
  }

  private static ObjectNode policy(List<ObjectNode> statements) {
    ObjectNode root = Json.object();
    root.put("Version", "2012-10-17");
    ArrayNode array = root.putArray("Statement");
    statements.forEach(array::add);
    return root;
  }

  private static int compareLists(List<String> a, List<String> b) {
    return String.join("\n", a).compareTo(String.join("\n", b));
  }
}
