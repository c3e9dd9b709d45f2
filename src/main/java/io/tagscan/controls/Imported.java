package io.tagscan.controls;

import java.util.List;
import java.util.Objects;

/** A dictionary read from a tag policy: its YAML text and the notes on what it could not keep. */
public record Imported(String yaml, List<String> notes) {

  public Imported {
    Objects.requireNonNull(yaml, "yaml");
    notes = List.copyOf(notes);
  }
}
