package io.tagscan.report;

import static io.tagscan.report.Escaping.markdown;

import io.tagscan.model.Cost;
import java.util.List;

/** The Markdown page's unallocatable spend per cost-allocation key and account. */
final class MarkdownCosts {

  private MarkdownCosts() {}

  /**
   * What priced resources lacking a valid cost-allocation value cost, only with a billing export.
   */
  static void unallocatable(UnallocatableSpend spend, StringBuilder page) {
    if (spend == null) {
      return;
    }
    page.append("### Unallocatable spend by cost-allocation key\n\n")
        .append("Spend of the resources in a key's scope that lack a valid value for it, of ")
        .append(costs(spend.priced()))
        .append(" priced by the billing export.\n\n");
    page.append("| Key | Account | Unallocatable | Currency |\n|---|---|--:|---|\n");
    for (UnallocatableSpend.KeyAmounts key : spend.keys()) {
      for (Cost cost : key.totals()) {
        costRow(page, markdown(key.key()), "all accounts", cost);
      }
      for (var account : key.byAccount().entrySet()) {
        for (Cost cost : account.getValue()) {
          costRow(
              page,
              markdown(key.key()),
              account.getKey().isEmpty() ? "–" : markdown(account.getKey()),
              cost);
        }
      }
    }
    page.append('\n');
  }

  private static void costRow(StringBuilder page, String key, String account, Cost cost) {
    page.append("| ")
        .append(key)
        .append(" | ")
        .append(account)
        .append(" | ")
        .append(cost.amountText())
        .append(" | ")
        .append(markdown(cost.currency()))
        .append(" |\n");
  }

  /** Amounts in several currencies, each apart: {@code 12.30 USD, 4 EUR}. */
  static String costs(List<Cost> costs) {
    return String.join(
        ", ", costs.stream().map(c -> c.amountText() + " " + markdown(c.currency())).toList());
  }
}
