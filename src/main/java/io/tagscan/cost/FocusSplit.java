package io.tagscan.cost;

import io.tagscan.billing.CostMetric;
import io.tagscan.billing.FocusReader;
import io.tagscan.model.Cost;
import io.tagscan.model.SpendLine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits a FOCUS export's spend by cost-allocation key from the export's own {@code Tags}, while
 * the rows stream by: each row with a {@code ResourceId} becomes one spend line per key (its value,
 * or untagged when the row lacks the key), fed to the same {@link SpendJudge} the Cost Explorer
 * lines go through, which keeps only the sums per key × account × value × currency. Rows with no
 * {@code ResourceId} (tax, support, fees) are summed apart, per account and currency, and never
 * enter a key's split.
 */
public final class FocusSplit {

  private final List<String> keys;
  private final SpendJudge judge;
  private final CostMetric metric;
  private final SortedMap<String, Map<String, BigDecimal>> withoutResource = new TreeMap<>();
  private long rows;
  private String first;
  private String last;

  private FocusSplit(List<String> keys, SpendJudge judge, CostMetric metric) {
    this.keys = List.copyOf(keys);
    this.judge = judge;
    this.metric = metric;
  }

  /**
   * Reads the exports in order and judges their spend for {@code keys}.
   *
   * @throws io.tagscan.model.InputException naming each bad cell as {@code file:line:column}
   */
  public static FocusSpend read(
      List<Path> files, CostMetric metric, List<String> keys, SpendJudge judge) {
    keys.forEach(judge::expect);
    FocusSplit split = new FocusSplit(keys, judge, metric);
    FocusReader.read(files, split::add);
    return split.result(files);
  }

  private void add(io.tagscan.billing.FocusRow row) {
    rows++;
    String period = row.chargePeriodStart();
    if (!period.isEmpty()) {
      first = first == null || period.compareTo(first) < 0 ? period : first;
      last = last == null || period.compareTo(last) > 0 ? period : last;
    }
    BigDecimal amount = row.cost(metric);
    if (row.resourceId().isEmpty()) {
      withoutResource
          .computeIfAbsent(row.subAccountId(), a -> new TreeMap<>())
          .merge(row.currency(), amount, BigDecimal::add);
      return;
    }
    for (String key : keys) {
      // An absent key is untagged spend; a key with a null or empty value is the value "",
      // judged by the value rules (empty-value), as the Athena query over the same export does.
      judge.add(
          new SpendLine(key, row.subAccountId(), row.tags().get(key), amount, row.currency()));
    }
  }

  private FocusSpend result(List<Path> files) {
    SortedMap<String, List<Cost>> byAccount = new TreeMap<>();
    Map<String, BigDecimal> totals = new TreeMap<>();
    withoutResource.forEach(
        (account, amounts) -> {
          List<Cost> costs = new ArrayList<>();
          amounts.forEach(
              (currency, amount) -> {
                costs.add(new Cost(amount, currency));
                totals.merge(currency, amount, BigDecimal::add);
              });
          byAccount.put(account, costs);
        });
    List<Cost> total = new ArrayList<>();
    totals.forEach((currency, amount) -> total.add(new Cost(amount, currency)));
    return new FocusSpend(
        files.stream().map(Path::toString).toList(),
        metric.column(),
        rows,
        first,
        last,
        judge.result(),
        byAccount,
        total);
  }
}
