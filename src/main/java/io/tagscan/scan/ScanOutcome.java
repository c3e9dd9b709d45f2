package io.tagscan.scan;

import io.tagscan.model.ScanError;
import io.tagscan.report.Summary;
import java.util.List;
import java.util.Objects;

/**
 * What a finished scan found: the summary figures, whether it covered everything, the parts that
 * could not be read, the regions skipped because they are not enabled for an account, and notes for
 * the user about its input (an inventory resource listed twice, counted once).
 */
public record ScanOutcome(
    Summary summary,
    boolean complete,
    List<ScanError> errors,
    List<ScanError> skipped,
    List<String> notes) {

  public ScanOutcome {
    Objects.requireNonNull(summary, "summary");
    errors = List.copyOf(errors);
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /** An outcome with no notes. */
  public ScanOutcome(
      Summary summary, boolean complete, List<ScanError> errors, List<ScanError> skipped) {
    this(summary, complete, errors, skipped, List.of());
  }
}
