package io.tagscan.report;

import java.math.BigDecimal;
import java.util.Locale;

/** How counts and rates read in the human-facing formats (Markdown and the terminal table). */
final class Numbers {

  private Numbers() {}

  /** A count with thousands separators, such as {@code 1,000,000}. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** A rate in 0..1 as a percentage such as {@code 83.33%}; a dash when there is no rate. */
  static String percent(BigDecimal rate) {
    if (rate == null) {
      return "–";
    }
    BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
    return (percent.signum() == 0 ? "0" : percent.toPlainString()) + "%";
  }

  /** {@code 1 finding}, {@code 2 findings}. */
  static String plural(long count, String singular, String plural) {
    return count(count) + " " + (count == 1 ? singular : plural);
  }
}
