package io.tagscan.cli;

import io.tagscan.report.ReportOptions;
import java.io.Console;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the command line learns from the process around it: whether stdout and stderr are terminals,
 * the environment variables, the clock, and how wide the terminal is (asked only when needed, 0
 * when unknown). Tests pass their own.
 */
public record Environment(
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal,
    Map<String, String> variables,
    Clock clock,
    IntSupplier terminalColumns) {

  public Environment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(terminalColumns, "terminalColumns");
  }

  /** An environment whose terminal width is unknown. */
  public Environment(
      boolean stdoutIsTerminal,
      boolean stderrIsTerminal,
      Map<String, String> variables,
      Clock clock) {
    this(stdoutIsTerminal, stderrIsTerminal, variables, clock, () -> 0);
  }

  /** The real process: a console means an interactive terminal on both streams. */
  public static Environment system() {
    boolean terminal = isTerminal(System.console());
    return new Environment(
        terminal, terminal, System.getenv(), Clock.systemUTC(), Environment::askTerminal);
  }

  /**
   * Whether the process's console is an interactive terminal. Up to JDK 21 there is a console only
   * then; from JDK 22 {@code System.console()} may also answer one for redirected streams, and
   * {@code Console.isTerminal()} (looked up at run time, as tagscan builds for JDK 17) tells.
   */
  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException unanswered) {
      // Plain output is the safe side when the JVM cannot say.
      return false;
    }
  }

  /**
   * The terminal's width as picocli detects it ({@code stty} on Unix, {@code mode con} on Windows;
   * never below picocli's minimum of 55); picocli answers 80 when it cannot tell.
   */
  private static int askTerminal() {
    return CommandSpec.create().usageMessage().autoWidth(true).width();
  }

  /** True when colours suit stdout: a terminal, {@code NO_COLOR} unset and not a dumb terminal. */
  public boolean colorOnStdout() {
    return stdoutIsTerminal
        && !variables.containsKey("NO_COLOR")
        && !"dumb".equals(variables.get("TERM"));
  }

  /**
   * How wide the terminal table may be: {@code COLUMNS} when it holds a positive number, else the
   * terminal's own width when stdout is one, else 80.
   */
  public int tableWidth() {
    String columns = variables.get("COLUMNS");
    if (columns != null && columns.trim().matches("[0-9]{1,5}")) {
      int value = Integer.parseInt(columns.trim());
      if (value > 0) {
        return value;
      }
    }
    if (stdoutIsTerminal) {
      int detected = terminalColumns.getAsInt();
      if (detected > 0) {
        return detected;
      }
    }
    return ReportOptions.DEFAULT_TABLE_WIDTH;
  }
}
