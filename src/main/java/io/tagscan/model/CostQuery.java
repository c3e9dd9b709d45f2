package io.tagscan.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What spend to ask for: the days from {@code start} up to {@code end} (exclusive, as Cost Explorer
 * takes it), by month or day, in one of Cost Explorer's cost metrics.
 */
public record CostQuery(LocalDate start, LocalDate end, Granularity granularity, String metric) {

  /** How Cost Explorer splits the period. */
  public enum Granularity {
    MONTHLY,
    DAILY
  }

  public CostQuery {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(metric, "metric");
    if (!start.isBefore(end)) {
      throw new UsageException(
          "--start " + start + " must come before --end " + end + " (the end is exclusive)");
    }
  }

  /** The last full calendar month before {@code today}. */
  public static LocalDate[] lastMonth(LocalDate today) {
    LocalDate end = today.withDayOfMonth(1);
    return new LocalDate[] {end.minusMonths(1), end};
  }

  /** How many periods (months or days) Cost Explorer returns for this query. */
  public long periods() {
    if (granularity == Granularity.DAILY) {
      return java.time.temporal.ChronoUnit.DAYS.between(start, end);
    }
    return java.time.temporal.ChronoUnit.MONTHS.between(
            start.withDayOfMonth(1), end.minusDays(1).withDayOfMonth(1))
        + 1;
  }
}
