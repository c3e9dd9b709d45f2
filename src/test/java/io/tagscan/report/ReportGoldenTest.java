package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tagscan.golden.GoldenRunner;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
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
 * Every report format for every case of the {@code report} golden suite (see {@link GoldenRunner}
 * for the layout): each case directory holds {@code input.json} and one {@code expected.<ext>} per
 * output.
 */
class ReportGoldenTest {

  static final Path CASES = GoldenRunner.ROOT.resolve("report");
  private static final int[] GOLDEN_WIDTHS = {60, 100, 220};

  @TempDir Path temp;

  static Stream<String> cases() {
    return GoldenRunner.cases("report").stream().map(dir -> dir.getFileName().toString());
  }

  @Test
  void findsTheGoldenCases() {
    assertThat(cases()).contains("clean", "mixed-hostile", "incomplete", "empty", "wide-text");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writesEveryFormatAsTheGoldenFilesSay(String name) throws IOException {
    Path dir = CASES.resolve(name);
    Path inputFile = dir.resolve("input.json");
    if (!Files.isRegularFile(inputFile)) {
      fail("golden case %s has no input.json", dir);
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    render(GoldenInput.read(inputFile))
        .forEach((file, text) -> outputs.put(file.substring("expected.".length()), text));
    GoldenRunner.verify(dir, Set.of("input.json"), outputs);
  }

  /**
   * Every output of one input: all file formats, both CSV layouts, the table with and without
   * colour.
   */
  private Map<String, String> render(GoldenInput input) throws IOException {
    Map<String, String> outputs = new LinkedHashMap<>();
    Path plain = temp.resolve("plain");
    String table =
        run(
            input,
            new ReportOptions(
                EnumSet.allOf(ReportFormat.class),
                plain,
                CsvLayout.FINDINGS,
                input.failOn(),
                input.tableLimit(),
                false),
            input.resources(),
            ReportPipeline.Tuning.DEFAULT.runEntries());
    outputs.put("expected.json", read(plain.resolve("tagscan-report.json")));
    outputs.put("expected.findings.csv", read(plain.resolve("tagscan-findings.csv")));
    outputs.put("expected.junit.xml", read(plain.resolve("tagscan-junit.xml")));
    outputs.put("expected.md", read(plain.resolve("tagscan-summary.md")));
    outputs.put("expected.html", read(plain.resolve("tagscan-report.html")));
    outputs.put("expected.sarif", read(plain.resolve("tagscan-results.sarif")));
    outputs.put("expected.table.txt", table);
    for (int width : GOLDEN_WIDTHS) {
      outputs.put("expected.table-" + width + ".txt", table(input, width, false));
    }

    // Reversed arrival and a run of two resources: the same bytes must come out of the spill path.
    Path spilled = temp.resolve("spilled");
    List<CheckedResource> reversed = new java.util.ArrayList<>(input.resources());
    java.util.Collections.reverse(reversed);
    String colored =
        run(
            input,
            new ReportOptions(
                EnumSet.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.TABLE),
                spilled,
                CsvLayout.RESOURCES,
                input.failOn(),
                input.tableLimit(),
                true),
            reversed,
            2);
    assertThat(read(spilled.resolve("tagscan-report.json")))
        .as("the JSON whatever the arrival order and run size")
        .isEqualTo(outputs.get("expected.json"));
    outputs.put("expected.resources.csv", read(spilled.resolve("tagscan-resources.csv")));
    outputs.put("expected.table-color.txt", colored);
    return outputs;
  }

  /** The terminal table alone, at the given width. */
  private static String table(GoldenInput input, int width, boolean color) {
    return run(
        input,
        new ReportOptions(
            EnumSet.of(ReportFormat.TABLE),
            null,
            CsvLayout.FINDINGS,
            input.failOn(),
            input.tableLimit(),
            color,
            width,
            false),
        input.resources(),
        ReportPipeline.Tuning.DEFAULT.runEntries());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepsEveryTableLineWithinTheTerminalWidth(String name) throws IOException {
    GoldenInput input = GoldenInput.read(CASES.resolve(name).resolve("input.json"));
    for (int width : new int[] {20, 40, 55, 60, 72, 80, 100, 120, 160, 220}) {
      for (boolean color : new boolean[] {false, true}) {
        String table = table(input, width, color);
        for (String line : table.split("\n", -1)) {
          assertThat(TerminalText.width(line))
              .as("%s at %d columns%s: %s", name, width, color ? " in colour" : "", line)
              .isLessThanOrEqualTo(width);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void showsTheFixOfEveryFindingShownWhole(String name) throws IOException {
    GoldenInput input = GoldenInput.read(CASES.resolve(name).resolve("input.json"));
    List<CheckedResource> shown =
        input.resources().stream()
            .filter(checked -> !checked.findings().isEmpty())
            .map(ReportGoldenTest::masked)
            .sorted(WorstResources.WORST_FIRST)
            .limit(input.tableLimit())
            .toList();
    for (int width : new int[] {40, 60, 100, 220}) {
      String table = table(input, width, false).replaceAll("\\s+", "");
      for (CheckedResource checked : shown) {
        for (io.tagscan.model.Finding finding : checked.findings()) {
          String fix = finding.fix() != null ? finding.fix() : finding.message();
          assertThat(table)
              .as("%s at %d columns shows the fix whole", name, width)
              .contains(Escaping.terminal(fix).replaceAll("\\s+", ""));
        }
      }
    }
  }

  /** The resource as the reports show it: personal data masked, as the pipeline does. */
  private static CheckedResource masked(CheckedResource checked) {
    PersonalDataMask mask = PersonalDataMask.of(checked);
    return mask == null ? checked : mask.mask(checked);
  }

  private static String run(
      GoldenInput input, ReportOptions options, List<CheckedResource> resources, int runEntries) {
    StringWriter stdout = new StringWriter();
    try (ReportPipeline pipeline =
        new ReportPipeline(
            input.dictionary(),
            options,
            new PrintWriter(stdout),
            Fixtures.tuning(runEntries, 64))) {
      for (Account account : input.accounts()) {
        pipeline.account(account);
      }
      resources.forEach(pipeline::accept);
      pipeline.finish(input.info(), input.errors());
    }
    return stdout.toString();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
