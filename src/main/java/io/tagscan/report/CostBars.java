package io.tagscan.report;

import io.tagscan.cost.KeySpend;
import io.tagscan.cost.SpendRow;
import io.tagscan.cost.SpendTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The figures behind the cost page's bars: each verdict's share of a key's charges, and each
 * value's spend, credits counted with their sign and every rate kept within 0..1.
 */
final class CostBars {

  private CostBars() {}

  /**
   * A part of the totals as a rate in 0..1 for the page's bars, against the charges ({@link
   * SpendTotals#charges}); zero for a part that is a net credit or when there are no charges.
   */
  static BigDecimal share(BigDecimal part, SpendTotals totals) {
    return rate(part, totals.charges());
  }

  /**
   * One value of a key and its spend over every account, for the page's spend-by-value bars; the
   * folded values past the limit are one entry per verdict, shown as {@link SpendRow#OTHER_VALUES}.
   */
  record ValueSpend(
      String value, String verdict, BigDecimal amount, BigDecimal rate, boolean folded) {}

  private record ValueOf(String value, String verdict, boolean folded) {}

  /**
   * The values of a key with the most spend in one currency, summed over accounts, the costliest
   * first (untagged spend as a null value), at most {@code max}; each rate is the value's share of
   * the key's charges in that currency (the sum of the values that are not net credits).
   */
  static List<ValueSpend> topValues(KeySpend key, SpendTotals totals, int max) {
    java.util.Map<ValueOf, BigDecimal> sums = new java.util.HashMap<>();
    for (SpendRow row : key.rows()) {
      if (row.currency().equals(totals.currency())) {
        // Untagged spend is one entry like any value; folded rows stay apart from any real value.
        ValueOf of =
            new ValueOf(row.value(), row.isFolded() ? row.verdict().slug() : null, row.isFolded());
        sums.merge(of, row.amount(), BigDecimal::add);
      }
    }
    BigDecimal charges =
        sums.values().stream().filter(a -> a.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
    java.util.Map<String, String> verdicts = new java.util.HashMap<>();
    for (SpendRow row : key.rows()) {
      if (!row.isFolded() && row.value() != null) {
        verdicts.put(row.value(), row.verdict().slug());
      }
    }
    return sums.entrySet().stream()
        .sorted(
            java.util.Map.Entry.<ValueOf, BigDecimal>comparingByValue()
                .reversed()
                .thenComparing(e -> e.getKey().folded())
                .thenComparing(
                    e -> e.getKey().value(),
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(
                    e -> e.getKey().verdict(),
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
        .limit(max)
        .map(
            e -> {
              ValueOf of = e.getKey();
              String verdict =
                  of.folded()
                      ? of.verdict()
                      : of.value() == null ? "untagged" : verdicts.get(of.value());
              return new ValueSpend(
                  of.folded() ? SpendRow.OTHER_VALUES : of.value(),
                  verdict,
                  e.getValue(),
                  rate(e.getValue(), charges),
                  of.folded());
            })
        .toList();
  }

  private static BigDecimal rate(BigDecimal part, BigDecimal whole) {
    if (whole.signum() <= 0 || part.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    return part.divide(whole, 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
  }
}
