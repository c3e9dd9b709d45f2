package io.tagscan.scan;

import io.tagscan.billing.CostMetric;
import io.tagscan.inventory.Arn;
import io.tagscan.inventory.aws.AwsOptions;
import io.tagscan.model.Shard;
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
 * scan. The clock gives the scan's timestamps and the day exemptions are judged on. {@code
 * inventoryAccount}, for offline scans only and otherwise null, is the account that inventory ARNs
 * without one (S3 buckets) belong to, and that ARNs with one must name. {@code shard}, null for the
 * whole scan, keeps one part of the accounts ({@code --shard K/N}); {@code baseline}, null for
 * none, is a saved report whose findings do not fail the run ({@code --baseline}). {@code focus},
 * empty for none, are FOCUS exports whose {@code costMetric} column prices the resources.
 */
public record ScanRequest(
    Path dictionary,
    Path exemptions,
    List<Path> inventory,
    AwsOptions aws,
    ReportOptions report,
    Path saveInventory,
    Clock clock,
    String inventoryAccount,
    Shard shard,
    Path baseline,
    List<Path> focus,
    CostMetric costMetric) {

  public ScanRequest {
    focus = List.copyOf(focus);
    Objects.requireNonNull(costMetric, "costMetric");
    Objects.requireNonNull(dictionary, "dictionary");
    inventory = List.copyOf(inventory);
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(clock, "clock");
    if (inventory.isEmpty() == (aws == null)) {
      throw new IllegalArgumentException("a scan reads either inventory files or live AWS");
    }
    if (inventoryAccount != null && (inventory.isEmpty() || !Arn.isAccountId(inventoryAccount))) {
      throw new IllegalArgumentException("an inventory account is 12 digits, for offline scans");
    }
  }

  /** A request with no FOCUS export to price the resources. */
  public ScanRequest(
      Path dictionary,
      Path exemptions,
      List<Path> inventory,
      AwsOptions aws,
      ReportOptions report,
      Path saveInventory,
      Clock clock,
      String inventoryAccount,
      Shard shard,
      Path baseline) {
    this(
        dictionary,
        exemptions,
        inventory,
        aws,
        report,
        saveInventory,
        clock,
        inventoryAccount,
        shard,
        baseline,
        List.of(),
        CostMetric.BILLED_COST);
  }

  /** A request for every account, with no baseline. */
  public ScanRequest(
      Path dictionary,
      Path exemptions,
      List<Path> inventory,
      AwsOptions aws,
      ReportOptions report,
      Path saveInventory,
      Clock clock,
      String inventoryAccount) {
    this(
        dictionary,
        exemptions,
        inventory,
        aws,
        report,
        saveInventory,
        clock,
        inventoryAccount,
        null,
        null);
  }

  /** A request with no account given for the inventory's ARNs. */
  public ScanRequest(
      Path dictionary,
      Path exemptions,
      List<Path> inventory,
      AwsOptions aws,
      ReportOptions report,
      Path saveInventory,
      Clock clock) {
    this(dictionary, exemptions, inventory, aws, report, saveInventory, clock, null);
  }

  /** True when resources come from files rather than AWS. */
  public boolean offline() {
    return !inventory.isEmpty();
  }
}
