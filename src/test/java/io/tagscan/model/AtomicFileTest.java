package io.tagscan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path dir;

  @Test
  void createsAHiddenEmptyFileThatAKilledRunsSweepWouldRecognise() throws IOException {
    Path temporary = AtomicFile.createTemporary(dir, "report.json");

    assertThat(temporary.getParent()).isEqualTo(dir);
    assertThat(temporary.getFileName().toString())
        .startsWith(".tagscan-" + ProcessHandle.current().pid() + "-report.json.")
        .endsWith(".tmp");
    assertThat(temporary).isEmptyFile();
    // Ours while this process lives: the sweep leaves it.
    assertThat(ScratchFiles.removeStale(dir)).isZero();
    assertThat(temporary).exists();
  }

  @Test
  void givesEveryTemporaryFileItsOwnName() throws IOException {
    Path first = AtomicFile.createTemporary(dir, "report.json");
    Path second = AtomicFile.createTemporary(dir, "report.json");

    assertThat(first).isNotEqualTo(second);
    assertThat(second).exists();
  }

  @Test
  void keepsTheDefaultPermissionsOfAFileTheUserShares() throws IOException {
    Path temporary = AtomicFile.createTemporary(dir, "report.json");
    Path plain = Files.createFile(dir.resolve("plain"));

    assertThat(Files.getPosixFilePermissions(temporary))
        .isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void movesTheFinishedFileOverTheTargetAndLeavesNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("report.json"), "yesterday");
    Path temporary = AtomicFile.createTemporary(dir, "report.json");
    try (OutputStream out = new FileOutputStream(temporary.toFile())) {
      out.write("today".getBytes(StandardCharsets.UTF_8));
      AtomicFile.sync(out);
    }

    AtomicFile.moveIntoPlace(temporary, target);

    assertThat(target).hasContent("today");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }
}
