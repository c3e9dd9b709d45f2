package io.tagscan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option of the commands that take their defaults from a file. */
final class ConfigOption {

  /** The option's name, which {@link FileDefaults} looks for in each command. */
  static final String NAME = "--config";

  @Option(
      names = NAME,
      paramLabel = "FILE",
      description =
          "Defaults for the options from this YAML file (else TAGSCAN_CONFIG, else"
              + " ./.tagscan.yaml when present); options on the command line win.")
  Path config;
}
