package io.tagscan.cli;

import java.util.Arrays;

/** The process entry point: the only place that calls {@link System#exit}. */
public final class Main {

  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private Main() {}

  public static void main(String[] args) {
    // Library logging (the AWS SDK's) stays silent unless asked for, and must be set before the
    // first logger exists, that is before any option is parsed.
    if (System.getProperty(LOG_LEVEL) == null) {
      boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
      System.setProperty(LOG_LEVEL, verbose ? "warn" : "off");
    }
    System.exit(CommandLineFactory.create().execute(args));
  }
}
