package io.tagscan.cli;

/** The process entry point: the only place that calls {@link System#exit}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(CommandLineFactory.create().execute(args));
  }
}
