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
 * <p>Not thread-safe: one judge per run, fed from one thread.
 */
public final class SpendJudge {

  private record Cell(String key, String accountId, String value, String currency) {}

  private static final Comparator<Cell> ORDER =
      Comparator.comparing(Cell::accountId)
          .thenComparing(Cell::value, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Cell::currency);

  private final RuleEngine engine;
  private final Map<String, Map<Cell, BigDecimal>> byKey = new TreeMap<>();
  private final Map<String, Map<String, Optional<Finding>>> verdicts = new HashMap<>();

  public SpendJudge(RuleEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** Makes sure a key appears in the result even when no spend arrives for it. */
  public void expect(String key) {
    byKey.computeIfAbsent(key, k -> new HashMap<>());
  }

  /** Adds one line. */
  public void add(SpendLine line) {
    Cell cell = new Cell(line.key(), line.accountId(), line.value(), line.currency());
    byKey
        .computeIfAbsent(line.key(), k -> new HashMap<>())
        .merge(cell, line.amount(), BigDecimal::add);
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
              BigDecimal amount = entry.getValue();
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
                      amount,
                      cell.currency()));
              byAccount
                  .computeIfAbsent(cell.accountId(), a -> new TreeMap<>())
                  .merge(
                      cell.currency(),
                      SpendTotals.zero(cell.currency()).plus(verdict, amount),
                      SpendJudge::sum);
              totals.merge(
                  cell.currency(),
                  SpendTotals.zero(cell.currency()).plus(verdict, amount),
                  SpendJudge::sum);
            });
    TreeMap<String, List<SpendTotals>> accounts = new TreeMap<>();
    byAccount.forEach((account, t) -> accounts.put(account, List.copyOf(t.values())));
    return new KeySpend(key, rows, accounts, List.copyOf(totals.values()));
  }

  private Finding finding(String key, String value) {
    return verdicts
        .computeIfAbsent(key, k -> new HashMap<>())
        .computeIfAbsent(value, v -> Optional.ofNullable(engine.checkValue(key, v)))
        .orElse(null);
  }

  private static SpendTotals sum(SpendTotals a, SpendTotals b) {
    return new SpendTotals(
        a.currency(),
        a.valid().add(b.valid()),
        a.invalid().add(b.invalid()),
        a.untagged().add(b.untagged()));
  }
}
