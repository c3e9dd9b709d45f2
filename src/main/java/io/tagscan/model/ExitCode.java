package io.tagscan.model;

/**
 * Every status tagscan ends with, and what each means: the one table the help footers, the README
 * and every failure take their exit codes from.
 */
public enum ExitCode {
  OK(
      0,
      "everything asked was covered and nothing reached --fail-on",
      "the scan covered everything asked and nothing reached `--fail-on`"),
  FINDINGS(
      1,
      "at least one finding at or above --fail-on",
      "at least one finding at or above `--fail-on`"),
  USAGE(
      2,
      "bad usage, bad input, or a report that cannot be written",
      "bad usage or bad input (options, dictionary, inventory, exemptions): nothing was scanned, no"
          + " report written; one clear message per problem, no stack trace. Also the user's"
          + " environment: missing or expired AWS credentials, or a report, snapshot or standard"
          + " output that cannot be written (a full disk, a read-only or refused path), named with"
          + " the system's reason, e.g. `tagscan: error: cannot write the report"
          + " 'reports/tagscan-report.json': No space left on device`"),
  INCOMPLETE(
      3,
      "the scan was incomplete (an account or region could not be read)",
      "the scan was incomplete (an account or region could not be read) and nothing else failed"
          + " it"),
  INTERNAL(
      4,
      "internal error",
      "an internal error (a bug): a short message on stderr, and the path of a file holding the"
          + " details (`-v` prints them instead)"),
  /** Ctrl-C (SIGINT, 128 + 2). */
  INTERRUPTED(
      130, "stopped by Ctrl-C", "stopped by Ctrl-C (SIGINT): nothing printed, no report written"),
  /** The reader of standard output went away (128 + SIGPIPE), as a Unix tool would end. */
  BROKEN_PIPE(
      141,
      "standard output closed by its reader",
      "the reader of standard output went away (`tagscan scan … \\| head`): nothing printed, as Unix"
          + " tools do"),
  /** SIGTERM (128 + 15): the JVM ends with it itself, as it runs the shutdown hooks. */
  TERMINATED(143, "stopped by SIGTERM", "stopped by SIGTERM: nothing printed, no report written");

  private final int code;
  private final String summary;
  private final String meaning;

  ExitCode(int code, String summary, String meaning) {
    this.code = code;
    this.summary = summary;
    this.meaning = meaning;
  }

  /** The number the process exits with. */
  public int code() {
    return code;
  }

  /** What the status means, in a few words for the help footers. */
  public String summary() {
    return summary;
  }

  /** What the status means in full, as the README's exit-code table says it (Markdown). */
  public String meaning() {
    return meaning;
  }
}
