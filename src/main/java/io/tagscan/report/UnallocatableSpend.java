package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Cost;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.Suppressed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a billing export charged the scanned resources ({@code priced}, one amount per currency),
 * and per cost-allocation key how much of it went to resources in the key's scope that lack a valid
 * value for it: untagged, blank, or a value the dictionary's value rules reject (waived or not,
 * since Billing allocates by the value the resource carries). Per key in total and per account;
 * amounts in different currencies are never added.
 */
public record UnallocatableSpend(List<Cost> priced, List<KeyAmounts> keys) {

  public UnallocatableSpend {
    priced = List.copyOf(priced);
    keys = List.copyOf(keys);
  }

  /** The unallocatable spend of one key: per currency, and per account (only accounts with any). */
  public record KeyAmounts(String key, List<Cost> totals, SortedMap<String, List<Cost>> byAccount) {
    public KeyAmounts {
      Objects.requireNonNull(key, "key");
      totals = List.copyOf(totals);
      TreeMap<String, List<Cost>> accounts = new TreeMap<>();
      byAccount.forEach((a, c) -> accounts.put(a, List.copyOf(c)));
      byAccount = Collections.unmodifiableSortedMap(accounts);
    }
  }

  /** The rules that say a present value is not a valid one. */
  private static final Set<RuleId> VALUE_RULES =
      Set.of(
          RuleId.EMPTY_VALUE,
          RuleId.VALUE_NOT_ALLOWED,
          RuleId.VALUE_PATTERN_MISMATCH,
          RuleId.VALUE_CASE_MISMATCH);

  /**
   * Sums as resources arrive, in memory that grows with keys, accounts and currencies only; not
   * thread-safe (the summary builder holds its lock).
   */
  static final class Tally {
    private final List<String> keys;
    private final TreeMap<String, BigDecimal> priced = new TreeMap<>();
    private final List<TreeMap<String, TreeMap<String, BigDecimal>>> byKey = new ArrayList<>();

    Tally(List<String> keys) {
      this.keys = List.copyOf(keys);
      keys.forEach(k -> byKey.add(new TreeMap<>()));
    }

    /** Counts one priced resource; {@code inScope[i]} says whether key i applies to it. */
    void add(CheckedResource checked, boolean[] inScope) {
      Cost cost = checked.cost();
      priced.merge(cost.currency(), cost.amount(), BigDecimal::add);
      Map<String, String> tags = checked.resource().tags();
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i);
        String value = tags.get(key);
        if (inScope[i] && (value == null || value.isBlank() || rejected(checked, key))) {
          byKey
              .get(i)
              .computeIfAbsent(checked.resource().accountId(), a -> new TreeMap<>())
              .merge(cost.currency(), cost.amount(), BigDecimal::add);
        }
      }
    }

    private static boolean rejected(CheckedResource checked, String key) {
      for (Finding f : checked.findings()) {
        if (VALUE_RULES.contains(f.rule()) && key.equals(f.key())) {
          return true;
        }
      }
      for (Suppressed s : checked.suppressed()) {
        if (VALUE_RULES.contains(s.finding().rule()) && key.equals(s.finding().key())) {
          return true;
        }
      }
      return false;
    }

    /** The figures, or null when no resource was priced. */
    UnallocatableSpend snapshot() {
      if (priced.isEmpty()) {
        return null;
      }
      List<KeyAmounts> out = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        TreeMap<String, BigDecimal> totals = new TreeMap<>();
        priced.keySet().forEach(currency -> totals.put(currency, BigDecimal.ZERO));
        TreeMap<String, List<Cost>> accounts = new TreeMap<>();
        byKey
            .get(i)
            .forEach(
                (account, amounts) -> {
                  accounts.put(account, costs(amounts));
                  amounts.forEach((c, a) -> totals.merge(c, a, BigDecimal::add));
                });
        out.add(new KeyAmounts(keys.get(i), costs(totals), accounts));
      }
      return new UnallocatableSpend(costs(priced), out);
    }

    private static List<Cost> costs(Map<String, BigDecimal> amounts) {
      List<Cost> out = new ArrayList<>();
      amounts.forEach((currency, amount) -> out.add(new Cost(amount, currency)));
      return out;
    }
  }
}
