package io.tagscan.report;

import io.tagscan.cost.CostReport;
import io.tagscan.cost.KeySpend;
import io.tagscan.cost.SpendRow;
import io.tagscan.model.Finding;
import io.tagscan.model.PersonalData;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks tag values that look like personal data in a cost report before any format sees it, with
 * the scan's own masking ({@link PersonalData#mask}), in the value and in the texts of its finding
 * that quote it.
 */
final class CostMask {

  private CostMask() {}

  static CostReport apply(CostReport report) {
    List<KeySpend> keys = mask(report.keys());
    return new CostReport(
        report.query(),
        report.source(),
        report.dictionaryPath(),
        report.dictionarySha256(),
        report.findings(),
        keys,
        report.accountNames(),
        report.requestsEstimated(),
        report.requestsMade(),
        report.errors(),
        report.notes(),
        report.focus() == null ? null : report.focus().withKeys(mask(report.focus().keys())));
  }

  private static List<KeySpend> mask(List<KeySpend> spend) {
    List<KeySpend> keys = new ArrayList<>();
    for (KeySpend key : spend) {
      List<SpendRow> rows = new ArrayList<>();
      for (SpendRow row : key.rows()) {
        rows.add(mask(row));
      }
      keys.add(key.withRows(rows));
    }
    return keys;
  }

  private static SpendRow mask(SpendRow row) {
    if (row.value() == null || row.isFolded()) {
      return row;
    }
    String masked = PersonalData.mask(row.value());
    if (masked.equals(row.value())) {
      return row;
    }
    Finding f = row.finding();
    Finding shown =
        f == null
            ? null
            : new Finding(
                f.rule(),
                f.severity(),
                f.key(),
                masked,
                f.expected(),
                replace(f.fix(), row.value(), masked),
                replace(f.message(), row.value(), masked));
    return new SpendRow(
        row.key(), row.accountId(), masked, row.verdict(), shown, row.amount(), row.currency());
  }

  private static String replace(String text, String value, String masked) {
    return text == null ? null : text.replace(value, masked);
  }
}
