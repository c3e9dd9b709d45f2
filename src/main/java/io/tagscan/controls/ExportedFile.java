package io.tagscan.controls;

import java.util.Objects;

/** One file an export writes: its name (no directory) and its whole text. */
public record ExportedFile(String name, String text) {

  public ExportedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }
}
