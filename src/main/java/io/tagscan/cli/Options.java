package io.tagscan.cli;

import io.tagscan.model.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of option values that several commands share. */
final class Options {

  private Options() {}

  /** A missing dictionary is the first thing a new user meets: say how to give one. */
  static void requireDictionary(Path dictionary) {
    if (!Files.exists(dictionary)) {
      throw new UsageException(
          "no tagging dictionary at '"
              + dictionary
              + "'; give one with -d FILE (tagscan's own tag-dictionary.yaml is a model to copy)");
    }
  }
}
