package io.tagscan.report;

import io.tagscan.cost.CostReport;
import io.tagscan.cost.FocusSpend;
import io.tagscan.model.Cost;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The part of the cost report judged from FOCUS exports, in Markdown and on the terminal: where the
 * figures came from, the split per key, the invalid values, and apart from the split the spend of
 * rows with no {@code ResourceId}.
 */
final class CostFocusText {

  /** The verdict the CSV gives spend that belongs to no resource. */
  static final String NO_RESOURCE_ID = "no-resource-id";

  private CostFocusText() {}

  /** Where the FOCUS figures came from, one sentence. */
  static String origin(FocusSpend focus) {
    String periods =
        focus.firstChargePeriod() == null
            ? ""
            : ", charge periods starting "
                + focus.firstChargePeriod()
                + " to "
                + focus.lastChargePeriod();
    return "From the FOCUS export "
        + String.join(", ", focus.files())
        + " ("
        + focus.metric()
        + ", "
        + focus.rows()
        + (focus.rows() == 1 ? " row" : " rows")
        + periods
        + "), judged from its own Tags column.";
  }

  static void markdown(CostReport report, FocusSpend focus, PrintWriter out) {
    out.print(
        (report.hasCostExplorer() ? "\n### From the FOCUS export\n\n" : "")
            + Escaping.markdown(origin(focus))
            + "\n\n");
    CostText.markdownKeys(focus.keys(), out);
    CostText.markdownInvalid(
        report, CostText.invalid(focus.keys()), "#### Invalid values in the FOCUS export", out);
    out.print("\n#### Spend with no ResourceId (not in any key's split)\n\n");
    if (focus.withoutResource().isEmpty()) {
      out.print("None.\n");
      return;
    }
    out.print("| account | spend |\n|---|--:|\n");
    for (Map.Entry<String, List<Cost>> account : focus.withoutResourceByAccount().entrySet()) {
      for (Cost cost : account.getValue()) {
        out.print(
            "| "
                + Escaping.markdown(CostText.account(report, account.getKey()))
                + " | "
                + amount(cost, Escaping::markdown)
                + " |\n");
      }
    }
    for (Cost cost : focus.withoutResource()) {
      out.print("| **total** | " + amount(cost, Escaping::markdown) + " |\n");
    }
  }

  static void table(CostReport report, FocusSpend focus, int width, PrintWriter out) {
    if (report.hasCostExplorer()) {
      out.print("\n");
    }
    for (String line : TerminalText.wrap(Escaping.terminal(origin(focus)), width, "", "  ")) {
      out.print(line + "\n");
    }
    CostText.tableKeys(focus.keys(), width, out);
    CostText.tableInvalid(
        report,
        CostText.invalid(focus.keys()),
        width,
        "Invalid values in the FOCUS export, the costliest first:",
        out);
    out.print("\nSpend with no ResourceId (not in any key's split):");
    if (focus.withoutResource().isEmpty()) {
      out.print(" none\n");
      return;
    }
    out.print("\n");
    for (Map.Entry<String, List<Cost>> account : focus.withoutResourceByAccount().entrySet()) {
      for (Cost cost : account.getValue()) {
        out.print(
            TerminalText.truncate(
                    "  "
                        + amount(cost, Escaping::terminal)
                        + "  "
                        + Escaping.terminal(CostText.account(report, account.getKey())),
                    width)
                + "\n");
      }
    }
    for (Cost cost : focus.withoutResource()) {
      out.print("  " + amount(cost, Escaping::terminal) + "  total\n");
    }
  }

  private static String amount(Cost cost, java.util.function.UnaryOperator<String> escape) {
    return CostText.money(cost.amount()) + " " + escape.apply(cost.currency());
  }
}
