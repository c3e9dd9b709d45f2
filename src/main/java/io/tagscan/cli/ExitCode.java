package io.tagscan.cli;

/** The exit codes tagscan ends with; see the README's table. */
public final class ExitCode {

  /** Everything asked was covered and nothing reached {@code --fail-on}. */
  public static final int OK = 0;

  /** At least one finding at or above {@code --fail-on}. */
  public static final int FINDINGS = 1;

  /** Bad usage or bad input: nothing was scanned. */
  public static final int USAGE = 2;

  /** The scan was incomplete and nothing else failed it. */
  public static final int INCOMPLETE = 3;

  /** An internal error: a bug. */
  public static final int INTERNAL = 4;

  /** Stopped by Ctrl-C (SIGINT, 128 + 2); SIGTERM ends the JVM with 143 (128 + 15) itself. */
  public static final int INTERRUPTED = 130;

  /** The reader of standard output went away (128 + SIGPIPE), as a Unix tool would end. */
  public static final int BROKEN_PIPE = 141;

  private ExitCode() {}
}
