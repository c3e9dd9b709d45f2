package io.tagscan.model;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the hidden temporary files tagscan writes beside its reports and snapshots, {@code
 * .tagscan-<pid>-<name>.<random>.tmp}, so that a later run can recognise the ones a killed run left
 * behind and remove them, and never touches a file of any other name.
 */
public final class ScratchFiles {

  private static final Pattern OWN =
      Pattern.compile("\\.tagscan-([0-9]{1,19})-.+\\.[0-9a-f]+\\.tmp");

  private ScratchFiles() {}

  /** The start of a temporary file's name for {@code name}; the caller adds a random part. */
  public static String prefix(String name) {
    return ".tagscan-" + ProcessHandle.current().pid() + "-" + name + ".";
  }

  /** The end of every temporary file's name. */
  public static String suffix() {
    return ".tmp";
  }

  /**
   * Deletes the temporary files in {@code dir} that a tagscan process no longer alive left behind
   * (killed, or its machine lost power), and returns how many. Files of a running tagscan, and
   * every file not named by {@link #prefix}, stay.
   */
  public static int removeStale(Path dir) {
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".tagscan-*.tmp")) {
      for (Path entry : entries) {
        if (isStale(entry) && Files.deleteIfExists(entry)) {
          removed++;
        }
      }
    } catch (IOException e) {
      // Left-overs that cannot be listed or deleted stay; they never stop a scan, whose own files
      // have fresh names, and the next run tries again.
      return removed;
    }
    return removed;
  }

  private static boolean isStale(Path entry) {
    Matcher own = OWN.matcher(entry.getFileName().toString());
    if (!own.matches() || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(own.group(1));
    } catch (NumberFormatException tooLong) {
      return false;
    }
    return pid != ProcessHandle.current().pid()
        && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
  }
}
