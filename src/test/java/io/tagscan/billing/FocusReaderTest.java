package io.tagscan.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FocusReaderTest {

  private static final Path HOSTILE = Path.of("src/test/resources/focus/hostile.csv");

  @TempDir Path dir;

  private static List<FocusRow> read(Path... files) {
    List<FocusRow> rows = new ArrayList<>();
    FocusReader.read(List.of(files), rows::add);
    return rows;
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsColumnsByTheirHeaderInAnyOrderAndKeepsHostileTagValuesVerbatim() {
    List<FocusRow> rows = read(HOSTILE);

    assertThat(rows).hasSize(3);
    FocusRow endpoint = rows.get(0);
    assertThat(endpoint.resourceId())
        .isEqualTo("arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn");
    assertThat(endpoint.billedCost()).isEqualTo(new BigDecimal("12.3400000001"));
    assertThat(endpoint.effectiveCost()).isEqualTo(new BigDecimal("10.00"));
    assertThat(endpoint.currency()).isEqualTo("USD");
    assertThat(endpoint.subAccountId()).isEqualTo("111122223333");
    assertThat(endpoint.serviceName()).isEqualTo("Amazon SageMaker");
    assertThat(endpoint.chargePeriodStart()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(endpoint.tags())
        .containsEntry("anycompany:finance:cost-center", "=HYPERLINK(\"http://evil\",\"x\")")
        .containsEntry("anycompany:workload:environment", "prod\u202Euction")
        .containsEntry("note", "<script>alert(1)</script>")
        .containsEntry("empty", "")
        .hasSize(4);
    assertThat(rows.get(1).resourceId()).isEqualTo("arn:aws:s3:::logs");
    assertThat(rows.get(1).tags()).isEmpty();
    assertThat(rows.get(2).resourceId()).isEmpty();
    assertThat(rows.get(2).cost(CostMetric.BILLED_COST)).isEqualTo(new BigDecimal("-1.5"));
    assertThat(rows.get(2).cost(CostMetric.EFFECTIVE_COST)).isEqualTo(new BigDecimal("0"));
  }

  @Test
  void readsGzipAndSeveralFilesInOrder() throws IOException {
    Path gz = dir.resolve("part-00001.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(HOSTILE));
    }
    Path second =
        write(
            "part-00002.csv",
            "SubAccountId,BillingCurrency,EffectiveCost,BilledCost,ResourceId\n"
                + "999988887777,EUR,1,2,i-0abc\n");

    List<FocusRow> rows = read(gz, second);

    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).tags()).containsEntry("note", "<script>alert(1)</script>");
    assertThat(rows.get(3).resourceId()).isEqualTo("i-0abc");
    assertThat(rows.get(3).currency()).isEqualTo("EUR");
    assertThat(rows.get(3).tags()).isEmpty();
  }

  @Test
  void placesEveryBadCellAtItsCsvLineAndColumn() throws IOException {
    Path file =
        write(
            "bad.csv",
            "ResourceId,BilledCost,EffectiveCost,BillingCurrency,SubAccountId,Tags\n"
                + "a,1.5,1,USD,1,{}\n"
                + "\"multi\nline\",1e999999999,1,USD,1,{}\n"
                + "c,2,=cmd|' /C calc'!A0,USD,1,{}\n"
                + "d,2,2,USD,1,[1]\n"
                + "e,2,2,USD,1,\"{\"\"k\"\": 5}\"\n"
                + "f,2,2,USD,1,{not json\n");

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(InputException.class)
        .satisfies(
            e ->
                assertThat(
                        ((InputException) e)
                            .diagnostics().stream().map(Diagnostic::format).toList())
                    .containsExactly(
                        file + ":4:7: error: BilledCost is not a decimal amount: '1e999999999'",
                        file
                            + ":5:5: error: EffectiveCost is not a decimal amount: '=cmd|' /C"
                            + " calc'!A0'",
                        file + ":6:13: error: Tags is not a JSON object",
                        file + ":7:13: error: Tags: the tag 'k' has a value that is not a string",
                        file
                            + ":8:13: error: Tags is not JSON: Unexpected character ('n' (code"
                            + " 110)): was expecting double-quote to start field name"));
  }

  @Test
  void refusesAFileWithoutTheFocusColumns() throws IOException {
    Path file = write("cur.csv", "line_item_resource_id,line_item_unblended_cost\nx,1\n");

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(
            file
                + ":1:1: error: not a FOCUS export: the header has no ResourceId, BilledCost,"
                + " EffectiveCost, BillingCurrency, SubAccountId columns");
  }
}
