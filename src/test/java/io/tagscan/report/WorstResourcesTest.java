package io.tagscan.report;

import static io.tagscan.report.Fixtures.checked;
import static io.tagscan.report.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorstResourcesTest {

  private static CheckedResource withFindings(String id, Severity... severities) {
    return checked(
        "111122223333",
        "eu-west-1",
        id,
        Map.of(),
        java.util.Arrays.stream(severities)
            .map(severity -> finding(RuleId.EMPTY_VALUE, severity, "k"))
            .toArray(io.tagscan.model.Finding[]::new));
  }

  @Test
  void keepsTheWorstBySeverityThenFindingCountThenArn() {
    List<CheckedResource> all = new ArrayList<>();
    all.add(withFindings("a-info", Severity.INFO));
    all.add(withFindings("b-warning", Severity.WARNING));
    all.add(withFindings("c-error", Severity.ERROR));
    all.add(withFindings("d-two-errors", Severity.ERROR, Severity.INFO));
    all.add(withFindings("a-error", Severity.ERROR));
    all.add(withFindings("e-two-warnings", Severity.WARNING, Severity.WARNING));
    for (int seed = 0; seed < 5; seed++) {
      Collections.shuffle(all, new Random(seed));
      WorstResources worst = new WorstResources(4);
      all.forEach(worst::offer);

      assertThat(worst.worstFirst())
          .extracting(r -> r.resource().arn().substring(r.resource().arn().indexOf('/') + 1))
          .containsExactly("d-two-errors", "a-error", "c-error", "e-two-warnings");
    }
  }

  @Test
  void keepsNothingWithALimitOfZero() {
    WorstResources worst = new WorstResources(0);
    worst.offer(withFindings("x", Severity.ERROR));

    assertThat(worst.worstFirst()).isEmpty();
  }
}
