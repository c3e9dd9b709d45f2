package io.tagscan.fix;

import io.tagscan.model.AtomicFile;
import io.tagscan.model.WriteFailures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a plan, an undo plan or a result whole or not at all, as every report is written. */
public final class PlanFilesOut {

  private PlanFilesOut() {}

  /**
   * Writes {@code bytes} to {@code target} through a temporary file moved into place.
   *
   * @throws io.tagscan.model.EnvironmentException naming {@code what} and the system's reason
   */
  public static void write(String what, Path target, byte[] bytes) {
    Path dir = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      temporary = AtomicFile.createTemporary(dir, target.getFileName().toString());
      try (OutputStream out = Files.newOutputStream(temporary)) {
        out.write(bytes);
        AtomicFile.sync(out);
      }
      AtomicFile.moveIntoPlace(temporary, target);
      temporary = null;
    } catch (IOException e) {
      throw WriteFailures.cannotWrite(what, target, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // The write failed already, and that failure is the one to report.
        }
      }
    }
  }
}
