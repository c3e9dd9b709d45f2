package io.tagscan.billing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One charge of a FOCUS 1.x export: the resource it belongs to (empty when the charge has none),
 * its billed and effective cost in the billing currency, the account, the service, the start of the
 * charge period as written, and the row's tags (a key without a value holds the empty string).
 */
public record FocusRow(
    String resourceId,
    BigDecimal billedCost,
    BigDecimal effectiveCost,
    String currency,
    String subAccountId,
    String serviceName,
    String chargePeriodStart,
    Map<String, String> tags) {

  public FocusRow {
    resourceId = Objects.requireNonNullElse(resourceId, "");
    Objects.requireNonNull(billedCost, "billedCost");
    Objects.requireNonNull(effectiveCost, "effectiveCost");
    currency = Objects.requireNonNullElse(currency, "");
    subAccountId = Objects.requireNonNullElse(subAccountId, "");
    serviceName = Objects.requireNonNullElse(serviceName, "");
    chargePeriodStart = Objects.requireNonNullElse(chargePeriodStart, "");
    tags = Map.copyOf(tags);
  }

  /** The amount of the chosen cost metric. */
  public BigDecimal cost(CostMetric metric) {
    return metric == CostMetric.EFFECTIVE_COST ? effectiveCost : billedCost;
  }
}
