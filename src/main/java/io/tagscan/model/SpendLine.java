package io.tagscan.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Spend of one account under one value of one cost-allocation key, as a billing source (Cost
 * Explorer, a cost file, a billing export) reports it; {@code value} is null for spend carrying no
 * such tag. Lines for the same key, account and value add up.
 */
public record SpendLine(
    String key, String accountId, String value, BigDecimal amount, String currency) {

  public SpendLine {
    Objects.requireNonNull(key, "key");
    accountId = Objects.requireNonNullElse(accountId, "");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  /**
   * The tag value in a Cost Explorer group key ({@code KEY$VALUE}), or null for {@code KEY$}, the
   * spend that carries no such tag. The key itself may hold a {@code $}, so its known spelling is
   * stripped first; a group key that does not start with it is cut at its first {@code $}.
   */
  public static String tagValue(String groupKey, String key) {
    String prefix = key + "$";
    String value;
    if (groupKey.startsWith(prefix)) {
      value = groupKey.substring(prefix.length());
    } else {
      int dollar = groupKey.indexOf('$');
      value = dollar < 0 ? groupKey : groupKey.substring(dollar + 1);
    }
    return value.isEmpty() ? null : value;
  }

  /** True when the spend carries no value for the key. */
  public boolean untagged() {
    return value == null;
  }
}
