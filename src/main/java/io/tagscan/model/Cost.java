package io.tagscan.model;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact amount of money in one currency (an ISO 4217 code as the export writes it). */
public record Cost(BigDecimal amount, String currency) {

  public Cost {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  /** The amount as a plain decimal string, never in exponent form. */
  public String amountText() {
    return amount.toPlainString();
  }
}
