package io.tagscan.report;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import io.tagscan.model.Suppressed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accumulates the {@link Summary} figures as resources arrive, in memory that grows with the number
 * of accounts and keys, never with the number of resources; thread-safe.
 *
 * <p>Key coverage follows the dictionary: a key is in scope for a resource when it applies to the
 * resource's type. An AWS account (a resource from Organizations) is judged against {@code
 * accounts.mandatory} instead, so it is in scope for a key only when the dictionary requires the
 * key of accounts or the key's {@code applies-to} names accounts explicitly.
 */
final class SummaryBuilder {

  private static final Severity[] SEVERITIES = Severity.values();

  /** Business units named in the summary; the rest are counted together as other. */
  static final int MAX_BUSINESS_UNITS = 50;

  private final List<TagSpec> coverageKeys;
  private final String businessUnitKey;
  private final int maxBusinessUnits;
  private final Set<String> accountKeys;
  private final Map<String, boolean[]> scopeByType = new ConcurrentHashMap<>();
  private final Baseline baseline;
  private final int[] costKeys;

  // Guarded by this.
  private final Figures total;
  private final long[] findingsByRule = new long[RuleId.values().length];
  private final Map<String, Figures> byAccount = new HashMap<>();
  private final long[] waivedByRule = new long[RuleId.values().length];
  private final TreeMap<String, long[]> units = new TreeMap<>();
  private final long[] otherUnits = new long[2];
  private final long[] untaggedUnits = new long[2];
  private long covered;
  private final long[] newFindings = new long[SEVERITIES.length];
  private final long[] worstNew = new long[SEVERITIES.length];
  private final UnallocatableSpend.Tally unallocatable;

  SummaryBuilder(Dictionary dictionary) {
    this(dictionary, MAX_BUSINESS_UNITS, null);
  }

  SummaryBuilder(Dictionary dictionary, Baseline baseline) {
    this(dictionary, MAX_BUSINESS_UNITS, baseline);
  }

  SummaryBuilder(Dictionary dictionary, int maxBusinessUnits) {
    this(dictionary, maxBusinessUnits, null);
  }

  SummaryBuilder(Dictionary dictionary, int maxBusinessUnits, Baseline baseline) {
    this.baseline = baseline;
    this.coverageKeys =
        dictionary.tags().stream()
            .filter(spec -> spec.mandatory() || spec.costAllocation())
            .toList();
    this.accountKeys = Set.copyOf(dictionary.accountMandatory());
    this.total = new Figures(coverageKeys.size());
    this.costKeys =
        java.util.stream.IntStream.range(0, coverageKeys.size())
            .filter(i -> coverageKeys.get(i).costAllocation())
            .toArray();
    this.unallocatable =
        new UnallocatableSpend.Tally(
            java.util.Arrays.stream(costKeys).mapToObj(i -> coverageKeys.get(i).key()).toList());
    this.businessUnitKey = businessUnitKey(dictionary);
    this.maxBusinessUnits = maxBusinessUnits;
  }

  /**
   * The dictionary key that names a resource's business unit: the first declared key ending in
   * {@code business-unit}, else the first such key required of accounts, else null.
   */
  static String businessUnitKey(Dictionary dictionary) {
    for (TagSpec spec : dictionary.tags()) {
      if (spec.key().endsWith("business-unit")) {
        return spec.key();
      }
    }
    for (String key : dictionary.accountMandatory()) {
      if (key.endsWith("business-unit")) {
        return key;
      }
    }
    return null;
  }

  /** Counts one resource; one whose tags are unknown was not judged and is not counted. */
  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  void add(CheckedResource checked) {
    if (!checked.tagsKnown()) {
      return;
    }
    Resource resource = checked.resource();
    boolean[] scope = scopeByType.computeIfAbsent(scopeKey(resource), type -> scope(resource));
    boolean[] tagged = new boolean[coverageKeys.size()];
    for (int i = 0; i < tagged.length; i++) {
      String value = resource.tags().get(coverageKeys.get(i).key());
      tagged[i] = scope[i] && value != null && !value.isBlank();
    }
    Severity worst = null;
    int[] bySeverity = new int[SEVERITIES.length];
    for (Finding finding : checked.findings()) {
      bySeverity[finding.severity().ordinal()]++;
      if (worst == null || finding.severity().atLeast(worst)) {
        worst = finding.severity();
      }
    }
    boolean compliant = checked.compliant();
    int[] newBySeverity = new int[SEVERITIES.length];
    Severity worstNewFinding = null;
    int inBaseline = 0;
    if (baseline != null) {
      for (Finding finding : checked.findings()) {
        if (baseline.covers(resource.arn(), finding)) {
          inBaseline++;
        } else {
          newBySeverity[finding.severity().ordinal()]++;
          if (worstNewFinding == null || finding.severity().atLeast(worstNewFinding)) {
            worstNewFinding = finding.severity();
          }
        }
      }
    }
    synchronized (this) {
      covered += inBaseline;
      for (int i = 0; i < newBySeverity.length; i++) {
        newFindings[i] += newBySeverity[i];
      }
      if (worstNewFinding != null) {
        worstNew[worstNewFinding.ordinal()]++;
      }
      for (Finding finding : checked.findings()) {
        findingsByRule[finding.rule().ordinal()]++;
      }
      for (Suppressed waived : checked.suppressed()) {
        waivedByRule[waived.finding().rule().ordinal()]++;
      }
      total.add(compliant, bySeverity, worst, scope, tagged);
      byAccount
          .computeIfAbsent(resource.accountId(), id -> new Figures(coverageKeys.size()))
          .add(compliant, bySeverity, worst, scope, tagged);
      if (businessUnitKey != null) {
        countUnit(resource.tags().get(businessUnitKey), compliant);
      }
      if (checked.cost() != null) {
        boolean[] costScope = new boolean[costKeys.length];
        for (int i = 0; i < costKeys.length; i++) {
          costScope[i] = scope[costKeys[i]];
        }
        unallocatable.add(checked, costScope);
      }
    }
  }

  /**
   * Keeps the alphabetically first values by name and counts the rest as other, so the same
   * resources give the same groups whatever order they arrive in: a value pushed out by a smaller
   * one can never come back, since the values kept are all smaller than it.
   */
  private void countUnit(String value, boolean compliant) {
    long[] counts;
    if (value == null || value.isBlank()) {
      counts = untaggedUnits;
    } else {
      counts = units.get(value);
      if (counts == null) {
        boolean full = units.size() >= maxBusinessUnits;
        if (full && (units.isEmpty() || value.compareTo(units.lastKey()) > 0)) {
          counts = otherUnits;
        } else {
          if (full) {
            long[] evicted = units.pollLastEntry().getValue();
            otherUnits[0] += evicted[0];
            otherUnits[1] += evicted[1];
          }
          counts = new long[2];
          units.put(value, counts);
        }
      }
    }
    counts[0]++;
    if (compliant) {
      counts[1]++;
    }
  }

  private static String scopeKey(Resource resource) {
    return resource.source() == Source.ORGANIZATIONS
        ? "\0account\0" + resource.resourceType()
        : resource.resourceType();
  }

  private boolean[] scope(Resource resource) {
    boolean[] scope = new boolean[coverageKeys.size()];
    boolean account = resource.source() == Source.ORGANIZATIONS;
    for (int i = 0; i < scope.length; i++) {
      TagSpec spec = coverageKeys.get(i);
      boolean explicit = !spec.appliesTo().isEmpty() && spec.appliesTo(resource.resourceType());
      scope[i] =
          account
              ? accountKeys.contains(spec.key()) || explicit
              : spec.appliesTo(resource.resourceType());
    }
    return scope;
  }

  /**
   * The figures so far; {@code knownAccounts} (accounts the scan covered, with or without
   * resources) appear with zero counts when nothing of theirs arrived.
   */
  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  synchronized Summary snapshot(Collection<String> knownAccounts) {
    SortedMap<String, Long> rules = bySlug(findingsByRule);
    TreeMap<String, Figures> accounts = new TreeMap<>(byAccount);
    for (String id : knownAccounts) {
      accounts.computeIfAbsent(id, key -> new Figures(coverageKeys.size()));
    }
    TreeMap<String, Summary.AccountFigures> figures = new TreeMap<>();
    TreeMap<String, List<Summary.KeyCoverage>> coverage = new TreeMap<>();
    accounts.forEach(
        (id, account) -> {
          figures.put(
              id,
              new Summary.AccountFigures(
                  account.resources,
                  account.compliant,
                  account.resources - account.compliant,
                  bySeverity(account.findings),
                  bySeverity(account.worst)));
          coverage.put(id, account.coverage(coverageKeys));
        });
    return new Summary(
        total.resources,
        total.compliant,
        total.resources - total.compliant,
        bySeverity(total.findings),
        rules,
        bySeverity(total.worst),
        figures,
        total.coverage(coverageKeys),
        coverage,
        bySlug(waivedByRule),
        businessUnits(),
        baseline == null
            ? null
            : new Summary.BaselineFigures(covered, bySeverity(newFindings), bySeverity(worstNew)),
        unallocatable.snapshot());
  }

  /** The counts of the rules that have any, by slug. */
  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  private static SortedMap<String, Long> bySlug(long[] counts) {
    TreeMap<String, Long> rules = new TreeMap<>();
    for (RuleId rule : RuleId.values()) {
      if (counts[rule.ordinal()] > 0) {
        rules.put(rule.slug(), counts[rule.ordinal()]);
      }
    }
    return rules;
  }

  private Summary.BusinessUnits businessUnits() {
    if (businessUnitKey == null) {
      return null;
    }
    TreeMap<String, Summary.Group> named = new TreeMap<>();
    units.forEach((name, counts) -> named.put(name, group(counts)));
    return new Summary.BusinessUnits(
        businessUnitKey, maxBusinessUnits, named, group(otherUnits), group(untaggedUnits));
  }

  private static Summary.Group group(long[] counts) {
    return new Summary.Group(counts[0], counts[1]);
  }

  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  private static Map<Severity, Long> bySeverity(long[] counts) {
    EnumMap<Severity, Long> map = new EnumMap<>(Severity.class);
    for (Severity severity : SEVERITIES) {
      map.put(severity, counts[severity.ordinal()]);
    }
    return map;
  }

  /** The counters of one account or of the whole scan. */
  private static final class Figures {
    long resources;
    long compliant;
    final long[] findings = new long[SEVERITIES.length];
    final long[] worst = new long[SEVERITIES.length];
    final long[] inScope;
    final long[] tagged;

    Figures(int keys) {
      inScope = new long[keys];
      tagged = new long[keys];
    }

    @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
    void add(
        boolean isCompliant,
        int[] bySeverity,
        Severity worstFinding,
        boolean[] scope,
        boolean[] isTagged) {
      resources++;
      if (isCompliant) {
        compliant++;
      }
      for (int i = 0; i < bySeverity.length; i++) {
        findings[i] += bySeverity[i];
      }
      if (worstFinding != null) {
        worst[worstFinding.ordinal()]++;
      }
      for (int i = 0; i < scope.length; i++) {
        if (scope[i]) {
          inScope[i]++;
        }
        if (isTagged[i]) {
          tagged[i]++;
        }
      }
    }

    List<Summary.KeyCoverage> coverage(List<TagSpec> keys) {
      List<Summary.KeyCoverage> list = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        TagSpec spec = keys.get(i);
        list.add(
            new Summary.KeyCoverage(
                spec.key(), spec.mandatory(), spec.costAllocation(), inScope[i], tagged[i]));
      }
      return list;
    }
  }
}
