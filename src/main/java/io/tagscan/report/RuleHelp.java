package io.tagscan.report;

import io.tagscan.model.RuleId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each rule checks, in one sentence and in full, for readers that show a rule's help next to
 * its findings (SARIF's {@code tool.driver.rules}); the README's rules table says the same.
 */
final class RuleHelp {

  /** One rule's help: a short description and a fuller one. */
  record Text(String shortDescription, String fullDescription) {
    Text {
      Objects.requireNonNull(shortDescription, "shortDescription");
      Objects.requireNonNull(fullDescription, "fullDescription");
    }
  }

  private static final Map<RuleId, Text> HELP = build();

  private RuleHelp() {}

  /** The help of a rule; every rule has one. */
  static Text of(RuleId rule) {
    return HELP.get(rule);
  }

  private static Map<RuleId, Text> build() {
    EnumMap<RuleId, Text> help = new EnumMap<>(RuleId.class);
    help.put(
        RuleId.MISSING_MANDATORY_TAG,
        new Text(
            "A mandatory tag is missing.",
            "A key the dictionary marks mandatory, in scope for this resource type (applies-to),"
                + " is absent. Fix: add the tag with a value the dictionary allows."));
    help.put(
        RuleId.KEY_CASE_MISMATCH,
        new Text(
            "A tag key is spelt in another letter case.",
            "The key is there in another case (Anycompany:Workload:Environment); AWS tag keys are"
                + " case sensitive. Fix: rename the tag to the dictionary's spelling."));
    help.put(
        RuleId.KEY_ALIAS,
        new Text(
            "An alias or near-miss stands in for a dictionary key.",
            "A declared alias or a near-miss spelling stands for the key (CostCenter, cost_center,"
                + " finance:cost-center). Fix: rename the tag to the dictionary key."));
    help.put(
        RuleId.VALUE_NOT_ALLOWED,
        new Text(
            "A tag value is outside the allowed set.",
            "The value is not one of the key's allowed values. Fix: set one of them (the nearest"
                + " allowed value is suggested)."));
    help.put(
        RuleId.VALUE_PATTERN_MISMATCH,
        new Text(
            "A tag value does not match the key's pattern.",
            "The value does not match the pattern the dictionary gives for the key (and the key has"
                + " no allowed list). Fix: set a value that matches."));
    help.put(
        RuleId.VALUE_CASE_MISMATCH,
        new Text(
            "A tag value is an allowed one but for letter case.",
            "The value matches an allowed value except for case (Production); AWS tag values are"
                + " case sensitive. Fix: set the value in the right case."));
    help.put(
        RuleId.EMPTY_VALUE,
        new Text(
            "A mandatory tag has an empty value.",
            "A mandatory key is present with an empty or blank value. Fix: set a value the"
                + " dictionary allows."));
    help.put(
        RuleId.KEY_CONVENTION,
        new Text(
            "An undeclared tag key breaks the naming conventions.",
            "An undeclared, non-reserved key breaks the dictionary's conventions (key case, word"
                + " separator, prefix). Fix: rename it to the conventional spelling suggested."));
    help.put(
        RuleId.UNDECLARED_KEY,
        new Text(
            "A tag key is not in the dictionary.",
            "A key that is neither declared in the dictionary nor reserved (aws:); its severity"
                + " comes from the dictionary's undeclared-keys convention. Fix: declare the key"
                + " or remove the tag."));
    help.put(
        RuleId.PII_IN_TAG,
        new Text(
            "A tag looks like personal data.",
            "A tag value (or key) looks like personal data: an e-mail address, a phone number, a"
                + " payment card number or a US SSN. Tags are unencrypted and visible to anyone who"
                + " can list resources. Fix: replace it with a non-personal identifier."));
    help.put(
        RuleId.TAG_LIMIT,
        new Text(
            "A resource's tags break an AWS tag limit.",
            "More than 50 user tags, a key over 128 or a value over 256 characters, or characters"
                + " AWS rejects in keys. Fix: shorten or remove tags as the finding says."));
    help.put(
        RuleId.ACCOUNT_MISSING_TAG,
        new Text(
            "An AWS account lacks a tag the dictionary requires of accounts.",
            "The account lacks (or leaves empty) a key of the dictionary's accounts.mandatory."
                + " Fix: add the tag to the account (Organizations TagResource)."));
    help.put(
        RuleId.SAGEMAKER_TAG_NOT_PROPAGATED,
        new Text(
            "A SageMaker resource lacks a tag its domain carries.",
            "A SageMaker resource created in a domain lacks, or has another value for, a"
                + " sagemaker.propagate key the domain carries. Fix: copy the domain's tag."));
    help.put(
        RuleId.UNTAGGED_RESOURCE,
        new Text(
            "A resource carries no user tag at all.",
            "A resource found by direct discovery (not the Tagging API), such as a SageMaker"
                + " resource, carries no user tag. Fix: add the dictionary's mandatory tags."));
    help.put(
        RuleId.EXEMPTION_EXPIRED,
        new Text(
            "An exemption has expired.",
            "An exemption matched a finding but its expiry date has passed, so the finding it"
                + " waived stands again. Fix: renew or remove the exemption."));
    help.put(
        RuleId.COST_ALLOCATION_TAG_INACTIVE,
        new Text(
            "A cost-allocation key is not activated in Billing.",
            "tagscan cost: a key the dictionary marks cost-allocation is not active in Billing (or"
                + " Billing never saw it), so its spend is invisible in Cost Explorer and in"
                + " exports. Fix: aws ce update-cost-allocation-tags-status, as the finding says."));
    help.put(
        RuleId.COST_ALLOCATION_TAG_UNUSED,
        new Text(
            "A cost-allocation key has carried no spend yet.",
            "tagscan cost: a cost-allocation key is active in Billing but no spend has carried it"
                + " yet (LastUsedDate empty). Fix: tag the resources that should carry it."));
    help.put(
        RuleId.TAG_POLICY_MISSING,
        new Text(
            "An account has no effective tag policy.",
            "tagscan policy check: DescribeEffectivePolicy found no tag policy for the account, so"
                + " none of the dictionary's keys is required or checked there. Fix: attach the"
                + " policy tagscan dictionary export --to tag-policy writes."));
    help.put(
        RuleId.TAG_POLICY_MISSING_REQUIRED_KEY,
        new Text(
            "The tag policy does not require a mandatory key.",
            "tagscan policy check: a key the dictionary makes mandatory is not in the effective"
                + " policy's report_required_tag_for for the resource types its applies-to maps to,"
                + " or ListRequiredTags does not report it in a region. Fix: add the types to the"
                + " key's report_required_tag_for."));
    help.put(
        RuleId.TAG_POLICY_KEY_CASE,
        new Text(
            "The tag policy spells a key in another case.",
            "tagscan policy check: the effective policy's tag_key differs from the dictionary's key"
                + " only by case, so resources tagged as the dictionary says break the policy."
                + " Fix: set tag_key to the dictionary's spelling."));
    help.put(
        RuleId.TAG_POLICY_VALUES_DIFFER,
        new Text(
            "The tag policy allows other values than the dictionary.",
            "tagscan policy check: the effective policy's tag_value and the dictionary's allowed"
                + " values differ; the finding names the values missing from the policy and the"
                + " extra ones. Fix: set tag_value to the dictionary's allowed values."));
    help.put(
        RuleId.TAG_POLICY_UNKNOWN_KEY,
        new Text(
            "The tag policy requires a key the dictionary does not declare.",
            "tagscan policy check: the effective policy (or ListRequiredTags) requires a key that"
                + " is not in the dictionary. Fix: declare the key, or drop it from the policy."));
    help.put(
        RuleId.TAG_POLICY_VALIDATION_ERROR,
        new Text(
            "Organizations found an error in the effective tag policy.",
            "tagscan policy check: ListEffectivePolicyValidationErrors reports an error in the"
                + " account's effective tag policy, at the path the finding names. Fix: correct"
                + " the contributing policies the message names."));
    help.put(
        RuleId.UNKNOWN_UNTIL_APPLY,
        new Text(
            "A tag is known only at apply or deploy time.",
            "tagscan check: a Terraform plan marks the value as known after apply, or a"
                + " CloudFormation template computes it with an intrinsic function (!Ref, !Sub, …),"
                + " so it cannot be judged before deploy; a scan judges it once deployed."));
    for (RuleId rule : RuleId.values()) {
      if (!help.containsKey(rule)) {
        throw new IllegalStateException("no help for rule " + rule.slug());
      }
    }
    return Map.copyOf(help);
  }
}
