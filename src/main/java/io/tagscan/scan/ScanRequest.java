package io.tagscan.scan;

import io.tagscan.inventory.aws.AwsOptions;
import io.tagscan.report.ReportOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything a scan needs to know: the dictionary and exemptions, where resources come from
 * (inventory files, or live AWS when there are none), the reports to write and an optional snapshot
 * of what was read.
 *
 * <p>{@code exemptions} and {@code saveInventory} may be null; {@code aws} is null for an offline
 * scan. The clock gives the scan's timestamps and the day exemptions are judged on.
 */
public record ScanRequest(
    Path dictionary,
    Path exemptions,
    List<Path> inventory,
    AwsOptions aws,
    ReportOptions report,
    Path saveInventory,
    Clock clock) {

  public ScanRequest {
    Objects.requireNonNull(dictionary, "dictionary");
    inventory = List.copyOf(inventory);
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(clock, "clock");
    if (inventory.isEmpty() == (aws == null)) {
      throw new IllegalArgumentException("a scan reads either inventory files or live AWS");
    }
  }

  /** True when resources come from files rather than AWS. */
  public boolean offline() {
    return !inventory.isEmpty();
  }
}
