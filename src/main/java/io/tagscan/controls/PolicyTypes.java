package io.tagscan.controls;

import io.tagscan.dictionary.Glob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The resource types tag policies know ({@code tag-policy-types.tsv}), and how the dictionary's
 * {@code applies-to} globs map onto them and back.
 */
final class PolicyTypes {

  private static final String ALL = ":ALL_SUPPORTED";
  private static final Map<String, String> TO_POLICY = new LinkedHashMap<>();
  private static final Map<String, String> FROM_POLICY = new LinkedHashMap<>();

  static {
    for (String[] row : Tables.read("tag-policy-types.tsv", 2)) {
      TO_POLICY.put(row[0], row[1]);
      FROM_POLICY.put(row[1], row[0]);
    }
  }

  private PolicyTypes() {}

  /** The tag-policy types a glob stands for; empty when none has an equivalent. */
  static List<String> of(Glob glob) {
    String pattern = glob.pattern().indexOf(':') < 0 ? glob.pattern() + ":*" : glob.pattern();
    String exact = TO_POLICY.get(pattern);
    if (exact != null) {
      return List.of(exact);
    }
    Glob typed = Glob.of(pattern);
    TreeSet<String> types = new TreeSet<>();
    TO_POLICY.forEach(
        (type, policy) -> {
          if (!type.endsWith(":*") && typed.matches(type)) {
            types.add(policy);
          }
        });
    return List.copyOf(types);
  }

  /** What a key with no {@code applies-to} stands for: every service's ALL_SUPPORTED, sorted. */
  static List<String> everyService() {
    return TO_POLICY.values().stream().filter(t -> t.endsWith(ALL)).sorted().toList();
  }

  /** The dictionary glob for a tag-policy type: {@code sagemaker:ALL_SUPPORTED} is sagemaker:*. */
  static String glob(String policyType) {
    String known = FROM_POLICY.get(policyType);
    if (known != null) {
      return known;
    }
    return policyType.endsWith(ALL)
        ? policyType.substring(0, policyType.length() - ALL.length()) + ":*"
        : policyType;
  }
}
