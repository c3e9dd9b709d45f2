package io.tagscan.model;

/** The command line asks for something that cannot be done: exit code 2, nothing scanned. */
public final class UsageException extends TagscanException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null);
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.USAGE;
  }
}
