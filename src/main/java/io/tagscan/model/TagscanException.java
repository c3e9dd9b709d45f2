package io.tagscan.model;

/** The failures tagscan expects and explains to the user, each with the exit code it maps to. */
public abstract sealed class TagscanException extends RuntimeException
    permits InputException, UsageException, EnvironmentException, IncompleteScanException {
  private static final long serialVersionUID = 1L;

  protected TagscanException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The status this failure ends the run with. */
  public abstract ExitCode exitCode();
}
