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
   * The untagged-or-invalid share of the spend in percent, rounded half up to two places: the net
   * untagged-plus-invalid spend over itself plus the net valid spend, each counted as zero where
   * credits exceed charges, so the share stays within 0 to 100 however credits fall; zero when
   * neither side has a net charge.
   */
  public BigDecimal unallocatedPercent() {
    BigDecimal unallocated = invalid.add(untagged).max(BigDecimal.ZERO);
    BigDecimal whole = unallocated.add(valid.max(BigDecimal.ZERO));
    if (whole.signum() == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return unallocated.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
  }

  /**
   * The charges the bars are drawn against: the valid, invalid and untagged spend, each counted as
   * zero where credits exceed charges.
   */
  public BigDecimal charges() {
    return valid
        .max(BigDecimal.ZERO)
        .add(invalid.max(BigDecimal.ZERO))
        .add(untagged.max(BigDecimal.ZERO));
  }
}
