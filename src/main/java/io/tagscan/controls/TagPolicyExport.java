package io.tagscan.controls;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Glob;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.dictionary.ValueRule;
import io.tagscan.model.UsageException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dictionary as Organizations tag policies: per key {@code tag_key} in its exact case, {@code
 * tag_value} from the allowed values, {@code report_required_tag_for} for mandatory keys and {@code
 * enforced_for} where asked; split into {@code tagscan-tag-policy-N.json} under the quota.
 */
final class TagPolicyExport {

  /** Organizations' limit on one tag policy, in characters. */
  static final int QUOTA = 10_000;

  static final String PREFIX = "tagscan-tag-policy";

  private TagPolicyExport() {}

  static Export export(Dictionary dictionary, ExportOptions options) {
    List<String> notes = new ArrayList<>();
    List<String> enforce = enforcedTypes(options.enforce());
    List<Map.Entry<String, ObjectNode>> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (TagSpec spec : dictionary.tags()) {
      String name = spec.key().toLowerCase(Locale.ROOT);
      if (!names.add(name)) {
        notes.add(
            note(
                spec,
                "differs only in case from another key; a tag policy names keys"
                    + " case-insensitively, so it is left out"));
        continue;
      }
      entries.add(Map.entry(name, key(spec, enforce, notes)));
    }
    List<List<Map.Entry<String, ObjectNode>>> parts =
        Packing.pack(entries, QUOTA, part -> Json.pretty(policy(part)).length());
    List<ExportedFile> files = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String text = Json.pretty(policy(parts.get(i)));
      if (text.length() > QUOTA) {
        notes.add(
            "note: "
                + Packing.name(PREFIX, i)
                + " is over the "
                + QUOTA
                + "-character quota of a tag policy even with one key");
      }
      files.add(new ExportedFile(Packing.name(PREFIX, i), text));
    }
    return new Export(files, notes);
  }

  private static ObjectNode policy(List<Map.Entry<String, ObjectNode>> entries) {
    ObjectNode tags = Json.object();
    entries.forEach(e -> tags.set(e.getKey(), e.getValue()));
    ObjectNode root = Json.object();
    root.set("tags", tags);
    return root;
  }

  private static ObjectNode key(TagSpec spec, List<String> enforce, List<String> notes) {
    ObjectNode key = Json.object();
    key.set("tag_key", Json.object().put("@@assign", spec.key()));
    List<String> values = values(spec, notes);
    if (!values.isEmpty()) {
      key.set("tag_value", assign(values));
    }
    if (!enforce.isEmpty()) {
      key.set("enforced_for", assign(enforce));
    }
    if (spec.mandatory()) {
      List<String> types = requiredFor(spec, notes);
      if (!types.isEmpty()) {
        key.set("report_required_tag_for", assign(types));
      }
    }
    return key;
  }

  private static List<String> values(TagSpec spec, List<String> notes) {
    ValueRule rule = spec.values();
    if (rule == null) {
      return List.of();
    }
    if (rule.patternSource() != null) {
      notes.add(
          note(
              spec,
              "its pattern cannot be said in a tag policy; its value is left" + " unconstrained"));
      return List.of();
    }
    if (rule.allowed().stream().anyMatch(v -> v.indexOf('*') >= 0)) {
      notes.add(
          note(
              spec,
              "an allowed value holds '*', which a tag policy reads as a wildcard;"
                  + " its value is left unconstrained"));
      return List.of();
    }
    return rule.allowed();
  }

  static List<String> requiredFor(TagSpec spec, List<String> notes) {
    if (spec.appliesTo().isEmpty()) {
      return PolicyTypes.everyService();
    }
    TreeSet<String> types = new TreeSet<>();
    for (Glob glob : spec.appliesTo()) {
      List<String> mapped = PolicyTypes.of(glob);
      if (mapped.isEmpty()) {
        notes.add(
            note(
                spec,
                "applies to "
                    + Names.quote(glob.pattern())
                    + ", which has no tag-policy resource type; not required there"));
      }
      types.addAll(mapped);
    }
    return List.copyOf(types);
  }

  private static List<String> enforcedTypes(List<String> asked) {
    TreeSet<String> types = new TreeSet<>();
    for (String type : asked) {
      List<String> mapped = PolicyTypes.of(Glob.of(type));
      if (mapped.isEmpty() && PolicyTypes.glob(type).equals(type)) {
        throw new UsageException(
            "--enforce: "
                + Names.quote(type)
                + " is not a resource type tag policies enforce, such as 'ec2:instance' or 's3:*'");
      }
      types.addAll(mapped.isEmpty() ? List.of(type) : mapped);
    }
    return List.copyOf(types);
  }

  private static ObjectNode assign(List<String> values) {
    ObjectNode node = Json.object();
    ArrayNode array = node.putArray("@@assign");
    values.forEach(array::add);
    return node;
  }

  static String note(TagSpec spec, String text) {
    return "note: tag " + Names.quote(spec.key()) + ": " + text;
  }
}
