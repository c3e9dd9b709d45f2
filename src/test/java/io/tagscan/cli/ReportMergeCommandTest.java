package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.golden.GoldenRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tagscan scan --shard K/N} and {@code tagscan report merge}: the parts of a sharded scan
 * cover every account exactly once, and their merge is byte for byte the unsharded scan's report in
 * every format.
 */
class ReportMergeCommandTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";
  private static final String ALL = "json,csv,junit,markdown,html,table";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  private static CliRun run(String... args) {
    return CliRun.run(
        new Environment(
            false, false, Map.of("COLUMNS", "100"), Clock.fixed(CliRun.NOW, ZoneOffset.UTC)),
        args);
  }

  private Path scan(String name, String... extra) {
    Path dir = temp.resolve(name);
    List<String> args =
        new ArrayList<>(List.of("scan", "--inventory", EXAMPLE, "--format", "json", "-o"));
    args.add(dir.toString());
    args.addAll(List.of(extra));
    CliRun run = run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    return dir.resolve("tagscan-report.json");
  }

  private static Set<String> accountsOf(Path report) throws IOException {
    Set<String> accounts = new TreeSet<>();
    for (JsonNode resource : MAPPER.readTree(report.toFile()).get("resources")) {
      accounts.add(resource.get("accountId").asText());
    }
    return accounts;
  }

  @ParameterizedTest(name = "{0} parts")
  @ValueSource(ints = {1, 2, 3, 5})
  void mergesTheShardsOfAScanIntoTheUnshardedReport(int parts) throws IOException {
    Path whole = temp.resolve("whole");
    CliRun unsharded = run("scan", "--inventory", EXAMPLE, "--format", ALL, "-o", whole.toString());
    List<String> merge = new ArrayList<>(List.of("report", "merge"));
    List<Set<String>> covered = new ArrayList<>();
    for (int k = 1; k <= parts; k++) {
      Path part = scan("part-" + k, "--shard", k + "/" + parts);
      covered.add(accountsOf(part));
      merge.add(part.toString());
    }
    Path merged = temp.resolve("merged");
    merge.addAll(List.of("--format", ALL, "-o", merged.toString()));

    // Every account (the empty one of S3 buckets too) in exactly one part.
    Set<String> all = accountsOf(whole.resolve("tagscan-report.json"));
    Set<String> seen = new HashSet<>();
    for (Set<String> part : covered) {
      for (String account : part) {
        assertThat(seen.add(account)).as("account '%s' in two parts", account).isTrue();
      }
    }
    assertThat(seen).isEqualTo(all).hasSize(3);

    CliRun run = run(merge.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).as("the terminal table").isEqualTo(unsharded.out());
    assertThat(GoldenRunner.files(merged)).isEqualTo(GoldenRunner.files(whole)).hasSize(5);
    for (String file : GoldenRunner.files(whole)) {
      assertThat(Files.readString(merged.resolve(file), StandardCharsets.UTF_8))
          .as(file)
          .isEqualTo(Files.readString(whole.resolve(file), StandardCharsets.UTF_8));
    }
  }

  @Test
  void keepsOnceAResourceTwoPartsHoldAlike() throws IOException {
    Path report = scan("once");
    Path merged = temp.resolve("merged");

    CliRun run =
        run(
            "report",
            "merge",
            report.toString(),
            report.toString(),
            "--format",
            "json",
            "-o",
            merged.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(merged.resolve("tagscan-report.json")))
        .isEqualTo(Files.readString(report));
  }

  @Test
  void refusesTheSameArnWithOtherContent() throws IOException {
    Path report = scan("a");
    Path edited = temp.resolve("edited.json");
    Files.writeString(
        edited,
        Files.readString(report)
            .replaceFirst(
                "(\"arn\":\"arn:aws:sagemaker:us-east-1:111122223333:model/churn-xgb\".*?)"
                    + "\"Production\"",
                "$1\"production\""));
    assertThat(Files.readString(edited)).isNotEqualTo(Files.readString(report));

    CliRun run = run("report", "merge", report.toString(), edited.toString(), "--format", "json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .matches(
            "(?s)"
                + java.util.regex.Pattern.quote(edited.toString())
                + ":\\d+:1: error: resource 'arn:aws:sagemaker:us-east-1:111122223333:model/churn-xgb'"
                + " is also at "
                + java.util.regex.Pattern.quote(report.toString())
                + ":\\d+:1 with other content.*\n")
        .doesNotContain("Exception");
  }

  @Test
  void refusesReportsOfDifferentDictionariesNamingBoth() {
    Path report = scan("full");
    Path other = scan("minimal", "-d", "examples/dictionaries/minimal.yaml");

    CliRun run = run("report", "merge", report.toString(), other.toString(), "--format", "json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(other + ": error: checked against another dictionary than " + report + " (")
        .doesNotContain("Exception");
  }

  @Test
  void refusesAnUnknownShard() {
    CliRun run = run("scan", "--inventory", EXAMPLE, "--shard", "3/2");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--shard 3/2 is not a part");
  }
}
