package io.tagscan.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Valid, invalid and untagged spend in one currency, exact. */
public record SpendTotals(
    String currency, BigDecimal valid, BigDecimal invalid, BigDecimal untagged) {

  public SpendTotals {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(valid, "valid");
    Objects.requireNonNull(invalid, "invalid");
    Objects.requireNonNull(untagged, "untagged");
  }

  static SpendTotals zero(String currency) {
    return new SpendTotals(currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  SpendTotals plus(Verdict verdict, BigDecimal amount) {
    return switch (verdict) {
      case VALID -> new SpendTotals(currency, valid.add(amount), invalid, untagged);
      case INVALID -> new SpendTotals(currency, valid, invalid.add(amount), untagged);
      case UNTAGGED -> new SpendTotals(currency, valid, invalid, untagged.add(amount));
    };
  }

  /** All the spend. */
  public BigDecimal total() {
    return valid.add(invalid).add(untagged);
  }

  /**
   * The untagged-or-invalid share of the spend in percent, rounded half up to two places; zero when
   * there is no spend, and computed on the signed total (credits lower it).
   */
  public BigDecimal unallocatedPercent() {
    BigDecimal total = total();
    if (total.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return invalid
        .add(untagged)
        .multiply(BigDecimal.valueOf(100))
        .divide(total, 2, RoundingMode.HALF_UP);
  }
}
