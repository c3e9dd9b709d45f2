package io.tagscan.cli;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line learns from the process around it: whether stdout and stderr are terminals,
 * the environment variables, and the clock. Tests pass their own.
 */
public record Environment(
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal,
    Map<String, String> variables,
    Clock clock) {

  public Environment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(clock, "clock");
  }

  /** The real process: a console means an interactive terminal on both streams. */
  public static Environment system() {
    boolean terminal = System.console() != null;
    return new Environment(terminal, terminal, System.getenv(), Clock.systemUTC());
  }

  /** True when colours suit stdout: a terminal, {@code NO_COLOR} unset and not a dumb terminal. */
  public boolean colorOnStdout() {
    return stdoutIsTerminal
        && !variables.containsKey("NO_COLOR")
        && !"dumb".equals(variables.get("TERM"));
  }
}
