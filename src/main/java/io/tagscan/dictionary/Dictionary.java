package io.tagscan.dictionary;

import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded tagging dictionary: the conventions, every declared key, what accounts and SageMaker
 * domains must carry, and the severity each rule reports with.
 *
 * <p>{@code severities} maps each rule to its severity; a rule missing from the map is switched
 * off. {@code path} and {@code sha256} identify the file it came from (empty when built in code).
 * {@code conventionsMark} is where the {@code conventions} field is written, {@link Mark#NONE} when
 * the file leaves the conventions to their defaults.
 */
public record Dictionary(
    int version,
    String prefix,
    Conventions conventions,
    List<TagSpec> tags,
    List<String> accountMandatory,
    List<String> sagemakerPropagate,
    Map<RuleId, Severity> severities,
    String path,
    String sha256,
    Mark conventionsMark) {

  /** A dictionary whose conventions are not placed in a file. */
  public Dictionary(
      int version,
      String prefix,
      Conventions conventions,
      List<TagSpec> tags,
      List<String> accountMandatory,
      List<String> sagemakerPropagate,
      Map<RuleId, Severity> severities,
      String path,
      String sha256) {
    this(
        version,
        prefix,
        conventions,
        tags,
        accountMandatory,
        sagemakerPropagate,
        severities,
        path,
        sha256,
        Mark.NONE);
  }

  public Dictionary {
    prefix = Objects.requireNonNullElse(prefix, "");
    Objects.requireNonNull(conventions, "conventions");
    tags = List.copyOf(tags);
    accountMandatory = List.copyOf(accountMandatory);
    sagemakerPropagate = List.copyOf(sagemakerPropagate);
    EnumMap<RuleId, Severity> copy = new EnumMap<>(RuleId.class);
    copy.putAll(severities);
    severities = java.util.Collections.unmodifiableMap(copy);
    path = Objects.requireNonNullElse(path, "");
    sha256 = Objects.requireNonNullElse(sha256, "");
    conventionsMark = Objects.requireNonNullElse(conventionsMark, Mark.NONE);
  }

  /** Every rule at its default severity, for dictionaries that override none. */
  public static Map<RuleId, Severity> defaultSeverities() {
    EnumMap<RuleId, Severity> map = new EnumMap<>(RuleId.class);
    for (RuleId id : RuleId.values()) {
      map.put(id, id.defaultSeverity());
    }
    return map;
  }

  /** The severity the rule reports with, or null when the dictionary switches it off. */
  public Severity severity(RuleId rule) {
    return severities.get(rule);
  }

  /** The declared key spelled exactly so, or null. */
  public TagSpec tag(String key) {
    for (TagSpec spec : tags) {
      if (spec.key().equals(key)) {
        return spec;
      }
    }
    return null;
  }
}
