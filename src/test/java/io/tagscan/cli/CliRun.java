package io.tagscan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of the command line, with its exit code, stdout and stderr kept apart. */
record CliRun(int exitCode, String out, String err) {

  /** The fixed instant every test scan starts and ends at, so reports are byte-stable. */
  static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

  /** Runs tagscan as if stdout and stderr were not terminals. */
  static CliRun run(String... args) {
    return run(new Environment(false, false, Map.of(), Clock.fixed(NOW, ZoneOffset.UTC)), args);
  }

  /** Runs tagscan in the given environment. */
  static CliRun run(Environment environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CommandLineFactory.create(environment);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
