package io.tagscan.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scan could not cover what was asked and has nothing to report, such as when the accounts to
 * scan cannot be listed: exit code 3, with a headline and each failed call.
 *
 * <p>Not sealed further: its cases live in the stages that meet them (the live scan's {@code
 * LiveScanException}), and a sealed class can only permit classes of its own package outside a
 * named module.
 */
public abstract non-sealed class IncompleteScanException extends TagscanException {

  private static final long serialVersionUID = 1L;

  private final String headline;
  private final transient List<ScanError> errors;

  protected IncompleteScanException(String headline, List<ScanError> errors) {
    super(headline + ": " + summary(errors), null);
    this.headline = headline;
    this.errors = List.copyOf(errors);
  }

  /**
   * What could not be done, in one line, such as {@code the accounts to scan could not be listed}.
   */
  public String headline() {
    return headline;
  }

  /** Each failed call, with its operation and AWS error code. */
  public List<ScanError> errors() {
    return errors;
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.INCOMPLETE;
  }

  private static String summary(List<ScanError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an incomplete scan needs at least one error");
    }
    return errors.stream()
        .map(e -> e.operation() + " failed (" + e.code() + "): " + e.message())
        .collect(Collectors.joining("; "));
  }
}
