package io.tagscan.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.billing.CostMetric;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.model.Cost;
import io.tagscan.model.RuleId;
import io.tagscan.rules.RuleEngine;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FOCUS export's spend split by its own tags, through the judge Cost Explorer lines go through.
 */
class FocusSplitTest {

  private static final String ENV = "anycompany:workload:environment";
  private static final String HEADER =
      "BillingCurrency,BilledCost,EffectiveCost,ResourceId,SubAccountId,ChargePeriodStart,Tags\n";

  @TempDir Path dir;

  private static SpendJudge judge() {
    return new SpendJudge(
        new RuleEngine(
            DictionaryLoader.parse(
                "d.yaml",
                """
                version: 1
                prefix: anycompany
                tags:
                  - key: anycompany:workload:environment
                    cost-allocation: true
                    mandatory: true
                    values: { allowed: [dev, test, production] }
                """),
            List.of(),
            LocalDate.parse("2026-11-01")));
  }

  private Path export(String rows) throws IOException {
    Path file = dir.resolve("focus.csv");
    Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void judgesEachValueFromTheRowsOwnTags() throws IOException {
    Path file =
        export(
            """
            USD,10,9,arn:aws:s3:::a,111,2026-11-01,"{""anycompany:workload:environment"":""production""}"
            USD,2.5,2,arn:aws:s3:::b,111,2026-11-02,"{""anycompany:workload:environment"":""Production""}"
            USD,1,1,arn:aws:s3:::c,222,2026-11-03,"{""other"":""x""}"
            USD,0.5,0.5,arn:aws:s3:::d,222,2026-11-03,"{""anycompany:workload:environment"":null}"
            """);

    FocusSpend spend =
        FocusSplit.read(List.of(file), CostMetric.BILLED_COST, List.of(ENV), judge());

    KeySpend env = spend.keys().get(0);
    assertThat(env.totals())
        .containsExactly(
            new SpendTotals(
                "USD", new BigDecimal("10"), new BigDecimal("3.0"), new BigDecimal("1")));
    assertThat(env.rows())
        .extracting(r -> r.value(), r -> r.finding() == null ? null : r.finding().rule())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Production", RuleId.VALUE_CASE_MISMATCH),
            org.assertj.core.groups.Tuple.tuple("production", null),
            org.assertj.core.groups.Tuple.tuple(null, null),
            org.assertj.core.groups.Tuple.tuple("", RuleId.EMPTY_VALUE));
    assertThat(spend.firstChargePeriod()).isEqualTo("2026-11-01");
    assertThat(spend.lastChargePeriod()).isEqualTo("2026-11-03");
  }

  @Test
  void sumsTheChosenColumn() throws IOException {
    Path file =
        export(
            "USD,10,9,arn:aws:s3:::a,111,,\"{\"\"anycompany:workload:environment\"\":\"\"dev\"\"}\"\n");

    FocusSpend spend =
        FocusSplit.read(List.of(file), CostMetric.EFFECTIVE_COST, List.of(ENV), judge());

    assertThat(spend.keys().get(0).totals().get(0).valid()).isEqualByComparingTo("9");
    assertThat(spend.metric()).isEqualTo("EffectiveCost");
    assertThat(spend.firstChargePeriod()).isNull();
  }

  @Test
  void keepsSpendWithNoResourceIdOutOfTheKeysSplit() throws IOException {
    Path file =
        export(
            """
            USD,10,10,arn:aws:s3:::a,111,,"{""anycompany:workload:environment"":""dev""}"
            USD,3.10,3.10,,111,,
            USD,-1.5,0,,222,,
            EUR,2,2,,222,,
            """);

    FocusSpend spend =
        FocusSplit.read(List.of(file), CostMetric.BILLED_COST, List.of(ENV), judge());

    assertThat(spend.keys().get(0).totals())
        .containsExactly(
            new SpendTotals("USD", new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO));
    assertThat(spend.withoutResource())
        .containsExactly(
            new Cost(new BigDecimal("2"), "EUR"), new Cost(new BigDecimal("1.60"), "USD"));
    assertThat(spend.withoutResourceByAccount().get("222"))
        .containsExactly(
            new Cost(new BigDecimal("2"), "EUR"), new Cost(new BigDecimal("-1.5"), "USD"));
    assertThat(spend.rows()).isEqualTo(4);
  }

  @Test
  void holdsOneSumPerKeyAccountValueAndCurrencyWhateverTheNumberOfRows() throws IOException {
    Path file = dir.resolve("big.csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      for (int i = 0; i < 50_000; i++) {
        String value = i % 2 == 0 ? "dev" : "prod";
        out.write(
            "USD,0.01,0.01,arn:aws:ec2:us-east-1:111:instance/i-"
                + i
                + ",111,,\"{\"\"anycompany:workload:environment\"\":\"\""
                + value
                + "\"\"}\"\n");
      }
    }

    FocusSpend spend =
        FocusSplit.read(List.of(file), CostMetric.BILLED_COST, List.of(ENV), judge());

    assertThat(spend.rows()).isEqualTo(50_000);
    assertThat(spend.keys().get(0).rows()).hasSize(2);
    assertThat(spend.keys().get(0).totals().get(0).total()).isEqualByComparingTo("500");
  }
}
