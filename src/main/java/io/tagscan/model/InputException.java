package io.tagscan.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A file the user gave (dictionary, inventory, exemptions) is unreadable or invalid: exit code 2,
 * with every problem found, each placed in its file.
 */
public final class InputException extends TagscanException {
  private static final long serialVersionUID = 1L;

  private final List<Diagnostic> diagnostics;

  public InputException(List<Diagnostic> diagnostics) {
    this(diagnostics, null);
  }

  public InputException(List<Diagnostic> diagnostics, Throwable cause) {
    super(
        diagnostics.stream().sorted().map(Diagnostic::format).collect(Collectors.joining("\n")),
        cause);
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("an input failure needs at least one diagnostic");
    }
    this.diagnostics = diagnostics.stream().sorted().toList();
  }

  /** A single problem. */
  public static InputException of(Diagnostic diagnostic) {
    return new InputException(List.of(diagnostic));
  }

  /** Every problem, sorted by file, line and column. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  @Override
  public ExitCode exitCode() {
    return ExitCode.USAGE;
  }
}
