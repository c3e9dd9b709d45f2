package io.tagscan.controls;

import io.tagscan.model.AtomicFile;
import io.tagscan.model.WriteFailures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Puts exported files in a directory, each whole or not at all, or prints them on one stream. */
public final class ControlFiles {

  private ControlFiles() {}

  /** Writes each file into {@code dir} (made if missing) through a temporary file and a move. */
  public static void write(List<ExportedFile> files, Path dir) {
    for (ExportedFile file : files) {
      Path target = dir.resolve(file.name());
      try {
        Files.createDirectories(dir);
        Path temporary = AtomicFile.createTemporary(dir, file.name());
        try {
          try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(file.text().getBytes(StandardCharsets.UTF_8));
            AtomicFile.sync(out);
          }
          AtomicFile.moveIntoPlace(temporary, target);
        } finally {
          Files.deleteIfExists(temporary);
        }
      } catch (IOException e) {
        throw WriteFailures.cannotWrite("the export", target, e);
      }
    }
  }

  /**
   * Prints the files: one bare, so it can be piped; several each after a {@code ==> NAME <==} line,
   * as {@code head} does.
   */
  public static void print(List<ExportedFile> files, PrintWriter out) {
    for (ExportedFile file : files) {
      if (files.size() > 1) {
        out.print("==> " + file.name() + " <==\n");
      }
      out.print(file.text());
    }
    out.flush();
  }
}
