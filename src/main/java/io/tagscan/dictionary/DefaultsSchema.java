package io.tagscan.dictionary;

import java.util.Map;
import java.util.Objects;

/**
 * What a defaults file may set, as the command line declares it: the options of one command, by
 * long name without dashes, and its subcommands, each a section of its own.
 */
public record DefaultsSchema(Map<String, Kind> options, Map<String, DefaultsSchema> commands) {

  /** How an option takes its value, which decides the YAML it accepts. */
  public enum Kind {
    /** A switch: {@code true} or {@code false}. */
    FLAG,
    /** One value. */
    VALUE,
    /** One value, or a YAML list whose items are joined with commas. */
    LIST
  }

  public DefaultsSchema {
    options = Map.copyOf(Objects.requireNonNull(options, "options"));
    commands = Map.copyOf(Objects.requireNonNull(commands, "commands"));
  }
}
