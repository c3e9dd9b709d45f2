package io.tagscan.fix;

import io.tagscan.inventory.aws.AwsOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code tagscan fix plan} reads: the dictionary and exemptions, where the resources come from
 * (a saved JSON report, inventory files, or live AWS when neither is given), the values to add
 * ({@code --set}), and the clock that dates the plan and judges exemptions.
 *
 * <p>{@code exemptions}, {@code fromReport} and {@code aws} may be null; exactly one source is
 * given.
 */
public record PlanRequest(
    Path dictionary,
    Path exemptions,
    Path fromReport,
    List<Path> inventory,
    AwsOptions aws,
    Map<String, String> set,
    Clock clock) {

  public PlanRequest {
    Objects.requireNonNull(dictionary, "dictionary");
    inventory = List.copyOf(inventory);
    set = Map.copyOf(set);
    Objects.requireNonNull(clock, "clock");
    int sources =
        (fromReport != null ? 1 : 0) + (inventory.isEmpty() ? 0 : 1) + (aws != null ? 1 : 0);
    if (sources != 1) {
      throw new IllegalArgumentException("a plan reads one source");
    }
  }
}
