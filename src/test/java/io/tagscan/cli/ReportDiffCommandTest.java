package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagscan report diff}: findings are known by ARN, rule and key, and {@code --fail-on}
 * counts only new findings.
 */
class ReportDiffCommandTest {

  private static final Path EXAMPLE = Path.of("src/test/resources/interchange/example.json");
  private static final Path NEXT = Path.of("src/test/resources/interchange/example-next.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  private static JsonNode summary(CliRun run) throws IOException {
    return MAPPER.readTree(run.out()).get("summary").get("findings");
  }

  @Test
  void knowsAFindingByArnRuleAndKeyNotByItsWording() throws IOException {
    Path reworded = temp.resolve("reworded.json");
    String original = Files.readString(EXAMPLE);
    String edited =
        original
            .replace("is missing\"", "is absent\"")
            .replace("\"fix\":\"add tag", "\"fix\":\"please add tag")
            .replace("\"severity\":\"warning\"", "\"severity\":\"info\"");
    assertThat(edited).isNotEqualTo(original);
    Files.writeString(reworded, edited);

    CliRun run = CliRun.run("report", "diff", EXAMPLE.toString(), reworded.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(summary(run).get("new").asLong()).isZero();
    assertThat(summary(run).get("fixed").asLong()).isZero();
    assertThat(summary(run).get("unchanged").asLong()).isEqualTo(38);
  }

  @Test
  void failsOnlyWhenANewFindingReachesTheThreshold() throws IOException {
    CliRun forward = CliRun.run("report", "diff", EXAMPLE.toString(), NEXT.toString());
    assertThat(forward.exitCode()).isEqualTo(1);
    assertThat(summary(forward).get("newBySeverity").get("error").asLong()).isEqualTo(6);

    CliRun never =
        CliRun.run("report", "diff", EXAMPLE.toString(), NEXT.toString(), "--fail-on", "never");
    assertThat(never.exitCode()).isZero();

    CliRun back = CliRun.run("report", "diff", NEXT.toString(), EXAMPLE.toString());
    assertThat(summary(back).get("new").asLong()).isEqualTo(6);
    assertThat(summary(back).get("fixed").asLong()).isEqualTo(7);
    assertThat(back.exitCode()).isEqualTo(1);
  }

  @Test
  void passesWhenOnlyWarningsAreNewAndTheThresholdIsError() throws IOException {
    Path warned = temp.resolve("warned.json");
    // A new undeclared key on one resource: a warning finding, nothing else.
    String original = Files.readString(EXAMPLE);
    String line =
        original
            .lines()
            .filter(
                l -> l.contains("\"arn\":\"arn:aws:rds:us-east-1:444455556666:db:forecast-db\""))
            .findFirst()
            .orElseThrow();
    String changed =
        line.replace(
            "\"findings\":[",
            "\"findings\":[{\"rule\":\"undeclared-key\",\"severity\":\"warning\",\"key\":\"x\","
                + "\"message\":\"tag 'x' is not declared\"},");
    Files.writeString(warned, original.replace(line, changed));

    CliRun error = CliRun.run("report", "diff", EXAMPLE.toString(), warned.toString());
    CliRun warning =
        CliRun.run("report", "diff", EXAMPLE.toString(), warned.toString(), "--fail-on", "warning");

    assertThat(error.exitCode()).as(error.err()).isZero();
    assertThat(summary(error).get("new").asLong()).isEqualTo(1);
    assertThat(warning.exitCode()).isEqualTo(1);
  }

  @Test
  void writesTheDiffToAFileWholeOrNotAtAll() throws IOException {
    Path out = temp.resolve("nested/diff.json");
    CliRun run =
        CliRun.run("report", "diff", EXAMPLE.toString(), NEXT.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(MAPPER.readTree(out.toFile()).get("changes")).hasSize(15);
    try (var files = Files.list(out.getParent())) {
      assertThat(files).containsExactly(out);
    }
  }
}
