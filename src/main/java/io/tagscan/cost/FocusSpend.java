package io.tagscan.cost;

import io.tagscan.model.Cost;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The spend of a FOCUS export judged from its own {@code Tags} column: the files read, the cost
 * column summed, how many rows, the first and last {@code ChargePeriodStart} as written (null when
 * the column is absent or empty), the valid / invalid / untagged split of each cost-allocation key,
 * and apart from it the spend of rows with no {@code ResourceId}, per account and in total, one
 * amount per currency.
 */
public record FocusSpend(
    List<String> files,
    String metric,
    long rows,
    String firstChargePeriod,
    String lastChargePeriod,
    List<KeySpend> keys,
    SortedMap<String, List<Cost>> withoutResourceByAccount,
    List<Cost> withoutResource) {

  public FocusSpend {
    files = List.copyOf(files);
    Objects.requireNonNull(metric, "metric");
    keys = List.copyOf(keys);
    TreeMap<String, List<Cost>> accounts = new TreeMap<>();
    withoutResourceByAccount.forEach((a, c) -> accounts.put(a, List.copyOf(c)));
    withoutResourceByAccount = Collections.unmodifiableSortedMap(accounts);
    withoutResource = List.copyOf(withoutResource);
  }

  /** The same spend with other keys (masked values), everything else kept. */
  public FocusSpend withKeys(List<KeySpend> shown) {
    return new FocusSpend(
        files,
        metric,
        rows,
        firstChargePeriod,
        lastChargePeriod,
        shown,
        withoutResourceByAccount,
        withoutResource);
  }
}
