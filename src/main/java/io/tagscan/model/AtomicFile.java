package io.tagscan.model;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How every file tagscan writes for the user (reports, snapshots) reaches its place whole or not at
 * all: written under a hidden temporary name in the target's directory ({@link ScratchFiles}),
 * synced to disk, then moved over the target in one step. Failures are the caller's to name, as
 * {@link WriteFailures} does.
 */
public final class AtomicFile {

  private static final int ATTEMPTS = 10;

  private AtomicFile() {}

  /**
   * Creates a new empty hidden file {@code .tagscan-<pid>-<name>.<random>.tmp} in {@code dir}.
   * Unlike {@link Files#createTempFile} it keeps the default permissions, since the file becomes a
   * report or a snapshot the user expects to share.
   */
  public static Path createTemporary(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      byte[] random = new byte[6];
      ThreadLocalRandom.current().nextBytes(random);
      Path file =
          dir.resolve(
              ScratchFiles.prefix(name) + HexFormat.of().formatHex(random) + ScratchFiles.suffix());
      try {
        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return file;
      } catch (FileAlreadyExistsException e) {
        if (attempt + 1 >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * Forces what was written to {@code stream} onto the disk when it is a file, so that a crash
   * after the move cannot leave an empty or partial file under the target's name.
   */
  public static void sync(OutputStream stream) throws IOException {
    if (stream instanceof FileOutputStream file) {
      file.getFD().sync();
    }
  }

  /**
   * Moves the finished temporary file over {@code target} in one step where the file system can,
   * else replacing it.
   */
  public static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
