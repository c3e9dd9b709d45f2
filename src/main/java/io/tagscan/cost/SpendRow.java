package io.tagscan.cost;

import io.tagscan.model.Finding;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The spend of one account under one value of one key, in one currency, with its verdict and, for
 * an invalid value, the finding that says which rule it breaks and how to fix it. A folded row
 * ({@code folded > 0}) holds instead the spend of the values past {@link SpendJudge#VALUE_LIMIT}
 * with one verdict, summed from {@code folded} spend lines: its value is null and it has no
 * finding, since its values break different rules.
 */
public record SpendRow(
    String key,
    String accountId,
    String value,
    Verdict verdict,
    Finding finding,
    BigDecimal amount,
    String currency,
    long folded) {

  /** What reports show for a folded row's value. */
  public static final String OTHER_VALUES = "(other values)";

  public SpendRow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (folded < 0) {
      throw new IllegalArgumentException("folded must not be negative");
    }
    if (folded > 0 && (value != null || verdict == Verdict.UNTAGGED)) {
      throw new IllegalArgumentException("a folded row sums tagged values, and has none itself");
    }
    if ((verdict == Verdict.INVALID && folded == 0) != (finding != null)) {
      throw new IllegalArgumentException("a finding goes with an invalid value, and only there");
    }
  }

  /** A row of one value. */
  public SpendRow(
      String key,
      String accountId,
      String value,
      Verdict verdict,
      Finding finding,
      BigDecimal amount,
      String currency) {
    this(key, accountId, value, verdict, finding, amount, currency, 0);
  }

  /** True when the row sums the values past the limit rather than one value. */
  public boolean isFolded() {
    return folded > 0;
  }

  /** The value as reports show it: {@link #OTHER_VALUES} for a folded row, else the value. */
  public String shownValue() {
    return folded > 0 ? OTHER_VALUES : value;
  }
}
