package io.tagscan.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box: the built jar with its standard output on a full disk, closed, or read by a reader
 * that leaves early, as a shell would set them up.
 */
class StandardOutputIT {

  private static final String EXAMPLE =
      Path.of("examples", "inventory", "anycompany-ml.json").toAbsolutePath().toString();

  @TempDir Path dir;

  private static List<String> tagscan(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Path.of("target", "tagscan.jar").toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  private static int finish(Process process) throws InterruptedException {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("tagscan finished").isTrue();
    return process.exitValue();
  }

  @Test
  void aReportToAFullDiskIsExit2WithTheReason() throws Exception {
    Process scan =
        new ProcessBuilder(tagscan("scan", "--inventory", EXAMPLE, "--format", "json"))
            .redirectOutput(new File("/dev/full"))
            .redirectError(dir.resolve("stderr").toFile())
            .start();

    assertThat(finish(scan)).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("stderr")))
        .isEqualTo("tagscan: error: cannot write to standard output: No space left on device\n");
  }

  @Test
  void aClosedStandardOutputIsExit2WithTheReason() throws Exception {
    // Only a shell can start a process with a descriptor closed: ">&-".
    List<String> command = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" >&-", "bash"));
    command.addAll(tagscan("scan", "--inventory", EXAMPLE, "--format", "json"));
    Process scan =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();

    assertThat(finish(scan)).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("stderr")))
        .startsWith("tagscan: error: cannot write to standard output: ");
  }

  @Test
  void aReaderThatLeavesEarlyEndsTheScanQuietlyWith141() throws Exception {
    // Far more than a pipe holds, so tagscan is still writing when the reader has gone.
    Path inventory = dir.resolve("large.json");
    StringBuilder json = new StringBuilder("{\"ResourceTagMappingList\":[");
    for (int i = 0; i < 5_000; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"ResourceARN\":\"arn:aws:ec2:eu-west-1:111122223333:instance/i-")
          .append(i)
          .append("\",\"Tags\":[{\"Key\":\"Name\",\"Value\":\"box-")
          .append(i)
          .append("\"}]}");
    }
    Files.writeString(inventory, json.append("]}"));
    Process scan =
        new ProcessBuilder(tagscan("scan", "--inventory", inventory.toString(), "--format", "json"))
            .redirectError(dir.resolve("stderr").toFile())
            .start();

    // What "| head -c 100" does: read a little, then close the pipe.
    byte[] head = new byte[100];
    try (InputStream out = scan.getInputStream()) {
      assertThat(out.readNBytes(head, 0, head.length)).isEqualTo(head.length);
    }

    assertThat(finish(scan)).isEqualTo(141);
    assertThat(new String(head, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{");
    assertThat(Files.readString(dir.resolve("stderr"))).isEmpty();
  }

  @Test
  void theDictionaryCheckReportsAFullDiskToo() throws IOException, InterruptedException {
    Process lint =
        new ProcessBuilder(tagscan("dictionary", "lint", "tag-dictionary.yaml"))
            .redirectOutput(new File("/dev/full"))
            .redirectError(dir.resolve("stderr").toFile())
            .start();

    assertThat(finish(lint)).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("stderr")))
        .isEqualTo("tagscan: error: cannot write to standard output: No space left on device\n");
  }
}
