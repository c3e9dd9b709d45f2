package io.tagscan.cost;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The spend of one cost-allocation key: a row per account × value × currency (sorted by account,
 * value, currency), and the valid / invalid / untagged totals per account and overall, one entry
 * per currency (never added across currencies).
 */
public record KeySpend(
    String key,
    List<SpendRow> rows,
    SortedMap<String, List<SpendTotals>> byAccount,
    List<SpendTotals> totals) {

  public KeySpend {
    Objects.requireNonNull(key, "key");
    rows = List.copyOf(rows);
    byAccount = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byAccount));
    totals = List.copyOf(totals);
  }

  /** The totals of one account, as {@link #byAccount()} holds them. */
  public List<SpendTotals> account(String accountId) {
    return byAccount.getOrDefault(accountId, List.of());
  }

  /** True when the key's spend comes in more than one currency. */
  public boolean mixedCurrencies() {
    return totals.size() > 1;
  }

  /** The totals by currency, as a map. */
  public Map<String, SpendTotals> totalsByCurrency() {
    java.util.TreeMap<String, SpendTotals> out = new java.util.TreeMap<>();
    totals.forEach(t -> out.put(t.currency(), t));
    return out;
  }
}
