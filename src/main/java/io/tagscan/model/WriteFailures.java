package io.tagscan.model;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns an {@link IOException} met while writing a file into what the user needs to read: the path
 * and the operating system's reason ({@code No space left on device}, {@code Read-only file
 * system}, {@code Permission denied}), as an {@link EnvironmentException}.
 */
public final class WriteFailures {

  private WriteFailures() {}

  /**
   * The failure to write {@code what} at {@code path}; the path named is the file the system
   * refused when that is another (a parent directory), else {@code path}.
   */
  public static EnvironmentException cannotWrite(String what, Path path, IOException failure) {
    String file = file(failure);
    // Another file is worth naming (a parent that is not a directory), not a temporary one.
    boolean other =
        file != null
            && !Path.of(file).toAbsolutePath().equals(path.toAbsolutePath())
            && !Path.of(file).getFileName().toString().startsWith(".tagscan-");
    String place = other ? " ('" + file + "')" : "";
    return new EnvironmentException(
        "cannot write " + what + " '" + path + "': " + reason(failure) + place, failure);
  }

  /** The operating system's reason for the failure, in its own words where it gave them. */
  public static String reason(IOException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FileSystemException system) {
        return reason(system);
      }
    }
    Throwable innermost = failure;
    while (innermost.getCause() instanceof IOException deeper) {
      innermost = deeper;
    }
    String message = innermost.getMessage();
    if (message == null) {
      return innermost.getClass().getSimpleName();
    }
    // FileOutputStream says "path (reason)" when it cannot open a file.
    int open = message.lastIndexOf(" (");
    if (innermost instanceof FileNotFoundException && open >= 0 && message.endsWith(")")) {
      return message.substring(open + 2, message.length() - 1);
    }
    return message;
  }

  private static String reason(FileSystemException system) {
    if (system.getReason() != null) {
      return system.getReason();
    }
    // The JDK leaves the reason out of these subclasses; these are the system's words for them.
    if (system instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (system instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (system instanceof FileAlreadyExistsException) {
      // Creating directories says so when a file stands where a directory should be.
      return system.getFile() != null && !Files.isDirectory(Path.of(system.getFile()))
          ? "Not a directory"
          : "File exists";
    }
    if (system instanceof NotDirectoryException) {
      return "Not a directory";
    }
    return system.getClass().getSimpleName();
  }

  private static String file(IOException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FileSystemException system && system.getFile() != null) {
        return system.getFile();
      }
    }
    return null;
  }
}
