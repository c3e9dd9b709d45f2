package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first resources, in report order (account, region, ARN), that carry findings an exemption
 * waived, for {@code --show-suppressed} in the table and the Markdown page; bounded, whatever the
 * arrival order, and thread-safe.
 */
final class SuppressedResources {

  static final Comparator<CheckedResource> IN_ORDER =
      Comparator.comparing((CheckedResource checked) -> checked.resource().accountId())
          .thenComparing(checked -> checked.resource().region())
          .thenComparing(checked -> checked.resource().arn());

  private final int limit;
  // The head is the last resource in report order, the first to give way.
  private final PriorityQueue<CheckedResource> kept;
  private long resources;

  SuppressedResources(int limit) {
    this.limit = limit;
    this.kept = new PriorityQueue<>(Math.max(1, Math.min(limit, 1024)), IN_ORDER.reversed());
  }

  /** Offers a resource; those without waived findings are ignored. */
  synchronized void offer(CheckedResource checked) {
    if (checked.suppressed().isEmpty()) {
      return;
    }
    resources++;
    if (limit == 0) {
      return;
    }
    if (kept.size() < limit) {
      kept.add(checked);
    } else if (IN_ORDER.compare(checked, kept.peek()) < 0) {
      kept.poll();
      kept.add(checked);
    }
  }

  /** The resources kept, in report order. */
  synchronized List<CheckedResource> inOrder() {
    List<CheckedResource> list = new ArrayList<>(kept);
    list.sort(IN_ORDER);
    return list;
  }

  /** How many resources carried waived findings, kept or not. */
  synchronized long resources() {
    return resources;
  }
}
