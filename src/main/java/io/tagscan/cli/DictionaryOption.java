package io.tagscan.cli;

import io.tagscan.model.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -d, --dictionary} option the commands that judge resources or accounts share. */
final class DictionaryOption {

  @Option(
      names = {"-d", "--dictionary"},
      paramLabel = "FILE",
      defaultValue = "tag-dictionary.yaml",
      description = "The tagging dictionary (default: ${DEFAULT-VALUE}).")
  Path dictionary;

  /**
   * The dictionary's path, once it is known to exist: a missing dictionary is the first thing a new
   * user meets, so the message says how to give one.
   */
  Path existing() {
    if (!Files.exists(dictionary)) {
      throw new UsageException(
          "no tagging dictionary at '"
              + dictionary
              + "'; give one with -d FILE (tagscan's own tag-dictionary.yaml is a model to copy)");
    }
    return dictionary;
  }
}
