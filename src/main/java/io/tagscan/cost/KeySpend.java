package io.tagscan.cost;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The spend of one cost-allocation key: a row per account × value × currency (sorted by account,
 * value, currency), and the valid / invalid / untagged totals per account and overall, one entry
 * per currency (never added across currencies). When the key had more distinct values than the
 * judge keeps apart, {@code valueLimit} is that limit and {@code foldedLines} counts the spend
 * lines summed into its folded rows; both are 0 otherwise.
 */
public record KeySpend(
    String key,
    List<SpendRow> rows,
    SortedMap<String, List<SpendTotals>> byAccount,
    List<SpendTotals> totals,
    int valueLimit,
    long foldedLines) {

  public KeySpend {
    Objects.requireNonNull(key, "key");
    rows = List.copyOf(rows);
    byAccount = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byAccount));
    totals = List.copyOf(totals);
    if ((valueLimit == 0) != (foldedLines == 0) || valueLimit < 0 || foldedLines < 0) {
      throw new IllegalArgumentException("a limit goes with folded lines, and only there");
    }
  }

  /** The spend of a key whose values were all kept apart. */
  public KeySpend(
      String key,
      List<SpendRow> rows,
      SortedMap<String, List<SpendTotals>> byAccount,
      List<SpendTotals> totals) {
    this(key, rows, byAccount, totals, 0, 0);
  }

  /** True when values past the limit were folded into rows of their own. */
  public boolean folded() {
    return foldedLines > 0;
  }

  /** The same key with other rows (masked values), everything else kept. */
  public KeySpend withRows(List<SpendRow> shown) {
    return new KeySpend(key, shown, byAccount, totals, valueLimit, foldedLines);
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
