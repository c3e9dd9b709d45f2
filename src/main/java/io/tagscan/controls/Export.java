package io.tagscan.controls;

import java.util.List;

/**
 * What an export made: the files, in the order they are written, and the notes on what of the
 * dictionary the target cannot say (printed on stderr, one a line).
 */
public record Export(List<ExportedFile> files, List<String> notes) {

  public Export {
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }
}
