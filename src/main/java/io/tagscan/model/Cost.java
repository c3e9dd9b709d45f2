package io.tagscan.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** An exact amount of money in one currency (an ISO 4217 code as the export writes it). */
public record Cost(BigDecimal amount, String currency) {

  /**
   * A plain decimal amount as billing data writes one: an optional minus, at most 30 digits, an
   * optional fraction of at most 30 digits. No exponent, so an amount from a file cannot make a sum
   * of millions of digits ({@code 1e999999999}).
   */
  private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

  public Cost {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  /** The amount that {@code text} writes as a plain decimal, or null when it is not one. */
  public static BigDecimal parseAmount(String text) {
    return text != null && AMOUNT.matcher(text).matches() ? new BigDecimal(text) : null;
  }

  /** The amount as a plain decimal string, never in exponent form. */
  public String amountText() {
    return amount.toPlainString();
  }
}
