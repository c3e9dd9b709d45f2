package io.tagscan.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A reviewable remediation plan: per resource the tags read when it was made and the safe changes
 * to them, and the findings left alone with their reasons.
 *
 * <p>{@code source} says where the resources were read (a saved report, inventory files, live AWS);
 * {@code undoOf}, null for a plan made from findings, is the checksum of the plan whose application
 * this one reverses. Resources and skipped findings are kept in tagscan's order: by account,
 * region, then ARN.
 */
public record FixPlan(
    String toolVersion,
    Instant createdAt,
    String dictionaryPath,
    String dictionarySha256,
    String source,
    String undoOf,
    List<ResourceFix> resources,
    List<SkippedFix> skipped) {

  /** The order resources come in, as in every report. */
  public static final Comparator<ResourceFix> RESOURCE_ORDER =
      Comparator.comparing(ResourceFix::accountId)
          .thenComparing(ResourceFix::region)
          .thenComparing(ResourceFix::arn);

  /** The order skipped findings come in. */
  public static final Comparator<SkippedFix> SKIPPED_ORDER =
      Comparator.comparing(SkippedFix::accountId)
          .thenComparing(SkippedFix::region)
          .thenComparing(SkippedFix::arn)
          .thenComparing(SkippedFix::key)
          .thenComparing(SkippedFix::rule);

  public FixPlan {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(createdAt, "createdAt");
    dictionaryPath = Objects.requireNonNullElse(dictionaryPath, "");
    dictionarySha256 = Objects.requireNonNullElse(dictionarySha256, "");
    source = Objects.requireNonNullElse(source, "");
    resources = resources.stream().sorted(RESOURCE_ORDER).toList();
    skipped = skipped.stream().sorted(SKIPPED_ORDER).toList();
    for (int i = 1; i < resources.size(); i++) {
      if (resources.get(i).arn().equals(resources.get(i - 1).arn())) {
        throw new IllegalArgumentException("a plan lists each resource once");
      }
    }
  }

  /** The number of changes over every resource. */
  public int changeCount() {
    return resources.stream().mapToInt(r -> r.changes().size()).sum();
  }
}
