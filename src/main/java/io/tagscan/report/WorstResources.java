package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} worst resources seen so far, kept in a bounded heap rather than by sorting
 * everything: worst means the most severe finding, then the most findings, then ARN order.
 */
final class WorstResources {

  /** Worst first; resources alike in every ranked field fall back to their full encoding. */
  static final Comparator<CheckedResource> WORST_FIRST =
      Comparator.comparing(WorstResources::worstSeverity)
          .thenComparing(checked -> -checked.findings().size())
          .thenComparing(checked -> checked.resource().arn())
          .thenComparing(checked -> checked.resource().accountId())
          .thenComparing(checked -> checked.resource().region())
          .thenComparing(
              (a, b) -> Arrays.compareUnsigned(ResourceCodec.encode(a), ResourceCodec.encode(b)));

  private final int limit;
  // The head is the least bad resource kept, the first to give way.
  private final PriorityQueue<CheckedResource> kept;

  WorstResources(int limit) {
    this.limit = limit;
    this.kept = new PriorityQueue<>(Math.max(1, Math.min(limit, 1024)), WORST_FIRST.reversed());
  }

  /** Offers a resource with at least one finding; thread-safe. */
  synchronized void offer(CheckedResource checked) {
    if (limit == 0) {
      return;
    }
    if (kept.size() < limit) {
      kept.add(checked);
    } else if (WORST_FIRST.compare(checked, kept.peek()) < 0) {
      kept.poll();
      kept.add(checked);
    }
  }

  /** The resources kept, worst first. */
  synchronized List<CheckedResource> worstFirst() {
    List<CheckedResource> list = new ArrayList<>(kept);
    list.sort(WORST_FIRST);
    return list;
  }

  /** The most severe finding of a resource; resources without findings never reach here. */
  static Severity worstSeverity(CheckedResource checked) {
    Severity worst = Severity.INFO;
    for (Finding finding : checked.findings()) {
      if (finding.severity().atLeast(worst)) {
        worst = finding.severity();
      }
    }
    return worst;
  }
}
