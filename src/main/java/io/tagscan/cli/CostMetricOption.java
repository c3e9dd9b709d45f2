package io.tagscan.cli;

import io.tagscan.billing.CostMetric;
import io.tagscan.model.Printable;
import io.tagscan.model.UsageException;

/** The {@code --cost-metric} that {@code scan} and {@code cost} take beside {@code --focus}. */
final class CostMetricOption {

  private CostMetricOption() {}

  /**
   * The cost column {@code given} names (BilledCost when none), checked: it chooses a column of the
   * {@code --focus} exports, so it needs some.
   *
   * @throws UsageException when given without {@code --focus}, or naming no FOCUS cost column
   */
  static CostMetric checked(String given, boolean focusGiven) {
    if (given == null) {
      return CostMetric.BILLED_COST;
    }
    if (!focusGiven) {
      throw new UsageException("--cost-metric chooses the cost column of --focus exports");
    }
    CostMetric metric = CostMetric.fromColumn(given);
    if (metric == null) {
      throw new UsageException(
          "--cost-metric '"
              + Printable.of(given)
              + "' is not a FOCUS cost column: BilledCost or EffectiveCost");
    }
    return metric;
  }
}
