package io.tagscan.scan;

import io.tagscan.model.ScanError;
import io.tagscan.report.Summary;
import java.util.List;
import java.util.Objects;

/**
 * What a finished scan found: the summary figures, whether it covered everything, the parts that
 * could not be read, and the regions skipped because they are not enabled for an account.
 */
public record ScanOutcome(
    Summary summary, boolean complete, List<ScanError> errors, List<ScanError> skipped) {

  public ScanOutcome {
    Objects.requireNonNull(summary, "summary");
    errors = List.copyOf(errors);
    skipped = List.copyOf(skipped);
  }
}
