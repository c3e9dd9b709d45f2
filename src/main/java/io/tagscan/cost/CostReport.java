package io.tagscan.cost;

import io.tagscan.model.CostQuery;
import io.tagscan.model.Finding;
import io.tagscan.model.ScanError;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a cost run found, for the reports: the query, where the spend came from, the
 * activation findings, the spend of each cost-allocation key, account names where the source gave
 * them, the Cost Explorer requests estimated and made, the calls that failed, notes, and the split
 * judged from FOCUS exports' own tags ({@code focus}, null when none was read). {@code source} is
 * where {@code keys} came from: {@code cost-explorer}, {@code cost-file}, or {@code focus} when
 * only exports were read (then {@code keys} is empty and every figure is in {@code focus}).
 */
public record CostReport(
    CostQuery query,
    String source,
    String dictionaryPath,
    String dictionarySha256,
    List<Finding> findings,
    List<KeySpend> keys,
    Map<String, String> accountNames,
    int requestsEstimated,
    int requestsMade,
    List<ScanError> errors,
    List<String> notes,
    FocusSpend focus) {

  public CostReport {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(source, "source");
    findings = List.copyOf(findings);
    keys = List.copyOf(keys);
    accountNames = Map.copyOf(accountNames);
    errors = errors.stream().sorted(ScanError.ORDER).toList();
    notes = List.copyOf(notes);
  }

  /** True when the figures in {@link #keys()} came from Cost Explorer or cost files. */
  public boolean hasCostExplorer() {
    return !source.equals("focus");
  }

  /** True when some key, from either source, had values folded past the limit. */
  public boolean folded() {
    return keys.stream().anyMatch(KeySpend::folded)
        || (focus != null && focus.keys().stream().anyMatch(KeySpend::folded));
  }

  /** True when every call the run needed succeeded. */
  public boolean complete() {
    return errors.isEmpty();
  }

  /** An account's name, or the empty string where unknown. */
  public String accountName(String accountId) {
    return accountNames.getOrDefault(accountId, "");
  }

  /**
   * The keys whose untagged-or-invalid share exceeds {@code percent} in some currency, as {@code
   * key (share% of CURRENCY)}.
   */
  public List<String> above(java.math.BigDecimal percent) {
    List<String> out = new java.util.ArrayList<>();
    above(keys, percent, "", out);
    if (focus != null) {
      above(focus.keys(), percent, " in the FOCUS export", out);
    }
    return out;
  }

  private static void above(
      List<KeySpend> keys, java.math.BigDecimal percent, String where, List<String> out) {
    for (KeySpend key : keys) {
      for (SpendTotals totals : key.totals()) {
        if (totals.unallocatedPercent().compareTo(percent) > 0) {
          out.add(
              "'"
                  + key.key()
                  + "' ("
                  + totals.unallocatedPercent().toPlainString()
                  + "% of "
                  + totals.currency()
                  + " spend untagged or invalid"
                  + where
                  + ")");
        }
      }
    }
  }
}
