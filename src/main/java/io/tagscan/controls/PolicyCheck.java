package io.tagscan.controls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.AccountPolicy;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares one account's effective tag policy and required tags with the dictionary: mandatory keys
 * the policy does not require, keys in another case, allowed values that differ, required keys the
 * dictionary does not know, no policy at all, and the validation errors Organizations found. Pure:
 * the policy was read elsewhere.
 */
public final class PolicyCheck {

  private static final String ALL = ":ALL_SUPPORTED";

  /** Findings in rule order, then by key. */
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::rule)
          .thenComparing(f -> Objects.requireNonNullElse(f.key(), ""))
          .thenComparing(f -> Objects.requireNonNullElse(f.value(), ""))
          .thenComparing(Finding::message);

  private final Dictionary dictionary;

  public PolicyCheck(Dictionary dictionary) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
  }

  /** A key as the policy states it: its spelling, allowed values (null: any) and required types. */
  private record PolicyKey(String tagKey, List<String> values, Set<String> requiredFor) {}

  /** Every finding on the account, in a stable order. */
  public List<Finding> check(AccountPolicy policy) {
    List<Finding> findings = new ArrayList<>();
    Map<String, PolicyKey> keys = new LinkedHashMap<>();
    if (!policy.hasPolicy()) {
      findings.add(
          finding(
              RuleId.TAG_POLICY_MISSING,
              null,
              null,
              "an effective tag policy",
              "attach the policy 'tagscan dictionary export --to tag-policy' writes to the"
                  + " account or an OU above it",
              "the account has no effective tag policy, so no tag policy requires or checks the"
                  + " dictionary's keys there"));
    } else if (!parse(policy.policyContent(), keys)) {
      findings.add(
          finding(
              RuleId.TAG_POLICY_VALIDATION_ERROR,
              null,
              null,
              "a tag policy document",
              null,
              "the effective tag policy is not a tag policy document tagscan can read"));
    }
    for (TagSpec spec : dictionary.tags()) {
      PolicyKey stated = keys.get(spec.key().toLowerCase(Locale.ROOT));
      if (stated != null) {
        keyCase(spec, stated, findings);
        values(spec, stated, findings);
      }
      if (policy.hasPolicy() && spec.mandatory()) {
        required(spec, stated, policy, findings);
      }
    }
    unknown(keys, policy, findings);
    for (AccountPolicy.ValidationError error : policy.validationErrors()) {
      findings.add(
          finding(
              RuleId.TAG_POLICY_VALIDATION_ERROR,
              null,
              error.code(),
              null,
              error.path().isEmpty() ? null : "correct the tag policy at " + error.path(),
              "Organizations reports "
                  + (error.code().isEmpty() ? "an error" : error.code())
                  + (error.path().isEmpty() ? "" : " at " + error.path())
                  + " in the effective tag policy"
                  + (error.message().isEmpty() ? "" : ": " + error.message())));
    }
    findings.sort(ORDER);
    return List.copyOf(findings);
  }

  private void keyCase(TagSpec spec, PolicyKey stated, List<Finding> findings) {
    if (stated.tagKey().equals(spec.key())) {
      return;
    }
    findings.add(
        finding(
            RuleId.TAG_POLICY_KEY_CASE,
            spec.key(),
            stated.tagKey(),
            spec.key(),
            "set the policy's tag_key to " + Names.quote(spec.key()),
            "the tag policy spells "
                + Names.quote(spec.key())
                + " as "
                + Names.quote(stated.tagKey())
                + ", so resources tagged as the dictionary says do not comply with it"));
  }

  private void values(TagSpec spec, PolicyKey stated, List<Finding> findings) {
    if (spec.values() != null && spec.values().patternSource() != null) {
      // A pattern cannot be said in a tag policy, so there is nothing to compare it with.
      return;
    }
    List<String> allowed = spec.values() == null ? null : spec.values().allowed();
    if (Objects.equals(
        allowed == null ? null : new TreeSet<>(allowed),
        stated.values() == null ? null : new TreeSet<>(stated.values()))) {
      return;
    }
    String message;
    if (stated.values() == null) {
      message =
          "the tag policy leaves the value unconstrained; the dictionary allows only "
              + list(allowed);
    } else if (allowed == null) {
      message =
          "the tag policy allows only "
              + list(stated.values())
              + "; the dictionary allows any value";
    } else {
      List<String> missing = new ArrayList<>(allowed);
      missing.removeAll(stated.values());
      List<String> extra = new ArrayList<>(stated.values());
      extra.removeAll(allowed);
      List<String> parts = new ArrayList<>();
      if (!missing.isEmpty()) {
        parts.add("missing from the policy: " + list(missing));
      }
      if (!extra.isEmpty()) {
        parts.add("extra in the policy: " + list(extra));
      }
      message =
          "the tag policy's allowed values differ from the dictionary's: "
              + String.join("; ", parts);
    }
    findings.add(
        finding(
            RuleId.TAG_POLICY_VALUES_DIFFER,
            spec.key(),
            stated.values() == null ? null : String.join(", ", stated.values()),
            allowed == null ? "any value" : "one of: " + String.join(", ", allowed),
            allowed == null
                ? "remove tag_value from " + Names.quote(spec.key())
                : "set tag_value of " + Names.quote(spec.key()) + " to " + list(allowed),
            message));
  }

  private void required(
      TagSpec spec, PolicyKey stated, AccountPolicy policy, List<Finding> findings) {
    List<String> types = TagPolicyExport.requiredFor(spec, new ArrayList<>());
    if (types.isEmpty()) {
      return;
    }
    Set<String> requiredFor = stated == null ? Set.of() : stated.requiredFor();
    List<String> missing = new ArrayList<>();
    for (String type : types) {
      String service = type.substring(0, Math.max(0, type.indexOf(':')));
      if (!requiredFor.contains(type) && !requiredFor.contains(service + ALL)) {
        missing.add(type);
      }
    }
    String lower = spec.key().toLowerCase(Locale.ROOT);
    List<String> regions = new ArrayList<>();
    for (String region : policy.regionsRead()) {
      boolean reported =
          policy.requiredTags().stream()
              .filter(r -> r.region().equals(region))
              .flatMap(r -> r.keys().stream())
              .anyMatch(k -> k.toLowerCase(Locale.ROOT).equals(lower));
      if (!reported) {
        regions.add(region);
      }
    }
    if (missing.isEmpty() && regions.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("the effective policy does not require it for " + String.join(", ", missing));
    }
    if (!regions.isEmpty()) {
      parts.add(
          "ListRequiredTags reports it for no resource type in " + String.join(", ", regions));
    }
    findings.add(
        finding(
            RuleId.TAG_POLICY_MISSING_REQUIRED_KEY,
            spec.key(),
            null,
            "required for " + String.join(", ", types),
            "add "
                + String.join(", ", missing.isEmpty() ? types : missing)
                + " to report_required_tag_for of "
                + Names.quote(spec.key()),
            "the dictionary makes "
                + Names.quote(spec.key())
                + " mandatory, but "
                + String.join("; ", parts)));
  }

  private void unknown(Map<String, PolicyKey> keys, AccountPolicy policy, List<Finding> findings) {
    Set<String> declared = new TreeSet<>();
    dictionary.tags().forEach(spec -> declared.add(spec.key().toLowerCase(Locale.ROOT)));
    Map<String, String> required = new TreeMap<>();
    keys.forEach(
        (name, key) -> {
          if (!key.requiredFor().isEmpty()) {
            required.putIfAbsent(name, key.tagKey());
          }
        });
    for (AccountPolicy.RequiredTags tags : policy.requiredTags()) {
      tags.keys().forEach(key -> required.putIfAbsent(key.toLowerCase(Locale.ROOT), key));
    }
    required.forEach(
        (name, key) -> {
          if (!declared.contains(name)) {
            findings.add(
                finding(
                    RuleId.TAG_POLICY_UNKNOWN_KEY,
                    key,
                    null,
                    "a key the dictionary declares",
                    "declare "
                        + Names.quote(key)
                        + " in the dictionary, or drop it from the tag policy",
                    "the tag policy requires "
                        + Names.quote(key)
                        + ", which the dictionary does not declare"));
          }
        });
  }

  private Finding finding(
      RuleId rule, String key, String value, String expected, String fix, String message) {
    Severity severity = dictionary.severity(rule);
    return new Finding(rule, severity, key, value, expected, fix, message);
  }

  private static String list(List<String> values) {
    return String.join(", ", values.stream().map(Names::quote).toList());
  }

  /** Reads {@code tags} of the document into {@code keys}; false when it is not a tag policy. */
  private static boolean parse(String content, Map<String, PolicyKey> keys) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(content);
    } catch (JsonProcessingException e) {
      return false;
    }
    if (root == null || !root.isObject()) {
      return false;
    }
    JsonNode tags = root.path("tags");
    if (tags.isMissingNode()) {
      // A policy that names no key at all.
      return true;
    }
    if (!tags.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> entry : tags.properties()) {
      JsonNode key = entry.getValue();
      List<String> spelled = strings(key.get("tag_key"));
      String tagKey = spelled == null || spelled.isEmpty() ? entry.getKey() : spelled.get(0);
      List<String> values = strings(key.get("tag_value"));
      List<String> requiredFor = strings(key.get("report_required_tag_for"));
      keys.put(
          tagKey.toLowerCase(Locale.ROOT),
          new PolicyKey(
              tagKey, values, requiredFor == null ? Set.of() : new LinkedHashSet<>(requiredFor)));
    }
    return true;
  }

  /** The strings of a field, bare (effective policies) or under @@assign; null when absent. */
  private static List<String> strings(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode value = node.isObject() ? node.get("@@assign") : node;
    if (value == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (value.isTextual()) {
      out.add(value.asText());
    } else {
      value.forEach(item -> out.add(item.asText()));
    }
    return out;
  }
}
