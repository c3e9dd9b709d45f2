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

  /**
   * Costliest first, for resources with a cost: by currency (amounts in different currencies are
   * never compared), then the larger amount, then worst first.
   */
  static final Comparator<CheckedResource> COSTLIEST_FIRST =
      Comparator.comparing((CheckedResource checked) -> checked.cost().currency())
          .thenComparing(checked -> checked.cost().amount(), Comparator.reverseOrder())
          .thenComparing(WORST_FIRST);

  private final int limit;
  private final Comparator<CheckedResource> order;
  // The head is the least bad resource kept, the first to give way.
  private final PriorityQueue<CheckedResource> kept;

  WorstResources(int limit) {
    this(limit, WORST_FIRST);
  }

  /** The {@code limit} first resources in this order instead. */
  WorstResources(int limit, Comparator<CheckedResource> order) {
    this.limit = limit;
    this.order = order;
    this.kept = new PriorityQueue<>(Math.max(1, Math.min(limit, 1024)), order.reversed());
  }

  /** Offers a resource with at least one finding; thread-safe. */
  synchronized void offer(CheckedResource checked) {
    if (limit == 0) {
      return;
    }
    if (kept.size() < limit) {
      kept.add(checked);
    } else if (order.compare(checked, kept.peek()) < 0) {
      kept.poll();
      kept.add(checked);
    }
  }

  /** The resources kept, worst first. */
  synchronized List<CheckedResource> worstFirst() {
    List<CheckedResource> list = new ArrayList<>(kept);
    list.sort(order);
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
