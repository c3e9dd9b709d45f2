package io.tagscan.cost;

import io.tagscan.model.Finding;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The spend of one account under one value of one key, in one currency, with its verdict and, for
 * an invalid value, the finding that says which rule it breaks and how to fix it.
 */
public record SpendRow(
    String key,
    String accountId,
    String value,
    Verdict verdict,
    Finding finding,
    BigDecimal amount,
    String currency) {

  public SpendRow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if ((verdict == Verdict.INVALID) != (finding != null)) {
      throw new IllegalArgumentException("a finding goes with an invalid value, and only there");
    }
  }
}
