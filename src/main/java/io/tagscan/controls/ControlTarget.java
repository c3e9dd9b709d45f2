package io.tagscan.controls;

import io.tagscan.dictionary.Dictionary;
import java.util.Arrays;
import java.util.List;

/** The controls a dictionary can be exported to, each looked up by its slug. */
public enum ControlTarget {
  TAG_POLICY("tag-policy") {
    @Override
    public Export export(Dictionary dictionary, ExportOptions options) {
      return TagPolicyExport.export(dictionary, options);
    }
  },
  SCP("scp") {
    @Override
    public Export export(Dictionary dictionary, ExportOptions options) {
      return ScpExport.export(dictionary, options);
    }
  },
  CONFIG_RULE("config-rule") {
    @Override
    public Export export(Dictionary dictionary, ExportOptions options) {
      return ConfigRuleExport.export(dictionary);
    }
  },
  TAG_OPTIONS("tag-options") {
    @Override
    public Export export(Dictionary dictionary, ExportOptions options) {
      return TagOptionsExport.export(dictionary);
    }
  };

  private final String slug;

  ControlTarget(String slug) {
    this.slug = slug;
  }

  /** The name used on the command line. */
  public String slug() {
    return slug;
  }

  /** The files and notes this target makes of the dictionary. */
  public abstract Export export(Dictionary dictionary, ExportOptions options);

  /** The target of that slug, or null. */
  public static ControlTarget bySlug(String slug) {
    return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst().orElse(null);
  }

  /** Every slug, in declaration order, for help text and messages. */
  public static List<String> slugs() {
    return Arrays.stream(values()).map(ControlTarget::slug).toList();
  }
}
