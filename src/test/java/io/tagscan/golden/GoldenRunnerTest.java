package io.tagscan.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenRunnerTest {

  @TempDir Path dir;

  @BeforeEach
  void aCaseWithAnInputAndOneExpectedFile() throws IOException {
    Files.writeString(dir.resolve("input.json"), "{}");
    Files.writeString(dir.resolve("expected.stdout.txt"), "hello\n");
  }

  @Test
  void passesWhenEveryOutputMatchesItsExpectedFile() throws IOException {
    GoldenRunner.verify(dir, Set.of("input.json"), Map.of("stdout.txt", "hello\n"), false);
  }

  @Test
  void failsWhenAnOutputDiffers() {
    assertThatThrownBy(
            () ->
                GoldenRunner.verify(
                    dir, Set.of("input.json"), Map.of("stdout.txt", "goodbye\n"), false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected.stdout.txt");
  }

  @Test
  void failsOnAnExpectedFileNothingProduces() throws IOException {
    Files.writeString(dir.resolve("expected.stderr.txt"), "");

    assertThatThrownBy(
            () ->
                GoldenRunner.verify(
                    dir, Set.of("input.json"), Map.of("stdout.txt", "hello\n"), false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected.stderr.txt (nothing produces it)");
  }

  @Test
  void failsOnAnOutputWithNoExpectedFile() {
    assertThatThrownBy(
            () ->
                GoldenRunner.verify(
                    dir,
                    Set.of("input.json"),
                    Map.of("stdout.txt", "hello\n", "tagscan-report.json", "{}"),
                    false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected.tagscan-report.json");
  }

  @Test
  void failsOnAFileThatIsNeitherAnInputNorAnExpectedFile() throws IOException {
    Files.writeString(dir.resolve("expectd.stdout.txt"), "hello\n");

    assertThatThrownBy(
            () ->
                GoldenRunner.verify(
                    dir, Set.of("input.json"), Map.of("stdout.txt", "hello\n"), false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expectd.stdout.txt (neither an input nor an expected file)");
  }

  @Test
  void acceptsTheFilesTheCommandLineNames() throws IOException {
    Files.writeString(dir.resolve("args"), "scan\n--inventory\n$CASE/inventory.json\n");
    Files.writeString(dir.resolve("inventory.json"), "{}");

    GoldenRunner.verify(dir, Set.of("input.json"), Map.of("stdout.txt", "hello\n"), false);

    assertThat(GoldenRunner.args(dir, dir.resolve("out")))
        .containsExactly(
            "scan", "--inventory", dir.toString().replace('\\', '/') + "/inventory.json");
  }

  @Test
  void updatingRewritesTheExpectedFilesAndDeletesStaleOnes() throws IOException {
    Files.writeString(dir.resolve("expected.stale.txt"), "old");

    GoldenRunner.verify(
        dir, Set.of("input.json"), Map.of("stdout.txt", "new\n", "stderr.txt", ""), true);

    assertThat(GoldenRunner.files(dir))
        .containsExactly("expected.stderr.txt", "expected.stdout.txt", "input.json");
    assertThat(dir.resolve("expected.stdout.txt")).hasContent("new");
    GoldenRunner.verify(
        dir, Set.of("input.json"), Map.of("stdout.txt", "new\n", "stderr.txt", ""), false);
  }

  @Test
  void readsTheEnvironmentOfACase() throws IOException {
    Files.writeString(dir.resolve("environment"), "COLUMNS=60\n\nNO_COLOR=\n");

    assertThat(GoldenRunner.environment(dir))
        .containsExactly(Map.entry("COLUMNS", "60"), Map.entry("NO_COLOR", ""));
    assertThat(GoldenRunner.args(dir, dir)).isEqualTo(List.of());
  }
}
