package io.tagscan.model;

import java.util.List;
import java.util.Objects;

/**
 * What {@code fix apply} did to each resource of a plan, and where the undo plan went.
 *
 * <p>{@code undoChecksum} is null when nothing was changed (a dry run, or every resource skipped).
 */
public record ApplyOutcome(boolean dryRun, List<Result> results, String undoChecksum) {

  /** What became of one resource. */
  public enum Status {
    APPLIED("applied"),
    WOULD_APPLY("would-apply"),
    SKIPPED("skipped"),
    FAILED("failed"),
    /** A write was sent but AWS never said whether it took (timeout, reset, 5xx after retries). */
    UNKNOWN("unknown");

    private final String slug;

    Status(String slug) {
      this.slug = slug;
    }

    /** The name used in the result report. */
    public String slug() {
      return slug;
    }
  }

  /** One resource: its status, why (for skipped and failed), and AWS's error when one failed. */
  public record Result(ResourceFix fix, Status status, String reason, TagFailure error) {
    public Result {
      Objects.requireNonNull(fix, "fix");
      Objects.requireNonNull(status, "status");
      reason = Objects.requireNonNullElse(reason, "");
    }
  }

  public ApplyOutcome {
    results = List.copyOf(results);
  }

  /** How many resources ended with this status. */
  public long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** True when every resource was changed (or, in a dry run, would be). */
  public boolean whole() {
    return count(Status.SKIPPED) == 0 && count(Status.FAILED) == 0 && count(Status.UNKNOWN) == 0;
  }
}
