package io.tagscan.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of compilers, run as a user runs it: a copy of {@code ./tagscan} beside a
 * jar and class-data-sharing archive that are up to date (so it builds and trains nothing), with a
 * {@code java} that only prints the options it was given.
 */
class LauncherCompilerTest {

  private static final String QUICK = "-XX:TieredStopAtLevel=1";

  @TempDir Path checkout;

  @BeforeEach
  void copyTheLauncher() throws IOException {
    Files.copy(Path.of("tagscan"), checkout.resolve("tagscan"));
    Path target = Files.createDirectories(checkout.resolve("target"));
    Path jar = Files.writeString(target.resolve("tagscan.jar"), "jar");
    Path jsa = Files.writeString(target.resolve("tagscan.jsa"), "jsa");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    Files.setLastModifiedTime(jsa, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
    Path bin = Files.createDirectories(checkout.resolve("jdk/bin"));
    Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void liveScansAndChecksRunOnTheQuickCompiler() throws Exception {
    assertThat(options("scan", "--accounts-file", "accounts.txt")).contains(QUICK);
    assertThat(options("accounts")).contains(QUICK);
    assertThat(options("check", "plan.json")).contains(QUICK);
    assertThat(options("report", "render", "r.json")).doesNotContain(QUICK);
  }

  @Test
  void offlineScansOfSmallInventoriesRunOnTheQuickCompilerAndLargeOnesOnBoth() throws Exception {
    Path small = sized("small.json", 10L << 20);
    Path large = sized("large.json", 600L << 20);
    Path half = sized("half.json", 300L << 20);
    Path packed = sized("packed.json.gz", 60L << 20);

    assertThat(options("scan", "--inventory", small.toString(), "--format", "json"))
        .contains(QUICK);
    assertThat(options("scan", "--inventory=" + small)).contains(QUICK);
    assertThat(options("scan", "--inventory", large.toString())).doesNotContain(QUICK);
    // Together past the limit, whether after one --inventory or several.
    assertThat(options("scan", "--inventory", half.toString(), half.toString()))
        .doesNotContain(QUICK);
    assertThat(options("scan", "--inventory", half.toString(), "-q", "--inventory=" + half))
        .doesNotContain(QUICK);
    // A .gz file counts at ten times its size; a file it cannot size (standard input), as large.
    assertThat(options("scan", "--inventory", packed.toString())).doesNotContain(QUICK);
    assertThat(options("scan", "--inventory", "-")).doesNotContain(QUICK);
    assertThat(options("scan", "--inventory", "missing.json")).doesNotContain(QUICK);
  }

  /** A sparse file of {@code bytes}, so a large inventory costs no disk. */
  private Path sized(String name, long bytes) throws IOException {
    Path file = checkout.resolve(name);
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(bytes);
    }
    return file;
  }

  /** The JVM options the launcher passes for these arguments. */
  private List<String> options(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", checkout.resolve("tagscan").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
    builder.environment().put("JAVA_HOME", checkout.resolve("jdk").toString());
    builder.environment().remove("TAGSCAN_JAVA_OPTS");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    List<String> options = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.equals("-jar")) {
        break;
      }
      options.add(line);
    }
    return options;
  }
}
