package io.tagscan.model;

/**
 * The user's environment stops tagscan, not bad input and not a bug: a full disk, a read-only path,
 * no credentials. Exit code 2, with one line that names what failed and why.
 */
public final class EnvironmentException extends TagscanException {
  private static final long serialVersionUID = 1L;

  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }

  public EnvironmentException(String message) {
    this(message, null);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.USAGE;
  }
}
