package io.tagscan.rules;

import io.tagscan.model.RuleId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every rule that judges a single resource, by id. The engine runs those the dictionary switches
 * on, in this order; findings are sorted afterwards, so the order here never shows.
 *
 * <p>Not here: {@code account-missing-tag} judges accounts ({@link RuleEngine#checkAccount}),
 * {@code exemption-expired} judges exemptions after the rules ran, and {@code
 * sagemaker-tag-not-propagated} needs the tags of the SageMaker domain, which a single resource
 * does not carry; a rule for it registers here once resources bring their domain's tags along.
 */
final class RuleRegistry {

  private static final Map<RuleId, ResourceRule> RULES = build();

  private RuleRegistry() {}

  private static Map<RuleId, ResourceRule> build() {
    EnumMap<RuleId, ResourceRule> rules = new EnumMap<>(RuleId.class);
    rules.put(RuleId.MISSING_MANDATORY_TAG, new MissingMandatoryTagRule());
    rules.put(RuleId.KEY_CASE_MISMATCH, KeySpellingRule.caseMismatch());
    rules.put(RuleId.KEY_ALIAS, KeySpellingRule.alias());
    rules.put(RuleId.EMPTY_VALUE, ValueRules.emptyValue());
    rules.put(RuleId.VALUE_CASE_MISMATCH, ValueRules.caseMismatch());
    rules.put(RuleId.VALUE_NOT_ALLOWED, ValueRules.notAllowed());
    rules.put(RuleId.VALUE_PATTERN_MISMATCH, ValueRules.patternMismatch());
    rules.put(RuleId.KEY_CONVENTION, new KeyConventionRule());
    rules.put(RuleId.UNDECLARED_KEY, new UndeclaredKeyRule());
    rules.put(RuleId.PII_IN_TAG, new PiiInTagRule());
    rules.put(RuleId.TAG_LIMIT, new TagLimitRule());
    rules.put(RuleId.UNTAGGED_RESOURCE, new UntaggedResourceRule());
    return Collections.unmodifiableMap(rules);
  }

  /** The resource rules by id. */
  static Map<RuleId, ResourceRule> resourceRules() {
    return RULES;
  }
}
