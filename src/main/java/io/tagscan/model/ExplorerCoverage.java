package io.tagscan.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What Resource Explorer gave a scan: the views read (with when AWS last updated each, where it
 * says), the resource types seen, how many results were dropped for lying outside {@code
 * --accounts}, {@code --regions} or {@code --resource-types}, how many untagged results were left
 * out because {@code --untagged-types} does not count their type, and per account × region how many
 * resources each source gave and how many only Resource Explorer gave.
 */
public record ExplorerCoverage(
    List<View> views,
    List<String> resourceTypes,
    long outsideFilters,
    long untaggedTypeSkipped,
    List<Pair> pairs) {

  /** A Resource Explorer view; {@code lastUpdatedAt} is null when AWS did not say. */
  public record View(String arn, java.time.Instant lastUpdatedAt) {
    public View {
      Objects.requireNonNull(arn, "arn");
    }
  }

  /**
   * One account × region: resources the Tagging API returned (and SageMaker's listing added), the
   * resources Resource Explorer returned, and those only Resource Explorer returned. In a scan
   * through Resource Explorer alone {@code taggingApi} is zero and every resource counts as only
   * Resource Explorer's.
   */
  public record Pair(
      String accountId, String region, int taggingApi, int resourceExplorer, int explorerOnly) {

    /** By account, then region. */
    public static final Comparator<Pair> ORDER =
        Comparator.comparing(Pair::accountId).thenComparing(Pair::region);

    public Pair {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(region, "region");
      if (taggingApi < 0 || resourceExplorer < 0 || explorerOnly < 0) {
        throw new IllegalArgumentException("Resource Explorer counts cannot be negative");
      }
      if (explorerOnly > resourceExplorer) {
        throw new IllegalArgumentException(
            "more resources found only by Resource Explorer than it returned");
      }
    }
  }

  public ExplorerCoverage {
    List<View> sortedViews = new ArrayList<>(views);
    sortedViews.sort(Comparator.comparing(View::arn));
    views = List.copyOf(sortedViews);
    resourceTypes = List.copyOf(new TreeSet<>(resourceTypes));
    if (outsideFilters < 0 || untaggedTypeSkipped < 0) {
      throw new IllegalArgumentException("Resource Explorer counts cannot be negative");
    }
    List<Pair> sorted = new ArrayList<>(pairs);
    sorted.sort(Pair.ORDER);
    pairs = List.copyOf(sorted);
  }

  /** Resources only Resource Explorer gave, over every account and region. */
  public long explorerOnly() {
    return pairs.stream().mapToLong(Pair::explorerOnly).sum();
  }

  /** The figures of the accounts {@code holds} keeps, for a scan of one shard of a snapshot. */
  public ExplorerCoverage inShard(java.util.function.Predicate<String> holds) {
    return new ExplorerCoverage(
        views,
        resourceTypes,
        outsideFilters,
        untaggedTypeSkipped,
        pairs.stream().filter(pair -> holds.test(pair.accountId())).toList());
  }

  /** The figures of several reports (or shards) together: views and types joined, counts added. */
  public static ExplorerCoverage merge(List<ExplorerCoverage> parts) {
    List<View> views = new ArrayList<>();
    TreeSet<String> arns = new TreeSet<>();
    TreeSet<String> types = new TreeSet<>();
    long outside = 0;
    long skipped = 0;
    java.util.LinkedHashSet<Pair> pairs = new java.util.LinkedHashSet<>();
    for (ExplorerCoverage part : parts) {
      for (View view : part.views) {
        if (arns.add(view.arn())) {
          views.add(view);
        }
      }
      types.addAll(part.resourceTypes);
      outside += part.outsideFilters;
      skipped += part.untaggedTypeSkipped;
      pairs.addAll(part.pairs);
    }
    return new ExplorerCoverage(views, List.copyOf(types), outside, skipped, List.copyOf(pairs));
  }
}
