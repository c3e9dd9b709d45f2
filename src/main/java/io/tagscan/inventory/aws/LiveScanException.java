package io.tagscan.inventory.aws;

import io.tagscan.model.ScanError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The accounts a scan would cover could not be listed (STS or Organizations refused or failed), so
 * {@link LiveScanner#accounts()} has no answer to give; {@link #errors()} says what failed.
 */
public final class LiveScanException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<ScanError> errors;

  public LiveScanException(List<ScanError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  /** Each failed call, with its operation and AWS error code. */
  public List<ScanError> errors() {
    return errors;
  }

  private static String summary(List<ScanError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a listing failure needs at least one error");
    }
    return errors.stream()
        .map(e -> e.operation() + " failed (" + e.code() + "): " + e.message())
        .collect(Collectors.joining("; "));
  }
}
