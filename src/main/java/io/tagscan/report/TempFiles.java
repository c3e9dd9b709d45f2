package io.tagscan.report;

import io.tagscan.model.AtomicFile;
import io.tagscan.model.EnvironmentException;
import io.tagscan.model.ScratchFiles;
import io.tagscan.model.WriteFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every temporary file a report pipeline creates, so that all of them can be deleted whatever
 * happens; once closed it refuses to create more.
 */
final class TempFiles {

  private final Set<Path> files = new LinkedHashSet<>();
  private final Set<Path> swept = new HashSet<>();
  private boolean closed;

  /**
   * Creates a new empty hidden file by {@link AtomicFile#createTemporary} in {@code dir}, first
   * removing what killed runs left in that directory ({@link ScratchFiles#removeStale}).
   */
  Path create(Path dir, String name) throws IOException {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the report pipeline is closed");
      }
      if (swept.add(dir)) {
        ScratchFiles.removeStale(dir);
      }
      Path file = AtomicFile.createTemporary(dir, name);
      files.add(file);
      return file;
    }
  }

  /** Deletes one file now, typically a run merged away; it is no longer tracked. */
  void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
    synchronized (this) {
      files.remove(file);
    }
  }

  /** Forgets a file that was moved into place and so is no longer temporary. */
  synchronized void release(Path file) {
    files.remove(file);
  }

  /**
   * Refuses new files and deletes every tracked one, trying each; the files that could not be
   * deleted are returned with the first failure.
   */
  List<Path> closeAndDeleteAll(List<IOException> failures) {
    List<Path> remaining;
    synchronized (this) {
      closed = true;
      remaining = new ArrayList<>(files);
      files.clear();
    }
    List<Path> left = new ArrayList<>();
    for (Path file : remaining) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        failures.add(e);
        left.add(file);
      }
    }
    return left;
  }

  /**
   * Like {@link #closeAndDeleteAll(List)} but fails with the first problem, an {@link
   * EnvironmentException} naming the file.
   */
  void closeAndDeleteAll() {
    List<IOException> failures = new ArrayList<>();
    List<Path> left = closeAndDeleteAll(failures);
    if (!left.isEmpty()) {
      EnvironmentException failure =
          new EnvironmentException(
              "cannot delete the temporary file '"
                  + left.get(0)
                  + "': "
                  + WriteFailures.reason(failures.get(0)),
              failures.get(0));
      failures.stream().skip(1).forEach(failure::addSuppressed);
      throw failure;
    }
  }

  /** The system's directory for temporary files. */
  static Path systemTempDir() {
    return java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"));
  }

  /** Creates the directory and its parents, unless it is there; a file in its place is an error. */
  static void createDirectory(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new java.nio.file.FileAlreadyExistsException(dir.toString());
    }
    Files.createDirectories(dir);
  }
}
