package io.tagscan.billing;

/** Which FOCUS cost column a resource's cost is taken from. */
public enum CostMetric {
  /** What the invoice charges for the period. */
  BILLED_COST("BilledCost"),
  /** The amortised cost after commitments and discounts. */
  EFFECTIVE_COST("EffectiveCost");

  private final String column;

  CostMetric(String column) {
    this.column = column;
  }

  /** The FOCUS column name, also the option value. */
  public String column() {
    return column;
  }

  /** The metric named by its FOCUS column, in any letter case; null for anything else. */
  public static CostMetric fromColumn(String name) {
    for (CostMetric metric : values()) {
      if (metric.column.equalsIgnoreCase(name)) {
        return metric;
      }
    }
    return null;
  }
}
