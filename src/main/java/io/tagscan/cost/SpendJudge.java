package io.tagscan.cost;

import io.tagscan.model.Finding;
import io.tagscan.model.SpendLine;
import io.tagscan.rules.RuleEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns spend lines from any billing source into valid / invalid / untagged spend per key, per
 * account and in total, judging each value with the dictionary's value rules through {@link
 * RuleEngine#checkValue}, the very code that judges resources' tags. Lines for the same key,
 * account, value and currency are added up exactly; each distinct value is judged once.
 *
 * <p>Memory is bounded by the values, not the lines: the first {@link #VALUE_LIMIT} distinct values
 * met for a key keep sums of their own; every later distinct value is judged as it comes and its
 * spend added to one folded sum per account × verdict × currency, with a count of the lines folded.
 * Totals stay exact either way.
 *
 * <p>Not thread-safe: one judge per run, fed from one thread.
 */
public final class SpendJudge {

  /**
   * Distinct values per key that keep sums of their own. Far more than any dictionary's list of
   * cost centers or projects, and than any report lists (the HTML page shows at most 5,000 invalid
   * values, Markdown and the table 20); each kept value costs a few hundred bytes per account.
   */
  public static final int VALUE_LIMIT = 10_000;

  private record Cell(String key, String accountId, String value, String currency) {}

  private record Fold(String accountId, Verdict verdict, String currency) {}

  private static final class Folded {
    BigDecimal amount = BigDecimal.ZERO;
    long lines;
  }

  private static final Comparator<Cell> ORDER =
      Comparator.comparing(Cell::accountId)
          .thenComparing(Cell::value, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Cell::currency);

  private final RuleEngine engine;
  private final int limit;
  private final Map<String, Map<Cell, BigDecimal>> byKey = new TreeMap<>();
  // Per key, the verdict of each kept value: also the set of values that keep sums of their own.
  private final Map<String, Map<String, Optional<Finding>>> verdicts = new HashMap<>();
  private final Map<String, Map<Fold, Folded>> folds = new HashMap<>();

  public SpendJudge(RuleEngine engine) {
    this(engine, VALUE_LIMIT);
  }

  /** A judge that keeps at most {@code limit} distinct values per key apart. */
  public SpendJudge(RuleEngine engine, int limit) {
    this.engine = Objects.requireNonNull(engine, "engine");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    this.limit = limit;
  }

  /** Makes sure a key appears in the result even when no spend arrives for it. */
  public void expect(String key) {
    byKey.computeIfAbsent(key, k -> new HashMap<>());
  }

  /** Adds one line. */
  public void add(SpendLine line) {
    Map<Cell, BigDecimal> cells = byKey.computeIfAbsent(line.key(), k -> new HashMap<>());
    String value = line.value();
    if (value != null) {
      Map<String, Optional<Finding>> kept =
          verdicts.computeIfAbsent(line.key(), k -> new HashMap<>());
      if (!kept.containsKey(value)) {
        if (kept.size() >= limit) {
          fold(line);
          return;
        }
        kept.put(value, Optional.ofNullable(engine.checkValue(line.key(), value)));
      }
    }
    cells.merge(
        new Cell(line.key(), line.accountId(), value, line.currency()),
        line.amount(),
        BigDecimal::add);
  }

  private void fold(SpendLine line) {
    Verdict verdict =
        engine.checkValue(line.key(), line.value()) == null ? Verdict.VALID : Verdict.INVALID;
    Folded folded =
        folds
            .computeIfAbsent(line.key(), k -> new HashMap<>())
            .computeIfAbsent(
                new Fold(line.accountId(), verdict, line.currency()), f -> new Folded());
    folded.amount = folded.amount.add(line.amount());
    folded.lines++;
  }

  /** Adds every line of a stream. */
  public void addAll(Stream<SpendLine> lines) {
    lines.forEach(this::add);
  }

  /** The spend of every key seen, by key. */
  public List<KeySpend> result() {
    List<KeySpend> out = new ArrayList<>();
    byKey.forEach((key, cells) -> out.add(judgeKey(key, cells)));
    return out;
  }

  private KeySpend judgeKey(String key, Map<Cell, BigDecimal> cells) {
    List<SpendRow> rows = new ArrayList<>();
    Map<String, Map<String, SpendTotals>> byAccount = new TreeMap<>();
    Map<String, SpendTotals> totals = new TreeMap<>();
    cells.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(ORDER))
        .forEach(
            entry -> {
              Cell cell = entry.getKey();
              Finding finding = cell.value() == null ? null : finding(key, cell.value());
              Verdict verdict =
                  cell.value() == null
                      ? Verdict.UNTAGGED
                      : finding == null ? Verdict.VALID : Verdict.INVALID;
              rows.add(
                  new SpendRow(
                      key,
                      cell.accountId(),
                      cell.value(),
                      verdict,
                      finding,
                      entry.getValue(),
                      cell.currency()));
            });
    Map<Fold, Folded> folded = folds.getOrDefault(key, Map.of());
    long foldedLines = 0;
    if (!folded.isEmpty()) {
      List<SpendRow> foldedRows = new ArrayList<>();
      for (Map.Entry<Fold, Folded> entry : folded.entrySet()) {
        Fold fold = entry.getKey();
        foldedLines += entry.getValue().lines;
        foldedRows.add(
            new SpendRow(
                key,
                fold.accountId(),
                null,
                fold.verdict(),
                null,
                entry.getValue().amount,
                fold.currency(),
                entry.getValue().lines));
      }
      rows.addAll(foldedRows);
      // Each account's values, then its folded rows (valid before invalid), by currency.
      rows.sort(
          Comparator.comparing(SpendRow::accountId)
              .thenComparing(SpendRow::isFolded)
              .thenComparing(SpendRow::value, Comparator.nullsFirst(Comparator.naturalOrder()))
              .thenComparing(SpendRow::verdict)
              .thenComparing(SpendRow::currency));
    }
    for (SpendRow row : rows) {
      SpendTotals one = SpendTotals.zero(row.currency()).plus(row.verdict(), row.amount());
      byAccount
          .computeIfAbsent(row.accountId(), a -> new TreeMap<>())
          .merge(row.currency(), one, SpendJudge::sum);
      totals.merge(row.currency(), one, SpendJudge::sum);
    }
    TreeMap<String, List<SpendTotals>> accounts = new TreeMap<>();
    byAccount.forEach((account, t) -> accounts.put(account, List.copyOf(t.values())));
    return new KeySpend(
        key,
        rows,
        accounts,
        List.copyOf(totals.values()),
        foldedLines == 0 ? 0 : limit,
        foldedLines);
  }

  private Finding finding(String key, String value) {
    return verdicts.get(key).get(value).orElse(null);
  }

  private static SpendTotals sum(SpendTotals a, SpendTotals b) {
    return new SpendTotals(
        a.currency(),
        a.valid().add(b.valid()),
        a.invalid().add(b.invalid()),
        a.untagged().add(b.untagged()));
  }
}
