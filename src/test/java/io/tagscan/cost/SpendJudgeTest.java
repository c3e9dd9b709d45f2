package io.tagscan.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Source;
import io.tagscan.model.SpendLine;
import io.tagscan.rules.RuleEngine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Spend judged with the dictionary's value rules, in exact decimals, per currency. */
class SpendJudgeTest {

  private static final String ENV = "anycompany:workload:environment";
  private static final String DICTIONARY =
      """
      version: 1
      prefix: anycompany
      tags:
        - key: anycompany:workload:environment
          cost-allocation: true
          mandatory: true
          values: { allowed: [dev, test, production] }
      """;

  private static RuleEngine engine(String yaml) {
    return new RuleEngine(
        DictionaryLoader.parse("d.yaml", yaml), List.of(), LocalDate.parse("2026-11-01"));
  }

  private static SpendLine line(String account, String value, String amount, String currency) {
    return new SpendLine(ENV, account, value, new BigDecimal(amount), currency);
  }

  @Test
  void splitsSpendIntoValidInvalidAndUntaggedPerAccountAndInTotal() {
    SpendJudge judge = new SpendJudge(engine(DICTIONARY));
    judge.addAll(
        Stream.of(
            line("111", "production", "0.1", "USD"),
            line("111", "production", "0.2", "USD"),
            line("111", "Production", "10", "USD"),
            line("222", "prod", "5.55", "USD"),
            line("222", null, "4.45", "USD")));

    KeySpend env = judge.result().get(0);

    assertThat(env.totals())
        .containsExactly(
            new SpendTotals(
                "USD", new BigDecimal("0.3"), new BigDecimal("15.55"), new BigDecimal("4.45")));
    assertThat(env.totals().get(0).unallocatedPercent()).isEqualByComparingTo("98.52");
    assertThat(env.account("222").get(0).untagged()).isEqualByComparingTo("4.45");
    assertThat(env.account("111").get(0).invalid()).isEqualByComparingTo("10");
    assertThat(env.rows())
        .extracting(SpendRow::accountId, SpendRow::value, SpendRow::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("111", "Production", Verdict.INVALID),
            org.assertj.core.groups.Tuple.tuple("111", "production", Verdict.VALID),
            org.assertj.core.groups.Tuple.tuple("222", null, Verdict.UNTAGGED),
            org.assertj.core.groups.Tuple.tuple("222", "prod", Verdict.INVALID));
  }

  @Test
  void givesAValueTheVeryFindingTheResourceRulesGiveIt() {
    RuleEngine engine = engine(DICTIONARY);
    SpendJudge judge = new SpendJudge(engine);
    judge.add(line("111", "Production", "1", "USD"));
    judge.add(line("111", "prod", "1", "USD"));

    List<Finding> byResource =
        engine.check(
            new Resource(
                "arn:aws:ec2:us-east-1:111:instance/i-1",
                "111",
                "us-east-1",
                "ec2:instance",
                Source.TAGGING_API,
                new TreeMap<>(Map.of(ENV, "Production"))));
    Finding bySpend = judge.result().get(0).rows().get(0).finding();

    assertThat(bySpend).isEqualTo(byResource.get(0));
    assertThat(bySpend.rule()).isEqualTo(RuleId.VALUE_CASE_MISMATCH);
    assertThat(bySpend.fix()).isEqualTo("set '" + ENV + "' to 'production'");
    assertThat(judge.result().get(0).rows().get(1).finding().rule())
        .isEqualTo(RuleId.VALUE_NOT_ALLOWED);
  }

  @Test
  void acceptsWhatARuleSwitchedOffWouldHaveReported() {
    SpendJudge judge = new SpendJudge(engine(DICTIONARY + "rules:\n  value-case-mismatch: off\n"));
    judge.add(line("111", "Production", "1", "USD"));

    assertThat(judge.result().get(0).rows().get(0).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void neverAddsAmountsInDifferentCurrencies() {
    SpendJudge judge = new SpendJudge(engine(DICTIONARY));
    judge.add(line("111", "dev", "1", "USD"));
    judge.add(line("111", "dev", "2", "EUR"));

    KeySpend env = judge.result().get(0);

    assertThat(env.mixedCurrencies()).isTrue();
    assertThat(env.totals()).extracting(SpendTotals::currency).containsExactly("EUR", "USD");
    assertThat(env.totalsByCurrency().get("EUR").valid()).isEqualByComparingTo("2");
    assertThat(env.totalsByCurrency().get("USD").valid()).isEqualByComparingTo("1");
  }

  @Test
  void keepsAmountsExact() {
    SpendJudge judge = new SpendJudge(engine(DICTIONARY));
    for (int i = 0; i < 10; i++) {
      judge.add(line("111", "dev", "0.1", "USD"));
    }
    assertThat(judge.result().get(0).totals().get(0).valid()).isEqualTo(new BigDecimal("1.0"));
  }

  @Test
  void listsAnExpectedKeyWithNoSpend() {
    SpendJudge judge = new SpendJudge(engine(DICTIONARY));
    judge.expect(ENV);
    assertThat(judge.result()).singleElement().satisfies(k -> assertThat(k.rows()).isEmpty());
  }

  @Test
  void foldsValuesPastTheLimitIntoOneRowPerAccountVerdictAndCurrency() {
    SpendJudge judge = new SpendJudge(engine(DICTIONARY), 2);
    judge.addAll(
        Stream.of(
            line("111", "dev", "1", "USD"),
            line("111", "Prod-1", "2", "USD"),
            line("111", "test", "4", "USD"),
            line("111", "Prod-2", "8", "USD"),
            line("111", "Prod-3", "16", "USD"),
            line("222", "production", "32", "USD"),
            line("222", "Prod-4", "64", "EUR"),
            line("222", "dev", "128", "USD"),
            line("222", null, "256", "USD")));

    KeySpend env = judge.result().get(0);

    assertThat(env.valueLimit()).isEqualTo(2);
    assertThat(env.foldedLines()).isEqualTo(5);
    assertThat(env.rows())
        .extracting(
            SpendRow::accountId,
            SpendRow::shownValue,
            SpendRow::verdict,
            r -> r.amount().toPlainString(),
            SpendRow::currency,
            SpendRow::folded)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("111", "Prod-1", Verdict.INVALID, "2", "USD", 0L),
            org.assertj.core.groups.Tuple.tuple("111", "dev", Verdict.VALID, "1", "USD", 0L),
            org.assertj.core.groups.Tuple.tuple(
                "111", SpendRow.OTHER_VALUES, Verdict.VALID, "4", "USD", 1L),
            org.assertj.core.groups.Tuple.tuple(
                "111", SpendRow.OTHER_VALUES, Verdict.INVALID, "24", "USD", 2L),
            org.assertj.core.groups.Tuple.tuple("222", null, Verdict.UNTAGGED, "256", "USD", 0L),
            org.assertj.core.groups.Tuple.tuple("222", "dev", Verdict.VALID, "128", "USD", 0L),
            org.assertj.core.groups.Tuple.tuple(
                "222", SpendRow.OTHER_VALUES, Verdict.VALID, "32", "USD", 1L),
            org.assertj.core.groups.Tuple.tuple(
                "222", SpendRow.OTHER_VALUES, Verdict.INVALID, "64", "EUR", 1L));
    assertThat(env.totalsByCurrency().get("USD"))
        .isEqualTo(
            new SpendTotals(
                "USD", new BigDecimal("165"), new BigDecimal("26"), new BigDecimal("256")));
    assertThat(env.totalsByCurrency().get("EUR").invalid()).isEqualByComparingTo("64");
    assertThat(env.account("111").get(0).total()).isEqualByComparingTo("31");
  }

  @Test
  void foldsNothingUpToTheLimit() {
    SpendJudge judge = new SpendJudge(engine(DICTIONARY), 2);
    judge.add(line("111", "dev", "1", "USD"));
    judge.add(line("222", "test", "1", "USD"));
    judge.add(line("333", "dev", "1", "USD"));

    KeySpend env = judge.result().get(0);

    assertThat(env.folded()).isFalse();
    assertThat(env.rows()).noneMatch(SpendRow::isFolded).hasSize(3);
  }

  @Test
  void keepsTheDefaultLimitAtTenThousandValues() {
    SpendJudge judge = new SpendJudge(engine(DICTIONARY));
    for (int i = 0; i <= SpendJudge.VALUE_LIMIT; i++) {
      judge.add(line("111", "v" + i, "1", "USD"));
    }

    KeySpend env = judge.result().get(0);

    assertThat(SpendJudge.VALUE_LIMIT).isEqualTo(10_000);
    assertThat(env.rows()).hasSize(SpendJudge.VALUE_LIMIT + 1);
    assertThat(env.rows().get(SpendJudge.VALUE_LIMIT).folded()).isEqualTo(1);
    assertThat(env.totals().get(0).invalid()).isEqualByComparingTo("10001");
  }

  private static SpendTotals usd(String valid, String invalid, String untagged) {
    return new SpendTotals(
        "USD", new BigDecimal(valid), new BigDecimal(invalid), new BigDecimal(untagged));
  }

  @Test
  void keepsTheUnallocatedShareWithinZeroAndAHundredWhateverTheCredits() {
    // Credits on valid spend smaller than the invalid charges: 20 / 15 would be 133 %.
    assertThat(usd("-5", "20", "0").unallocatedPercent()).isEqualByComparingTo("100.00");
    // A credit on invalid spend lowers the unallocated side, never below zero.
    assertThat(usd("100", "-20", "30").unallocatedPercent()).isEqualByComparingTo("9.09");
    assertThat(usd("100", "-50", "0").unallocatedPercent()).isEqualByComparingTo("0.00");
    assertThat(usd("-1", "-1", "-1").unallocatedPercent()).isEqualByComparingTo("0.00");
    assertThat(usd("0", "0", "0").unallocatedPercent()).isEqualByComparingTo("0.00");
    assertThat(usd("1", "2", "1").unallocatedPercent()).isEqualByComparingTo("75.00");
  }
}
