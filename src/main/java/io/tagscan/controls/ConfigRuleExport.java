package io.tagscan.controls;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.dictionary.ValueRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The mandatory keys as AWS Config {@code required-tags} managed rules, six keys a rule ({@code
 * tag1Key}, {@code tag1Value} … {@code tag6Key}, {@code tag6Value}): one {@code put-config-rule}
 * file a rule ({@code tagscan-config-rule-N.json}) and one CloudFormation template with them all.
 */
final class ConfigRuleExport {

  /** Keys one {@code required-tags} rule takes. */
  static final int KEYS_PER_RULE = 6;

  /** Characters a Config rule parameter value takes; a longer comma list cannot be said. */
  static final int MAX_VALUE = 256;

  /** Characters of a rule's {@code InputParameters}, as {@code PutConfigRule} takes them. */
  static final int MAX_PARAMETERS = 1_024;

  static final String PREFIX = "tagscan-config-rule";
  static final String TEMPLATE = "tagscan-config-rules.cfn.json";

  private ConfigRuleExport() {}

  /** One key of a rule: its name and the comma list of its values (empty: any value). */
  private record Required(String key, String values) {}

  static Export export(Dictionary dictionary) {
    List<String> notes = new ArrayList<>();
    List<Required> required = new ArrayList<>();
    for (TagSpec spec : dictionary.tags()) {
      if (spec.mandatory()) {
        required.add(new Required(spec.key(), values(spec, notes)));
        if (!spec.appliesTo().isEmpty()) {
          notes.add(
              TagPolicyExport.note(
                  spec,
                  "applies to some resource types only, which one"
                      + " required-tags rule over several keys cannot say; the rule checks every type in"
                      + " its scope"));
        }
      }
    }
    if (required.isEmpty()) {
      notes.add("note: no mandatory key; no Config rule written");
      return new Export(List.of(), notes);
    }
    List<List<Required>> rules = new ArrayList<>();
    for (int i = 0; i < required.size(); i += KEYS_PER_RULE) {
      rules.addAll(
          Packing.pack(
              required.subList(i, Math.min(required.size(), i + KEYS_PER_RULE)),
              MAX_PARAMETERS,
              part -> Json.compact(parameters(part)).length()));
    }
    List<ExportedFile> files = new ArrayList<>();
    ObjectNode resources = Json.object();
    for (int i = 0; i < rules.size(); i++) {
      String name = "tagscan-required-tags-" + (i + 1);
      ObjectNode parameters = parameters(rules.get(i));
      ObjectNode rule = Json.object();
      rule.put("ConfigRuleName", name);
      rule.put(
          "Description",
          "Resources carry the mandatory tags of the tagging dictionary"
              + " (made by tagscan dictionary export).");
      rule.set("Source", source());
      rule.put("InputParameters", Json.compact(parameters));
      files.add(new ExportedFile(Packing.name(PREFIX, i), Json.pretty(rule)));
      ObjectNode properties = Json.object();
      properties.put("ConfigRuleName", name);
      properties.set("Source", source());
      properties.set("InputParameters", parameters);
      ObjectNode resource = Json.object();
      resource.put("Type", "AWS::Config::ConfigRule");
      resource.set("Properties", properties);
      resources.set("TagscanRequiredTags" + (i + 1), resource);
    }
    ObjectNode template = Json.object();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put("Description", "AWS Config required-tags rules from the tagging dictionary.");
    template.set("Resources", resources);
    files.add(new ExportedFile(TEMPLATE, Json.pretty(template)));
    return new Export(files, notes);
  }

  private static ObjectNode source() {
    return Json.object().put("Owner", "AWS").put("SourceIdentifier", "REQUIRED_TAGS");
  }

  private static ObjectNode parameters(List<Required> keys) {
    ObjectNode parameters = Json.object();
    for (int i = 0; i < keys.size(); i++) {
      parameters.put("tag" + (i + 1) + "Key", keys.get(i).key());
      if (!keys.get(i).values().isEmpty()) {
        parameters.put("tag" + (i + 1) + "Value", keys.get(i).values());
      }
    }
    return parameters;
  }

  private static String values(TagSpec spec, List<String> notes) {
    ValueRule rule = spec.values();
    if (rule == null) {
      return "";
    }
    if (rule.patternSource() != null) {
      notes.add(
          TagPolicyExport.note(
              spec,
              "its pattern cannot be said in a required-tags rule;" + " only the key is required"));
      return "";
    }
    if (rule.allowed().stream().anyMatch(v -> v.indexOf(',') >= 0 || v.isEmpty())) {
      notes.add(
          TagPolicyExport.note(
              spec,
              "an allowed value is empty or holds a comma, which the"
                  + " rule's comma list cannot say; only the key is required"));
      return "";
    }
    String list = String.join(",", rule.allowed());
    if (list.length() > MAX_VALUE) {
      notes.add(
          TagPolicyExport.note(
              spec,
              "its allowed values make more than "
                  + MAX_VALUE
                  + " characters as a comma list; only the key is required"));
      return "";
    }
    return list;
  }
}
