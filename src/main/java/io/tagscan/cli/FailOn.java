package io.tagscan.cli;

import io.tagscan.model.Severity;

/** The values of {@code --fail-on}: the lowest severity that fails the run, or never. */
enum FailOn {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  INFO(Severity.INFO),
  NEVER(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  /** The severity, or null for {@link #NEVER}. */
  Severity threshold() {
    return threshold;
  }
}
