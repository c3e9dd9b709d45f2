package io.tagscan.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.EnvironmentException;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot that cannot be written is the user's environment, named with its path and the system's
 * reason, and leaves neither a temporary file nor a changed earlier snapshot behind. Tests run as
 * root, so the failures come from places that refuse even root: {@code /dev/full}, {@code /proc}, a
 * file where a directory should be.
 */
class SnapshotWriterTest {

  @TempDir Path dir;

  private static Resource bucket(int i) {
    return Resource.of(
        "arn:aws:s3:::bucket-" + i,
        "111122223333",
        "eu-west-1",
        "s3:bucket",
        Source.TAGGING_API,
        Map.of("owner", "team-" + "x".repeat(200) + i));
  }

  private List<String> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFullDiskNamesTheSnapshotAndTheReasonAndKeepsTheEarlierSnapshot() throws IOException {
    Path earlier = Files.writeString(dir.resolve("snapshot.json"), "yesterday's snapshot");
    SnapshotWriter snapshot =
        SnapshotWriter.open(earlier, temporary -> new FileOutputStream("/dev/full"));

    assertThatThrownBy(
            () -> {
              // Enough to overflow the generator's buffer, so the disk is reached mid-scan.
              for (int i = 0; i < 1_000; i++) {
                snapshot.resource(bucket(i));
              }
              snapshot.commit(true, List.of());
            })
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("cannot write the snapshot '" + earlier + "': No space left on device");
    snapshot.close();

    assertThat(filesIn(dir)).containsExactly("snapshot.json");
    assertThat(earlier).hasContent("yesterday's snapshot");
  }

  @Test
  void aFullDiskAtTheLastFlushStillLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("snapshot.json");
    SnapshotWriter snapshot =
        SnapshotWriter.open(target, temporary -> new FileOutputStream("/dev/full"));
    snapshot.resource(bucket(1));

    assertThatThrownBy(() -> snapshot.commit(true, List.of()))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("cannot write the snapshot '" + target + "': No space left on device");
    snapshot.close();

    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsNamedWithTheReason() {
    Path refused = Path.of("/proc/tagscan-snapshot.json");

    assertThatThrownBy(() -> SnapshotWriter.open(refused))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage(
            "cannot write the snapshot '/proc/tagscan-snapshot.json': No such file or directory");
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsNamed() throws IOException {
    Path file = Files.writeString(dir.resolve("inventory.json"), "{}");
    Path target = file.resolve("snapshot.json");

    assertThatThrownBy(() -> SnapshotWriter.open(target))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("cannot write the snapshot '" + target + "': Not a directory ('" + file + "')");
    assertThat(file).hasContent("{}");
  }

  @Test
  void removesTheTemporaryFilesOfAKilledRunAndNoOtherFile() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.createFile(dir.resolve(".tagscan-" + gone.pid() + "-snapshot.json.42.tmp"));
    Path foreign = Files.createFile(dir.resolve(".snapshot.json.42.tmp"));

    try (SnapshotWriter snapshot = SnapshotWriter.open(dir.resolve("snapshot.json"))) {
      snapshot.commit(true, List.of());
    }

    assertThat(stale).doesNotExist();
    assertThat(filesIn(dir)).containsExactly(".snapshot.json.42.tmp", "snapshot.json");
    assertThat(foreign).exists();
  }

  @Test
  void writesErrorsInTheOrderEveryReportUsesWhateverOrderTheyArriveIn() throws IOException {
    Path file = dir.resolve("snapshot.json");
    try (SnapshotWriter snapshot = SnapshotWriter.open(file)) {
      snapshot.error(new ScanError("111122223333", "eu-west-1", "ListTags", "Throttling", "b"));
      snapshot.error(new ScanError("111122223333", "eu-west-1", "ListTags", "AccessDenied", "a"));
      snapshot.error(new ScanError("", "", "ListAccounts", "AccessDenied", "c"));
      snapshot.commit(false, List.of());
    }

    String json = Files.readString(file);
    String errors = json.substring(json.indexOf("\"errors\""));
    assertThat(errors)
        .isEqualTo(
            "\"errors\":["
                + "{\"accountId\":\"\",\"region\":\"\",\"operation\":\"ListAccounts\","
                + "\"code\":\"AccessDenied\",\"message\":\"c\"},"
                + "{\"accountId\":\"111122223333\",\"region\":\"eu-west-1\","
                + "\"operation\":\"ListTags\",\"code\":\"AccessDenied\",\"message\":\"a\"},"
                + "{\"accountId\":\"111122223333\",\"region\":\"eu-west-1\","
                + "\"operation\":\"ListTags\",\"code\":\"Throttling\",\"message\":\"b\"}"
                + "]}\n");
  }

  @Test
  void aSnapshotKeepingUnmaskedValuesIsReadableByItsOwnerAlone() throws IOException {
    Path file = dir.resolve("snapshot.json");
    try (SnapshotWriter snapshot = SnapshotWriter.open(file)) {
      snapshot.commit(true, List.of());
    }

    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
