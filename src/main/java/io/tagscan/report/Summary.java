package io.tagscan.report;

import io.tagscan.model.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of a whole scan, accumulated as resources arrive: counts of resources and findings,
 * findings by severity, rule (slug) and account, and how well each mandatory or cost-allocation key
 * is covered, overall and per account.
 *
 * <p>{@code resourcesByWorstFinding} counts resources by the most severe finding they carry;
 * resources without findings are not in it. Severity maps always hold all three severities. {@code
 * waivedByRule} counts by rule the findings exemptions waived (rules with none are absent). {@code
 * businessUnits} is null when the dictionary names no business-unit key; {@code baseline} is null
 * without {@code --baseline}; {@code unallocatable} is null when no resource has a cost.
 */
public record Summary(
    long resources,
    long compliant,
    long noncompliant,
    Map<Severity, Long> findingsBySeverity,
    SortedMap<String, Long> findingsByRule,
    Map<Severity, Long> resourcesByWorstFinding,
    SortedMap<String, AccountFigures> findingsByAccount,
    List<KeyCoverage> coverage,
    SortedMap<String, List<KeyCoverage>> coverageByAccount,
    SortedMap<String, Long> waivedByRule,
    BusinessUnits businessUnits,
    BaselineFigures baseline,
    UnallocatableSpend unallocatable) {

  /**
   * With {@code --baseline}: how many findings the baseline holds, and per severity the findings it
   * does not hold and the resources by their worst such finding.
   */
  public record BaselineFigures(
      long covered, Map<Severity, Long> newBySeverity, Map<Severity, Long> resourcesByWorstNew) {
    public BaselineFigures {
      if (covered < 0) {
        throw new IllegalArgumentException("counts cannot be negative");
      }
      newBySeverity = bySeverity(newBySeverity);
      resourcesByWorstNew = bySeverity(resourcesByWorstNew);
    }
  }

  /** Every finding exemptions waived, whatever its rule. */
  public long findingsWaived() {
    long total = 0;
    for (long count : waivedByRule.values()) {
      total += count;
    }
    return total;
  }

  /**
   * The findings that fail the run at {@code threshold}: every finding at or above it, or with a
   * baseline only those the baseline does not hold; 0 when the threshold is null (never).
   */
  public long failingFindings(Severity threshold) {
    return baseline == null
        ? findingsAtOrAbove(threshold)
        : sumAtOrAbove(baseline.newBySeverity(), threshold);
  }

  /** The resources carrying a finding that fails the run at {@code threshold}. */
  public long failingResources(Severity threshold) {
    return baseline == null
        ? resourcesAtOrAbove(threshold)
        : sumAtOrAbove(baseline.resourcesByWorstNew(), threshold);
  }

  public Summary {
    waivedByRule = Collections.unmodifiableSortedMap(new TreeMap<>(waivedByRule));
    for (long count : waivedByRule.values()) {
      if (count <= 0) {
        throw new IllegalArgumentException("a rule's waived findings must be a positive count");
      }
    }
    checkCounts(resources, compliant, noncompliant);
    findingsBySeverity = bySeverity(findingsBySeverity);
    findingsByRule = Collections.unmodifiableSortedMap(new TreeMap<>(findingsByRule));
    resourcesByWorstFinding = bySeverity(resourcesByWorstFinding);
    findingsByAccount = Collections.unmodifiableSortedMap(new TreeMap<>(findingsByAccount));
    coverage = List.copyOf(coverage);
    TreeMap<String, List<KeyCoverage>> coverageCopy = new TreeMap<>();
    coverageByAccount.forEach((account, keys) -> coverageCopy.put(account, List.copyOf(keys)));
    coverageByAccount = Collections.unmodifiableSortedMap(coverageCopy);
  }

  /**
   * Findings whose severity is {@code threshold} or worse; 0 when the threshold is null (never).
   */
  public long findingsAtOrAbove(Severity threshold) {
    return sumAtOrAbove(findingsBySeverity, threshold);
  }

  /** Resources carrying a finding of {@code threshold} or worse; 0 when the threshold is null. */
  public long resourcesAtOrAbove(Severity threshold) {
    return sumAtOrAbove(resourcesByWorstFinding, threshold);
  }

  /** Resources carrying at least one finding of any severity. */
  public long resourcesWithFindings() {
    return sumAtOrAbove(resourcesByWorstFinding, Severity.INFO);
  }

  /** Every finding of every severity. */
  public long findings() {
    return sumAtOrAbove(findingsBySeverity, Severity.INFO);
  }

  /** Compliant resources over all resources, rounded to 4 decimals; null when there are none. */
  public BigDecimal complianceRate() {
    return rate(compliant, resources);
  }

  /** The figures of the resources of one account. */
  public record AccountFigures(
      long resources,
      long compliant,
      long noncompliant,
      Map<Severity, Long> findingsBySeverity,
      Map<Severity, Long> resourcesByWorstFinding) {

    public AccountFigures {
      checkCounts(resources, compliant, noncompliant);
      findingsBySeverity = bySeverity(findingsBySeverity);
      resourcesByWorstFinding = bySeverity(resourcesByWorstFinding);
    }

    /** Findings whose severity is {@code threshold} or worse; 0 when the threshold is null. */
    public long findingsAtOrAbove(Severity threshold) {
      return sumAtOrAbove(findingsBySeverity, threshold);
    }

    /** Resources carrying a finding of {@code threshold} or worse; 0 when it is null. */
    public long resourcesAtOrAbove(Severity threshold) {
      return sumAtOrAbove(resourcesByWorstFinding, threshold);
    }

    /** Compliant resources over all resources of the account; null when there are none. */
    public BigDecimal complianceRate() {
      return rate(compliant, resources);
    }
  }

  /**
   * How well one dictionary key is covered: {@code inScope} resources are of a type the key applies
   * to, and {@code tagged} of those carry the exact key with a non-blank value.
   */
  public record KeyCoverage(
      String key, boolean mandatory, boolean costAllocation, long inScope, long tagged) {

    public KeyCoverage {
      Objects.requireNonNull(key, "key");
      if (inScope < 0 || tagged < 0 || tagged > inScope) {
        throw new IllegalArgumentException("bad coverage counts for " + key);
      }
    }

    /** Tagged over in-scope resources, rounded to 4 decimals; null when none is in scope. */
    public BigDecimal rate() {
      return Summary.rate(tagged, inScope);
    }
  }

  /** How many resources, and how many of them compliant, fall in one group. */
  public record Group(long resources, long compliant) {

    public Group {
      if (resources < 0 || compliant < 0 || compliant > resources) {
        throw new IllegalArgumentException("bad group counts");
      }
    }

    /** Compliant over all resources of the group; null when it has none. */
    public BigDecimal complianceRate() {
      return rate(compliant, resources);
    }
  }

  /**
   * Judged resources grouped by the value of the business-unit tag {@code key}: the first {@code
   * limit} values in alphabetical order by name, every other value as {@code other}, and resources
   * without the tag (or with a blank value) as {@code untagged}.
   */
  public record BusinessUnits(
      String key, int limit, SortedMap<String, Group> named, Group other, Group untagged) {

    public BusinessUnits {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(other, "other");
      Objects.requireNonNull(untagged, "untagged");
      if (limit < 0 || named.size() > limit) {
        throw new IllegalArgumentException("more business units than the limit of " + limit);
      }
      named = Collections.unmodifiableSortedMap(new TreeMap<>(named));
    }
  }

  /** {@code part / whole} rounded half-up to 4 decimals, without trailing zeros; null for 0/0. */
  static BigDecimal rate(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    BigDecimal rate =
        BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    return rate.signum() == 0 ? BigDecimal.ZERO : rate.stripTrailingZeros();
  }

  private static void checkCounts(long resources, long compliant, long noncompliant) {
    if (resources < 0 || compliant < 0 || noncompliant < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    if (compliant + noncompliant != resources) {
      throw new IllegalArgumentException(
          "compliant ("
              + compliant
              + ") and noncompliant ("
              + noncompliant
              + ") do not add up to "
              + resources
              + " resources");
    }
  }

  private static Map<Severity, Long> bySeverity(Map<Severity, Long> counts) {
    EnumMap<Severity, Long> copy = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      long count = Objects.requireNonNullElse(counts.get(severity), 0L);
      if (count < 0) {
        throw new IllegalArgumentException("counts cannot be negative");
      }
      copy.put(severity, count);
    }
    return Collections.unmodifiableMap(copy);
  }

  private static long sumAtOrAbove(Map<Severity, Long> counts, Severity threshold) {
    if (threshold == null) {
      return 0;
    }
    long sum = 0;
    for (Map.Entry<Severity, Long> entry : counts.entrySet()) {
      if (entry.getKey().atLeast(threshold)) {
        sum += entry.getValue();
      }
    }
    return sum;
  }
}
