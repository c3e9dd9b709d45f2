package io.tagscan.controls;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.TagSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The allowed values as Service Catalog TagOptions: the {@code {Key, Value}} pairs {@code
 * create-tag-option} takes ({@code tagscan-tag-options.json}) and a CloudFormation template of
 * {@code AWS::ServiceCatalog::TagOption} resources ({@code tagscan-tag-options.cfn.json}).
 */
final class TagOptionsExport {

  static final String LIST = "tagscan-tag-options.json";
  static final String TEMPLATE = "tagscan-tag-options.cfn.json";

  private TagOptionsExport() {}

  static Export export(Dictionary dictionary) {
    List<String> notes = new ArrayList<>();
    ArrayNode pairs = Json.mapper().createArrayNode();
    ObjectNode resources = Json.object();
    for (TagSpec spec : dictionary.tags()) {
      if (spec.values() == null) {
        continue;
      }
      if (spec.values().patternSource() != null) {
        notes.add(
            TagPolicyExport.note(
                spec,
                "its pattern cannot be said as TagOptions, which"
                    + " list values; "
                    + (spec.values().allowed().isEmpty()
                        ? "no TagOption for it"
                        : "only its allowed values are TagOptions")));
      }
      for (String value : spec.values().allowed()) {
        pairs.add(Json.object().put("Key", spec.key()).put("Value", value));
        ObjectNode resource = Json.object();
        resource.put("Type", "AWS::ServiceCatalog::TagOption");
        resource.set(
            "Properties",
            Json.object().put("Key", spec.key()).put("Value", value).put("Active", true));
        resources.set(Names.alphanumeric("TagOption", spec.key(), value), resource);
      }
    }
    if (pairs.isEmpty()) {
      notes.add("note: no key has allowed values; no TagOptions written");
      return new Export(List.of(), notes);
    }
    ObjectNode template = Json.object();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put("Description", "Service Catalog TagOptions from the tagging dictionary.");
    template.set("Resources", resources);
    return new Export(
        List.of(
            new ExportedFile(LIST, Json.pretty(pairs)),
            new ExportedFile(TEMPLATE, Json.pretty(template))),
        notes);
  }
}
