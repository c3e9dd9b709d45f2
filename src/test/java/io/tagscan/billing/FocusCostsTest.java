package io.tagscan.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.Cost;
import io.tagscan.model.InputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FocusCostsTest {

  private static final String HEADER =
      "ResourceId,BilledCost,EffectiveCost,BillingCurrency,SubAccountId\n";

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "focus", ".csv");
    Files.writeString(file, HEADER + text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void sumsEachResourceOverEveryRowAndFileWithExactDecimals() throws IOException {
    Path first =
        write(
            "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn,0.1,0.05,USD,111122223333\n"
                + "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn,0.2,0.05,USD,111122223333\n"
                + ",5,4,USD,111122223333\n");
    Path second =
        write(
            "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn,0.0000001,0,USD,111122223333\n");

    FocusCosts billed = FocusCosts.read(List.of(first, second), CostMetric.BILLED_COST);
    FocusCosts effective = FocusCosts.read(List.of(first, second), CostMetric.EFFECTIVE_COST);

    String arn = "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn";
    assertThat(billed.costOf(arn, "111122223333").amountText()).isEqualTo("0.3000001");
    assertThat(billed.costOf(arn, "111122223333").currency()).isEqualTo("USD");
    assertThat(effective.costOf(arn, "111122223333").amount())
        .isEqualByComparingTo(new BigDecimal("0.1"));
    assertThat(billed.resources()).isEqualTo(1);
    assertThat(billed.withoutResource()).containsEntry("USD", new BigDecimal("5"));
  }

  @Test
  void matchesABareIdOnlyInItsOwnAccount() throws IOException {
    Path file =
        write(
            "i-0abc,2.50,2.50,USD,111122223333\n"
                + "logs-bucket,1,1,USD,111122223333\n"
                + "i-0def,9,9,USD,444455556666\n");

    FocusCosts costs = FocusCosts.read(List.of(file), CostMetric.BILLED_COST);

    assertThat(costs.costOf("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", "111122223333"))
        .isEqualTo(new Cost(new BigDecimal("2.50"), "USD"));
    assertThat(costs.costOf("arn:aws:s3:::logs-bucket", "111122223333").amountText())
        .isEqualTo("1");
    assertThat(costs.costOf("arn:aws:ec2:us-east-1:111122223333:instance/i-0def", "111122223333"))
        .isNull();
    assertThat(costs.costOf("arn:aws:s3:::logs-bucket", "")).isNull();
  }

  @Test
  void refusesToAddAmountsInDifferentCurrencies() throws IOException {
    Path file = write("i-0abc,1,1,USD,111122223333\ni-0abc,1,1,EUR,111122223333\n");

    assertThatThrownBy(() -> FocusCosts.read(List.of(file), CostMetric.BILLED_COST))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'i-0abc' is billed in both USD and EUR");
  }

  @Test
  void stopsWithAnInputErrorBeyondItsBoundOnResources() throws IOException {
    Path file = write("i-1,1,1,USD,111122223333\ni-2,1,1,USD,111122223333\n");

    assertThatThrownBy(() -> FocusCosts.read(List.of(file), CostMetric.BILLED_COST, 1))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("names more than 1 resources");
  }
}
