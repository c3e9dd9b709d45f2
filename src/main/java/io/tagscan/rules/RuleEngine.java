package io.tagscan.rules;

import static io.tagscan.rules.Texts.quote;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Exemption;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.PlannedResource;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Suppressed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Checks resources and accounts against a tagging dictionary and a set of exemptions; immutable
 * once built and safe to call from many threads.
 *
 * <p>For each resource the tags are first resolved once against the dictionary: for every key, the
 * tag that stands for it — the exact key, else the key in another letter case, else a declared
 * alias or a near-miss spelling ({@code CostCenter}, {@code cost_center}, {@code
 * finance:cost-center}). Every rule then reads that one resolution, so one problem yields one
 * finding: a key in another case is a {@code key-case-mismatch} and not also missing, an alias is a
 * {@code key-alias} and not also undeclared, and the value rules judge the value of whichever tag
 * stands for the key. Decisions worth knowing:
 *
 * <ul>
 *   <li>{@code applies-to} limits where a key is mandatory ({@code missing-mandatory-tag}, {@code
 *       empty-value}); a key present on a resource outside its scope is still recognised under any
 *       spelling (and renamed) and its value still judged, because a wrong spelling or value is
 *       wrong wherever it appears.
 *   <li>{@code undeclared-key} and {@code key-convention} are independent and may both fire on one
 *       tag: one says the dictionary does not know the key, the other how its spelling breaks the
 *       conventions. Teams that only want one switch the other off.
 *   <li>A rule switched off (absent from {@code severities}) is not judged at all, and its problem
 *       is not passed on to another rule: with {@code value-case-mismatch} off, {@code Production}
 *       is accepted rather than reported as {@code value-not-allowed}.
 *   <li>{@code untagged-resource} fires only for resources found by direct discovery; see {@link
 *       UntaggedResourceRule}.
 *   <li>Keys with a reserved prefix ({@code aws:}) are never judged, never counted toward the
 *       50-tag limit, and dictionary entries for such keys are ignored.
 *   <li>Exemptions for account findings are matched against the account's ARN ({@code
 *       arn:aws:organizations::MANAGEMENT:account/o-ORG/ID}), so a glob such as {@code
 *       arn:aws:organizations::*:account/*111122223333} waives one account.
 * </ul>
 *
 * <p>Findings come back sorted by severity (errors first), then key (resource-wide findings first),
 * then rule slug.
 */
public final class RuleEngine {

  /** The order every finding list comes in. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::key, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(finding -> finding.rule().slug());

  private static final Comparator<Suppressed> SUPPRESSED_ORDER =
      Comparator.comparing(Suppressed::finding, ORDER);

  @SuppressWarnings("UnnecessaryLambda") // a sentinel: run() tells it apart by identity
  private static final Function<String, SortedMap<String, String>> NO_DOMAINS = arn -> null;

  private final CompiledDictionary dictionary;
  private final Severity[] severities;
  private final ResourceRule[] rules;
  private final ExemptionFilter exemptions;

  /**
   * Prepares every lookup table once.
   *
   * @param today the day exemptions are judged against (the engine never reads a clock)
   */
  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  public RuleEngine(Dictionary dictionary, List<Exemption> exemptions, LocalDate today) {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(exemptions, "exemptions");
    Objects.requireNonNull(today, "today");
    this.dictionary = new CompiledDictionary(dictionary);
    this.severities = new Severity[RuleId.values().length];
    for (RuleId id : RuleId.values()) {
      severities[id.ordinal()] = dictionary.severity(id);
    }
    List<ResourceRule> enabled = new ArrayList<>();
    for (Map.Entry<RuleId, ResourceRule> entry : RuleRegistry.resourceRules().entrySet()) {
      if (severities[entry.getKey().ordinal()] != null) {
        enabled.add(entry.getValue());
      }
    }
    this.rules = enabled.toArray(new ResourceRule[0]);
    this.exemptions =
        new ExemptionFilter(
            List.copyOf(exemptions), today, severities[RuleId.EXEMPTION_EXPIRED.ordinal()]);
  }

  /** Every finding on the resource that no live exemption waives, in the stable order. */
  public List<Finding> check(Resource resource) {
    return check(resource, NO_DOMAINS);
  }

  /**
   * The resource judged as {@link #check(Resource, Function)} does, with the findings a live
   * exemption waived.
   */
  public CheckedResource judge(
      Resource resource, Function<String, SortedMap<String, String>> domainTags) {
    Judged judged = run(resource, domainTags);
    return new CheckedResource(resource, judged.findings(), true, judged.waived());
  }

  /** The account judged as {@link #checkAccount(Account)} does, as the resource it is listed as. */
  public CheckedResource judgeAccount(Account account) {
    Resource asResource = account.asResource();
    Judged judged = runAccount(account);
    return new CheckedResource(asResource, judged.findings(), true, judged.waived());
  }

  /**
   * Every finding on the resource, including {@code sagemaker-tag-not-propagated} against the tags
   * of the SageMaker domain it was created in; {@code domainTags} gives a domain's tags by its ARN,
   * or null for a domain the scan did not read.
   */
  public List<Finding> check(
      Resource resource, Function<String, SortedMap<String, String>> domainTags) {
    return run(resource, domainTags).findings();
  }

  private Judged run(Resource resource, Function<String, SortedMap<String, String>> domainTags) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(domainTags, "domainTags");
    FindingSink sink = new FindingSink(severities);
    if (rules.length > 0) {
      ResolvedResource resolved = new ResolvedResource(dictionary, resource);
      for (ResourceRule rule : rules) {
        rule.check(resolved, sink);
      }
    }
    if (domainTags != NO_DOMAINS) {
      for (Finding finding : PropagationCheck.check(dictionary.dictionary, resource, domainTags)) {
        sink.add(
            finding.rule(),
            finding.key(),
            finding.value(),
            finding.expected(),
            finding.fix(),
            finding.message());
      }
    }
    return finish(resource.arn(), sink);
  }

  /**
   * A resource of a Terraform plan or CloudFormation template judged before it exists, by the same
   * rules as a scan judges its type: the rules that need live AWS (propagation from a SageMaker
   * domain, {@code untagged-resource}, account tags) do not run. A tag whose value is known only at
   * apply is not judged by its value (nor counted as missing) but gets an {@code
   * unknown-until-apply} finding; when tags may be added at apply ({@link
   * PlannedResource#moreTagsUnknown}), a mandatory key that is absent is {@code
   * unknown-until-apply} too, rather than missing. Exemptions match the resource's address or
   * logical id.
   */
  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  public CheckedResource judgePlanned(PlannedResource planned) {
    Resource resource = planned.resource();
    FindingSink raw = new FindingSink(severities);
    if (rules.length > 0) {
      ResolvedResource resolved = new ResolvedResource(dictionary, resource);
      for (ResourceRule rule : rules) {
        rule.check(resolved, raw);
      }
    }
    FindingSink sink = new FindingSink(severities);
    boolean reportUnknown = severities[RuleId.UNKNOWN_UNTIL_APPLY.ordinal()] != null;
    String when =
        resource.source() == io.tagscan.model.Source.TERRAFORM_PLAN
            ? "only after apply"
            : "only at deploy (an intrinsic function)";
    for (FindingSink.Pending pending : raw.pending()) {
      Finding f = pending.finding();
      if (f.key() != null && planned.unknownKeys().contains(f.key()) && judgesValue(f.rule())) {
        continue;
      }
      if (f.rule() == RuleId.MISSING_MANDATORY_TAG && planned.moreTagsUnknown()) {
        if (reportUnknown) {
          sink.add(
              RuleId.UNKNOWN_UNTIL_APPLY,
              f.key(),
              null,
              f.expected(),
              "check the tag once applied, or set it in the configuration: " + f.fix(),
              "mandatory tag "
                  + quote(f.key())
                  + " is not set, but the tags are known "
                  + when
                  + ", which may set it");
        }
        continue;
      }
      String value = f.value();
      String message = f.message();
      if (f.key() != null && planned.unknownKeys().contains(f.key())) {
        // A key rule on a tag whose value is not known yet: say so rather than show a blank.
        value = null;
        message = message.replace(" (value " + quote("") + ")", " (value known " + when + ")");
      }
      sink.add(f.rule(), f.key(), value, f.expected(), f.fix(), message, pending.dictionaryKey());
    }
    if (reportUnknown) {
      for (String key : new java.util.TreeSet<>(planned.unknownKeys())) {
        SpecInfo info = dictionary.exact(key);
        sink.add(
            RuleId.UNKNOWN_UNTIL_APPLY,
            key,
            null,
            info == null ? null : info.expectedPresent(),
            null,
            "the value of the tag "
                + quote(key)
                + " is known only after apply, so it is not judged");
      }
    }
    Judged judged = finish(resource.arn(), true, sink);
    return new CheckedResource(resource, judged.findings(), true, judged.waived());
  }

  /** True for the rules that judge a tag's value, which a value known only after apply escapes. */
  private static boolean judgesValue(RuleId rule) {
    return switch (rule) {
      case EMPTY_VALUE,
          VALUE_CASE_MISMATCH,
          VALUE_NOT_ALLOWED,
          VALUE_PATTERN_MISMATCH,
          PII_IN_TAG,
          TAG_LIMIT ->
          true;
      default -> false;
    };
  }

  /**
   * The finding the value rules give {@code value} of the declared {@code key}, judged as the value
   * of that key on a resource in its scope, or null when the value is valid, the key is not
   * declared (or reserved), or the rule it would draw is switched off. Spend grouped by a tag in
   * Cost Explorer or a billing export is judged by this, so it draws exactly the verdicts resources
   * do.
   */
  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  public Finding checkValue(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    SpecInfo info = dictionary.exact(key);
    if (info == null) {
      return null;
    }
    ValueVerdict verdict = info.judge(value, true);
    RuleId rule =
        switch (verdict) {
          case OK -> null;
          case EMPTY -> RuleId.EMPTY_VALUE;
          case CASE_MISMATCH -> RuleId.VALUE_CASE_MISMATCH;
          case NOT_ALLOWED -> RuleId.VALUE_NOT_ALLOWED;
          case PATTERN_MISMATCH -> RuleId.VALUE_PATTERN_MISMATCH;
        };
    if (rule == null || severities[rule.ordinal()] == null) {
      return null;
    }
    FindingSink sink = new FindingSink(severities);
    ValueRules.report(verdict, info, key, value, sink);
    return sink.pending().get(0).finding();
  }

  /** The dictionary's lookup tables, for the fix planner's resolution of the same tags. */
  CompiledDictionary compiled() {
    return dictionary;
  }

  /** The severity the dictionary gives a rule, or null when it switches the rule off. */
  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  public Severity severity(RuleId rule) {
    return severities[rule.ordinal()];
  }

  /**
   * The {@code account-missing-tag} findings on an account: one per key of the dictionary's {@code
   * accounts.mandatory} the account lacks or leaves blank.
   */
  public List<Finding> checkAccount(Account account) {
    return runAccount(account).findings();
  }

  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  private Judged runAccount(Account account) {
    Objects.requireNonNull(account, "account");
    FindingSink sink = new FindingSink(severities);
    if (severities[RuleId.ACCOUNT_MISSING_TAG.ordinal()] != null) {
      missingAccountTags(account, sink);
    }
    if (severities[RuleId.PII_IN_TAG.ordinal()] != null) {
      // An account's tags are as visible as a resource's, and an owner's e-mail is common there.
      RuleRegistry.resourceRules()
          .get(RuleId.PII_IN_TAG)
          .check(new ResolvedResource(dictionary, account.asResource()), sink);
    }
    return finish(account.arn(), sink);
  }

  private void missingAccountTags(Account account, FindingSink sink) {
    String who =
        "account "
            + account.id()
            + (account.name().isEmpty() ? "" : " (" + quote(account.name()) + ")");
    for (String key : dictionary.dictionary.accountMandatory()) {
      if (dictionary.conventions.isReserved(key)) {
        continue;
      }
      String value = account.tags().get(key);
      if (value != null && !value.isBlank()) {
        continue;
      }
      SpecInfo info = dictionary.exact(key);
      sink.add(
          RuleId.ACCOUNT_MISSING_TAG,
          key,
          value,
          info == null ? "a non-empty value" : info.expectedPresent(),
          "add tag " + quote(key) + " to account " + account.id() + " (Organizations TagResource)",
          value == null
              ? who + " lacks the tag " + quote(key) + " the dictionary requires of accounts"
              : who
                  + " has an empty value for the tag "
                  + quote(key)
                  + " the dictionary requires of accounts");
    }
  }

  private Judged finish(String arn, FindingSink sink) {
    return finish(arn, false, sink);
  }

  private Judged finish(String arn, boolean beforeDeploy, FindingSink sink) {
    if (sink.isEmpty()) {
      return Judged.NOTHING;
    }
    List<Finding> findings;
    List<Suppressed> waived = List.of();
    if (exemptions.isEmpty()) {
      findings = new ArrayList<>(sink.pending().size());
      for (FindingSink.Pending pending : sink.pending()) {
        findings.add(pending.finding());
      }
    } else {
      ExemptionFilter.Applied applied = exemptions.apply(arn, beforeDeploy, sink.pending());
      findings = applied.standing();
      waived = applied.waived();
      waived.sort(SUPPRESSED_ORDER);
      if (findings.isEmpty()) {
        return new Judged(List.of(), waived);
      }
    }
    findings.sort(ORDER);
    return new Judged(Collections.unmodifiableList(findings), waived);
  }

  /** The findings that stand, in order, and those a live exemption waived, in the same order. */
  private record Judged(List<Finding> findings, List<Suppressed> waived) {
    static final Judged NOTHING = new Judged(List.of(), List.of());
  }
}
