package io.tagscan.report;

import io.tagscan.cost.CostReport;
import io.tagscan.cost.KeySpend;
import io.tagscan.cost.SpendRow;
import io.tagscan.cost.SpendTotals;
import io.tagscan.cost.Verdict;
import io.tagscan.model.Finding;
import io.tagscan.model.ScanError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost report as CSV (one row per key × account × value), Markdown and the terminal table;
 * every tag value and account name goes through the format's escaping in {@link Escaping}.
 */
final class CostText {

  /** Invalid values listed in Markdown and the table before "…and N more". */
  static final int MAX_INVALID_SHOWN = 20;

  private CostText() {}

  /** Amounts are exact in the data; the people-facing formats round them to cents. */
  static String money(BigDecimal amount) {
    return String.format("%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
  }

  /** The rule an invalid row breaks, as reports show it: folded rows break several. */
  static String rule(SpendRow row) {
    return row.isFolded() ? "(several)" : row.finding().rule().slug();
  }

  /** The fix of an invalid row, as reports show it: folded rows are not listed value by value. */
  static String fix(SpendRow row) {
    return row.isFolded()
        ? "not listed value by value: " + row.folded() + " spend lines of values past the limit"
        : row.finding().fix();
  }

  static void csv(CostReport report, Writer out) throws IOException {
    CsvRowWriter rows = new CsvRowWriter(out);
    boolean sources = report.focus() != null;
    List<String> header =
        new ArrayList<>(
            List.of(
                "key",
                "account id",
                "account name",
                "value",
                "verdict",
                "rule",
                "spend",
                "currency"));
    if (sources) {
      // Only with a FOCUS export: a CSV of Cost Explorer alone keeps its columns.
      header.add("source");
    }
    boolean folded = report.folded();
    if (folded) {
      // Only when a key had more values than kept apart: the lines summed into "(other values)".
      header.add("folded lines");
    }
    rows.row(header);
    csvRows(report, report.keys(), sources ? report.source() : null, folded, rows);
    if (sources) {
      csvRows(report, report.focus().keys(), "focus", folded, rows);
      for (var account : report.focus().withoutResourceByAccount().entrySet()) {
        for (var cost : account.getValue()) {
          List<String> cells =
              new ArrayList<>(
                  List.of(
                      "",
                      account.getKey(),
                      report.accountName(account.getKey()),
                      "",
                      CostFocusText.NO_RESOURCE_ID,
                      "",
                      cost.amountText(),
                      cost.currency(),
                      "focus"));
          if (folded) {
            cells.add("");
          }
          rows.row(cells);
        }
      }
    }
    rows.flush();
  }

  private static void csvRows(
      CostReport report, List<KeySpend> keys, String source, boolean folded, CsvRowWriter rows)
      throws IOException {
    for (KeySpend key : keys) {
      for (SpendRow row : key.rows()) {
        List<String> cells = new ArrayList<>(9);
        cells.add(key.key());
        cells.add(row.accountId());
        cells.add(report.accountName(row.accountId()));
        cells.add(row.shownValue());
        cells.add(row.verdict().slug());
        cells.add(row.finding() == null ? "" : row.finding().rule().slug());
        cells.add(row.amount().toPlainString());
        cells.add(row.currency());
        if (source != null) {
          cells.add(source);
        }
        if (folded) {
          cells.add(row.isFolded() ? Long.toString(row.folded()) : "");
        }
        rows.row(cells);
      }
    }
  }

  static void markdown(CostReport report, Writer writer) {
    PrintWriter out = new PrintWriter(writer);
    out.print("## tagscan cost: spend by cost-allocation tag\n\n");
    if (report.hasCostExplorer()) {
      out.print(
          "Period "
              + report.query().start()
              + " to "
              + report.query().end()
              + " (end exclusive), "
              + report.query().metric()
              + ", from "
              + report.source()
              + (report.source().equals("cost-explorer")
                  ? " (" + report.requestsMade() + " requests)"
                  : "")
              + ".\n\n");
      markdownKeys(report.keys(), out);
      markdownInvalid(report, invalid(report.keys()), "### Invalid values", out);
    }
    if (report.focus() != null) {
      CostFocusText.markdown(report, report.focus(), out);
    }
    if (!report.findings().isEmpty()) {
      out.print("\n### Cost allocation tags\n\n");
      for (Finding f : report.findings()) {
        out.print(
            "- **"
                + f.severity().slug()
                + "** `"
                + f.rule().slug()
                + "`: "
                + Escaping.markdown(f.message())
                + ". Fix: "
                + Escaping.markdown(f.fix())
                + "\n");
      }
    }
    trailer(report, out, Escaping::markdown);
    out.flush();
  }

  static void markdownKeys(List<KeySpend> keys, PrintWriter out) {
    out.print("| key | currency | valid | invalid | untagged | untagged or invalid |\n");
    out.print("|---|---|--:|--:|--:|--:|\n");
    for (KeySpend key : keys) {
      if (key.totals().isEmpty()) {
        out.print("| " + Escaping.markdown(key.key()) + " | | | | | no spend read |\n");
      }
      for (SpendTotals t : key.totals()) {
        out.print(
            "| "
                + Escaping.markdown(key.key())
                + " | "
                + Escaping.markdown(t.currency())
                + " | "
                + money(t.valid())
                + " | "
                + money(t.invalid())
                + " | "
                + money(t.untagged())
                + " | "
                + t.unallocatedPercent().toPlainString()
                + "% |\n");
      }
    }
  }

  static void markdownInvalid(
      CostReport report, List<SpendRow> invalid, String heading, PrintWriter out) {
    if (invalid.isEmpty()) {
      return;
    }
    out.print("\n" + heading + "\n\n| key | account | value | rule | spend | fix |\n");
    out.print("|---|---|---|---|--:|---|\n");
    for (SpendRow row : invalid.subList(0, Math.min(MAX_INVALID_SHOWN, invalid.size()))) {
      out.print(
          "| "
              + Escaping.markdown(row.key())
              + " | "
              + Escaping.markdown(account(report, row.accountId()))
              + " | "
              + Escaping.markdown(row.shownValue())
              + " | "
              + rule(row)
              + " | "
              + money(row.amount())
              + " "
              + Escaping.markdown(row.currency())
              + " | "
              + Escaping.markdown(fix(row))
              + " |\n");
    }
    if (invalid.size() > MAX_INVALID_SHOWN) {
      out.print("\n…and " + (invalid.size() - MAX_INVALID_SHOWN) + " more.\n");
    }
  }

  static void table(CostReport report, Writer writer, int width) {
    PrintWriter out = new PrintWriter(writer);
    if (report.hasCostExplorer()) {
      tableKeys(report.keys(), width, out);
      tableInvalid(
          report, invalid(report.keys()), width, "Invalid values, the costliest first:", out);
    }
    if (report.focus() != null) {
      CostFocusText.table(report, report.focus(), width, out);
    }
    for (Finding f : report.findings()) {
      out.print("\n" + f.severity().slug() + ": " + Escaping.terminal(f.message()) + "\n");
      for (String line : TerminalText.wrap(Escaping.terminal(f.fix()), width, "  fix: ", "    ")) {
        out.print(line + "\n");
      }
    }
    trailer(report, out, Escaping::terminal);
    out.flush();
  }

  static void tableKeys(List<KeySpend> keys, int width, PrintWriter out) {
    int keyWidth = Math.max(12, Math.min(40, width - 62));
    out.print(
        TerminalText.pad("KEY", keyWidth)
            + "  CUR  "
            + String.format("%14s %14s %14s %7s", "VALID", "INVALID", "UNTAGGED", "UNALLOC")
            + "\n");
    for (KeySpend key : keys) {
      String name = TerminalText.middle(Escaping.terminal(key.key()), keyWidth);
      if (key.totals().isEmpty()) {
        out.print(TerminalText.pad(name, keyWidth) + "  no spend read\n");
      }
      for (SpendTotals t : key.totals()) {
        out.print(
            TerminalText.pad(name, keyWidth)
                + "  "
                + TerminalText.pad(Escaping.terminal(t.currency()), 3)
                + "  "
                + String.format(
                    "%14s %14s %14s %6s%%",
                    money(t.valid()),
                    money(t.invalid()),
                    money(t.untagged()),
                    t.unallocatedPercent().setScale(1, RoundingMode.HALF_UP).toPlainString())
                + "\n");
      }
    }
  }

  static void tableInvalid(
      CostReport report, List<SpendRow> invalid, int width, String heading, PrintWriter out) {
    if (!invalid.isEmpty()) {
      out.print("\n" + heading + "\n");
      for (SpendRow row : invalid.subList(0, Math.min(MAX_INVALID_SHOWN, invalid.size()))) {
        String head =
            "  "
                + money(row.amount())
                + " "
                + Escaping.terminal(row.currency())
                + "  "
                + rule(row)
                + "  "
                + Escaping.terminal(row.key())
                + " = '"
                + Escaping.terminal(row.shownValue())
                + "'  "
                + Escaping.terminal(account(report, row.accountId()));
        out.print(TerminalText.truncate(head, width) + "\n");
        for (String line :
            TerminalText.wrap(Escaping.terminal(fix(row)), width, "    fix: ", "      ")) {
          out.print(line + "\n");
        }
      }
      if (invalid.size() > MAX_INVALID_SHOWN) {
        out.print("  …and " + (invalid.size() - MAX_INVALID_SHOWN) + " more\n");
      }
    }
  }

  private static void trailer(
      CostReport report, PrintWriter out, java.util.function.UnaryOperator<String> escape) {
    for (ScanError e : report.errors()) {
      out.print(
          "\n"
              + escape.apply(
                  "incomplete: " + e.operation() + " failed (" + e.code() + "): " + e.message())
              + "\n");
    }
    for (String note : report.notes()) {
      out.print("\nnote: " + escape.apply(note) + "\n");
    }
  }

  static String account(CostReport report, String accountId) {
    String name = report.accountName(accountId);
    return name.isEmpty() ? accountId : accountId + " (" + name + ")";
  }

  /** The invalid rows of every key, the costliest first, then by key, account and value. */
  static List<SpendRow> invalid(CostReport report) {
    return invalid(report.keys());
  }

  /** The invalid rows of these keys, the costliest first, then by key, account and value. */
  static List<SpendRow> invalid(List<KeySpend> keys) {
    List<SpendRow> rows = new ArrayList<>();
    for (KeySpend key : keys) {
      for (SpendRow row : key.rows()) {
        if (row.verdict() == Verdict.INVALID) {
          rows.add(row);
        }
      }
    }
    rows.sort(
        java.util.Comparator.comparing(SpendRow::amount)
            .reversed()
            .thenComparing(SpendRow::key)
            .thenComparing(SpendRow::accountId)
            .thenComparing(SpendRow::isFolded)
            .thenComparing(SpendRow::shownValue));
    return rows;
  }
}
