package io.tagscan.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.FixPlan;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.TagChange;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndoWriterTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static ResourceFix fix(int n) {
    TreeMap<String, String> tags = new TreeMap<>();
    tags.put("CostCenter", "2045");
    return new ResourceFix(
        "arn:aws:ec2:us-east-1:111122223333:instance/i-" + n,
        "111122223333",
        "us-east-1",
        "ec2:instance",
        tags,
        List.of(TagChange.rename("CostCenter", "2045", "cost-center", "key-alias", "old")));
  }

  private static FixPlan plan() {
    return new FixPlan("t", CLOCK.instant(), "d.yaml", "", "t", null, List.of(), List.of());
  }

  @Test
  void writesAgainOnlyOnceASecondHasPassed() {
    AtomicLong nanos = new AtomicLong();
    Path file = dir.resolve("undo.json");
    UndoWriter undo = new UndoWriter(plan(), "sha256:p", file, CLOCK, nanos::get);
    undo.reached(fix(1), fix(1).after());
    undo.maybeWrite();
    undo.reached(fix(2), fix(2).after());
    nanos.set(999_000_000L);
    undo.maybeWrite();
    assertThat(PlanJson.read(file).resources()).hasSize(1);
    nanos.set(1_000_000_000L);
    undo.maybeWrite();
    assertThat(PlanJson.read(file).resources()).hasSize(2);
  }

  @Test
  void closingWritesWhatIsInFlightAndThenNothingMore() {
    Path file = dir.resolve("undo.json");
    UndoWriter undo = new UndoWriter(plan(), "sha256:p", file, CLOCK, () -> 0L);
    undo.reached(fix(1), fix(1).after());
    undo.maybeWrite();
    // A call is sent for resource 2, and Ctrl-C comes before its answer.
    undo.reached(fix(2), fix(2).after());
    undo.close();
    assertThat(PlanJson.read(file).resources()).hasSize(2);

    undo.reached(fix(3), fix(3).after());
    undo.finish();
    assertThat(PlanJson.read(file).resources()).hasSize(2);
  }

  @Test
  void aResourceAwsRefusedLeavesTheUndoPlanAgain() {
    Path file = dir.resolve("undo.json");
    UndoWriter undo = new UndoWriter(plan(), "sha256:p", file, CLOCK, () -> 0L);
    undo.reached(fix(1), fix(1).after());
    undo.reached(fix(2), fix(2).after());
    undo.reached(fix(2), fix(2).tags());
    String checksum = undo.finish();
    FixPlan written = PlanJson.read(file);
    assertThat(written.resources()).extracting(ResourceFix::arn).containsExactly(fix(1).arn());
    assertThat(PlanJson.checksum(written)).isEqualTo(checksum);
    assertThat(written.resources().get(0).tags()).containsOnlyKeys("cost-center");
  }
}
