package io.tagscan.rules;

import io.tagscan.dictionary.TagSpec;
import io.tagscan.dictionary.ValueRule;
import io.tagscan.model.EditDistance;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One dictionary key prepared for checking: its allowed values as hash sets and the texts its
 * findings use, all worked out once when the engine is built.
 */
final class SpecInfo {

  /**
   * Values of pattern keys repeat across a scan (a few thousand cost centres, application ids), and
   * an RE2/J match costs far more than a hash lookup, so verdicts are remembered per key up to this
   * many distinct values; beyond it, matching simply runs each time.
   */
  private static final int MAX_REMEMBERED_VALUES = 8192;

  private static final int MAX_REMEMBERED_LENGTH = 128;

  final int index;
  final TagSpec spec;
  final String key;
  final boolean mandatory;
  final ValueRule values;
  private final Set<String> allowed;
  private final Map<String, String> allowedByLowerCase;
  private final ConcurrentHashMap<String, Boolean> patternVerdicts;

  /** True when the key itself is within AWS's length and character limits. */
  final boolean keyWithinLimits;

  /** What a value must be, for {@code expected}: {@code one of: dev, test, production}. */
  final String expectedValue;

  /** What to set the key to, for fixes: {@code one of: dev, test, production}. */
  final String valueChoice;

  /** The fix for a missing tag: {@code add tag 'K' (e.g. '5045')}. */
  final String addFix;

  SpecInfo(int index, TagSpec spec) {
    this.index = index;
    this.spec = spec;
    this.key = spec.key();
    this.mandatory = spec.mandatory();
    this.values = spec.values();
    this.keyWithinLimits =
        !AwsTagLimits.longerThan(key, AwsTagLimits.MAX_KEY_LENGTH) && AwsTagLimits.allAllowed(key);
    this.patternVerdicts =
        values == null || values.pattern() == null ? null : new ConcurrentHashMap<>();
    List<String> allowedList = values == null ? List.of() : values.allowed();
    this.allowed = new HashSet<>(allowedList);
    this.allowedByLowerCase = new HashMap<>();
    for (String value : allowedList) {
      allowedByLowerCase.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
    }
    String example =
        values == null || values.example() == null || values.example().isBlank()
            ? null
            : values.example();
    String pattern = values == null ? null : values.patternSource();
    String oneOf = allowedList.isEmpty() ? null : "one of: " + String.join(", ", allowedList);

    if (oneOf != null && pattern != null) {
      expectedValue = oneOf + ", or matching " + pattern;
      valueChoice = oneOf + ", or a value matching " + pattern;
    } else if (oneOf != null) {
      expectedValue = oneOf;
      valueChoice = oneOf;
    } else if (pattern != null) {
      expectedValue = "matching " + pattern;
      valueChoice =
          "a value matching "
              + pattern
              + (example == null ? "" : " (e.g. " + Texts.quote(example) + ")");
    } else {
      expectedValue = null;
      valueChoice =
          example == null ? "a non-empty value" : "a value such as " + Texts.quote(example);
    }

    String add = "add tag " + Texts.quote(key);
    if (example != null) {
      addFix = add + " (e.g. " + Texts.quote(example) + ")";
    } else if (oneOf != null || pattern != null) {
      addFix = add + " with " + valueChoice;
    } else {
      addFix = add;
    }
  }

  /** What a missing or empty tag should hold, for {@code expected}. */
  String expectedPresent() {
    return expectedValue == null ? "a non-empty value" : expectedValue;
  }

  /** Judges a value of the tag that stands for this key. */
  ValueVerdict judge(String value, boolean inScope) {
    if (mandatory && inScope && value.isBlank()) {
      return ValueVerdict.EMPTY;
    }
    if (values == null) {
      return ValueVerdict.OK;
    }
    if (allowed.contains(value) || (patternVerdicts != null && matchesPattern(value))) {
      return ValueVerdict.OK;
    }
    if (!allowed.isEmpty()) {
      return allowedByLowerCase.containsKey(value.toLowerCase(Locale.ROOT))
          ? ValueVerdict.CASE_MISMATCH
          : ValueVerdict.NOT_ALLOWED;
    }
    return patternVerdicts != null ? ValueVerdict.PATTERN_MISMATCH : ValueVerdict.OK;
  }

  private boolean matchesPattern(String value) {
    Boolean known = patternVerdicts.get(value);
    if (known != null) {
      return known;
    }
    boolean matches = values.matchesPattern(value);
    if (value.length() <= MAX_REMEMBERED_LENGTH && patternVerdicts.size() < MAX_REMEMBERED_VALUES) {
      patternVerdicts.putIfAbsent(value, matches);
    }
    return matches;
  }

  /** The allowed value that equals {@code value} but for case. */
  String allowedIgnoringCase(String value) {
    return allowedByLowerCase.get(value.toLowerCase(Locale.ROOT));
  }

  /**
   * The allowed value nearest to {@code value} when it is a likely typo (at most two edits, and
   * fewer edits than the allowed value has characters), else null; the first in dictionary order
   * wins a tie.
   */
  String nearestAllowed(String value) {
    if (values == null || value.isBlank()) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = 3;
    for (String candidate : values.allowed()) {
      int distance = EditDistance.atMost(lower, candidate.toLowerCase(Locale.ROOT), 2);
      if (distance < bestDistance && distance < candidate.length()) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }
}
