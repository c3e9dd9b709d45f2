package io.tagscan.rules;

import static io.tagscan.rules.Texts.quote;

import io.tagscan.model.RuleId;

/**
 * The value rules: {@code empty-value}, {@code value-case-mismatch}, {@code value-not-allowed} and
 * {@code value-pattern-mismatch}. Each reads the one verdict the resolution gave the value of the
 * tag standing for a key (whatever its spelling), so a value draws at most one of them.
 */
final class ValueRules implements ResourceRule {

  private final ValueVerdict verdict;

  private ValueRules(ValueVerdict verdict) {
    this.verdict = verdict;
  }

  static ValueRules emptyValue() {
    return new ValueRules(ValueVerdict.EMPTY);
  }

  static ValueRules caseMismatch() {
    return new ValueRules(ValueVerdict.CASE_MISMATCH);
  }

  static ValueRules notAllowed() {
    return new ValueRules(ValueVerdict.NOT_ALLOWED);
  }

  static ValueRules patternMismatch() {
    return new ValueRules(ValueVerdict.PATTERN_MISMATCH);
  }

  @Override
  public void check(ResolvedResource resource, FindingSink sink) {
    for (SpecInfo info : resource.dictionary.specs) {
      if (resource.verdicts[info.index] == verdict) {
        int t = resource.standing(info);
        report(verdict, info, resource.keys[t], resource.values[t], sink);
      }
    }
  }

  /** Reports a value of the tag standing for {@code info}'s key that drew {@code verdict}. */
  static void report(
      ValueVerdict verdict, SpecInfo info, String key, String value, FindingSink sink) {
    String tag = "tag " + quote(key);
    switch (verdict) {
      case EMPTY ->
          sink.add(
              RuleId.EMPTY_VALUE,
              key,
              value,
              info.expectedPresent(),
              Texts.setToChoice(key, info.valueChoice),
              value.isEmpty()
                  ? "mandatory " + tag + " has an empty value"
                  : "mandatory " + tag + " has the blank value " + quote(value),
              info.key);
      case CASE_MISMATCH -> {
        String right = info.allowedIgnoringCase(value);
        sink.add(
            RuleId.VALUE_CASE_MISMATCH,
            key,
            value,
            info.expectedValue,
            Texts.setTo(key, right),
            tag
                + " has the value "
                + quote(value)
                + ", which differs only in letter case from the allowed value "
                + quote(right),
            info.key);
      }
      case NOT_ALLOWED -> {
        String nearest = info.nearestAllowed(value);
        sink.add(
            RuleId.VALUE_NOT_ALLOWED,
            key,
            value,
            info.expectedValue,
            nearest != null ? Texts.setTo(key, nearest) : Texts.setToChoice(key, info.valueChoice),
            tag + " has the value " + quote(value) + ", which is not one of the allowed values",
            info.key);
      }
      case PATTERN_MISMATCH ->
          sink.add(
              RuleId.VALUE_PATTERN_MISMATCH,
              key,
              value,
              info.expectedValue,
              Texts.setToChoice(key, info.valueChoice),
              tag
                  + " has the value "
                  + quote(value)
                  + ", which does not match the pattern "
                  + info.values.patternSource(),
              info.key);
      case OK -> throw new IllegalStateException("no rule reports a valid value");
    }
  }
}
