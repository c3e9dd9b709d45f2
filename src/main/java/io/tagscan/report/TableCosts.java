package io.tagscan.report;

import static io.tagscan.report.Escaping.terminal;
import static io.tagscan.report.Escaping.truncate;
import static io.tagscan.report.Escaping.width;
import static io.tagscan.report.Numbers.plural;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Cost;
import io.tagscan.model.Resource;
import java.util.List;

/**
 * The terminal summary's money, with a billing export: the unallocatable spend per cost-allocation
 * key and account, and the costliest noncompliant resources (the ranking Markdown and HTML show).
 */
final class TableCosts {

  private TableCosts() {}

  /** Per cost-allocation key, what the priced resources lacking a valid value for it cost. */
  static void unallocatable(UnallocatableSpend spend, int width, StringBuilder text) {
    if (spend == null) {
      return;
    }
    for (String line :
        TerminalText.wrap(
            "unallocatable spend, of " + costs(spend.priced()) + " priced:", width, "", "  ")) {
      text.append(line).append('\n');
    }
    for (UnallocatableSpend.KeyAmounts key : spend.keys()) {
      StringBuilder line =
          new StringBuilder("  ")
              .append(terminal(key.key()))
              .append(": ")
              .append(costs(key.totals()));
      if (!key.byAccount().isEmpty()) {
        line.append(" (");
        String separator = "";
        for (var account : key.byAccount().entrySet()) {
          line.append(separator)
              .append(account.getKey().isEmpty() ? "–" : terminal(account.getKey()))
              .append(' ')
              .append(costs(account.getValue()));
          separator = "; ";
        }
        line.append(')');
      }
      for (String wrapped : TerminalText.wrap(line.toString(), width, "  ", "    ")) {
        text.append(wrapped).append('\n');
      }
    }
  }

  /** The costliest noncompliant resources (the same ranking as Markdown's), when any is priced. */
  static void costliest(List<CheckedResource> ranked, int width, StringBuilder text) {
    if (ranked.isEmpty()) {
      return;
    }
    text.append("\nNoncompliant resources, costliest first:\n");
    int amountWidth = 0;
    for (CheckedResource checked : ranked) {
      amountWidth = Math.max(amountWidth, width(money(checked.cost())));
    }
    for (CheckedResource checked : ranked) {
      Resource resource = checked.resource();
      String amount = money(checked.cost());
      String line =
          "  "
              + " ".repeat(amountWidth - width(amount))
              + amount
              + "  "
              + terminal(resource.arn())
              + "  "
              + (resource.accountId().isEmpty() ? "–" : terminal(resource.accountId()))
              + "  "
              + plural(checked.findings().size(), "finding", "findings");
      text.append(truncate(line, width)).append('\n');
    }
  }

  private static String money(Cost cost) {
    return cost.amountText() + " " + terminal(cost.currency());
  }

  private static String costs(List<Cost> costs) {
    return String.join(", ", costs.stream().map(TableCosts::money).toList());
  }
}
