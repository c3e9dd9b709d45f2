package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.golden.GoldenRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs tagscan end to end on every case of the {@code lint}, {@code scan}, {@code render}, {@code
 * merge}, {@code diff}, {@code export} and {@code cost} golden suites (see {@link GoldenRunner} for
 * the layout): each case's {@code args} in its {@code environment}, and compares {@code
 * expected.exit-code.txt}, {@code expected.stdout.txt}, {@code expected.stderr.txt} and one {@code
 * expected.<file>} per file written under {@code $OUT}.
 */
class CommandGoldenTest {

  @TempDir Path out;

  static Stream<Path> cases() {
    return Stream.of("lint", "scan", "render", "merge", "diff", "export", "cost", "check", "fix")
        .flatMap(suite -> GoldenRunner.cases(suite).stream());
  }

  @Test
  void hasEnoughCasesIncludingACleanDictionary() {
    assertThat(GoldenRunner.cases("lint"))
        .hasSizeGreaterThanOrEqualTo(6)
        .contains(GoldenRunner.ROOT.resolve("lint").resolve("clean"));
    assertThat(GoldenRunner.cases("scan")).hasSizeGreaterThanOrEqualTo(6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsAndWritesWhatTheGoldenFilesSay(Path dir) throws IOException {
    List<String> args = GoldenRunner.args(dir, out);
    assertThat(args).as("the command line of %s", dir).isNotEmpty();
    CliRun run =
        CliRun.run(
            new Environment(
                false,
                false,
                GoldenRunner.environment(dir),
                Clock.fixed(CliRun.NOW, ZoneOffset.UTC)),
            args.toArray(String[]::new));

    Map<String, String> produced = new LinkedHashMap<>();
    produced.put("exit-code.txt", run.exitCode() + "\n");
    produced.put("stdout.txt", run.out());
    produced.put("stderr.txt", run.err().replace(out.toString(), "$OUT"));
    for (String file : GoldenRunner.files(out)) {
      assertThat(produced).as("a report named like a stream").doesNotContainKey(file);
      produced.put(file, Files.readString(out.resolve(file), StandardCharsets.UTF_8));
    }
    GoldenRunner.verify(dir, Set.of(), produced);
  }
}
