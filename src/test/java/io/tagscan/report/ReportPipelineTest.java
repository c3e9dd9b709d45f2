package io.tagscan.report;

import static io.tagscan.report.Fixtures.ENVIRONMENT;
import static io.tagscan.report.Fixtures.OWNER;
import static io.tagscan.report.Fixtures.checked;
import static io.tagscan.report.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.EnvironmentException;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPipelineTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final long PID = ProcessHandle.current().pid();

  @TempDir Path dir;

  private final StringWriter stdout = new StringWriter();

  private ReportPipeline open(ReportOptions options, int runEntries, int fanIn) {
    return new ReportPipeline(
        Fixtures.dictionary(),
        options,
        new PrintWriter(stdout),
        Fixtures.tuning(runEntries, fanIn));
  }

  /** A pipeline whose files of the given formats go to {@code /dev/full}: a disk that is full. */
  private ReportPipeline openOnFullDisk(ReportOptions options, Set<String> full) {
    return new ReportPipeline(
        Fixtures.dictionary(),
        options,
        new PrintWriter(stdout),
        Fixtures.tuning(5, 64),
        temporary ->
            full.stream().anyMatch(name -> temporary.getFileName().toString().contains(name))
                ? new FileOutputStream("/dev/full")
                : ReportPipeline.Opener.FILES.open(temporary));
  }

  /** Resources over 3 accounts × 3 regions, each id distinct, with a finding on every third. */
  private static List<CheckedResource> resources(int count) {
    List<CheckedResource> list = new ArrayList<>();
    String[] accounts = {"333333333333", "111111111111", "222222222222"};
    String[] regions = {"us-east-1", "eu-west-1", "ap-south-1"};
    for (int i = 0; i < count; i++) {
      list.add(
          i % 3 == 0
              ? checked(
                  accounts[i % 3],
                  regions[(i / 3) % 3],
                  "i-" + i,
                  Map.of(ENVIRONMENT, "dev"),
                  finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, OWNER))
              : checked(
                  accounts[i % 3],
                  regions[(i / 3) % 3],
                  "i-" + i,
                  Map.of(OWNER, "team-" + i, ENVIRONMENT, "dev")));
    }
    return list;
  }

  private List<String> jsonKeys(Path report) throws IOException {
    JsonNode json = MAPPER.readTree(report.toFile());
    List<String> keys = new ArrayList<>();
    for (JsonNode resource : json.path("resources")) {
      keys.add(
          resource.path("accountId").asText()
              + " "
              + resource.path("region").asText()
              + " "
              + resource.path("arn").asText());
    }
    return keys;
  }

  private static List<String> sortedKeys(List<CheckedResource> resources) {
    return resources.stream()
        .map(r -> r.resource().accountId() + " " + r.resource().region() + " " + r.resource().arn())
        .sorted()
        .toList();
  }

  private List<String> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void sortsByAccountRegionAndArnWhateverTheArrivalOrder() throws IOException {
    List<CheckedResource> resources = resources(500);
    Collections.shuffle(resources, new Random(7));
    try (ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 1_000, 64)) {
      resources.forEach(pipeline::accept);
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    assertThat(jsonKeys(dir.resolve("tagscan-report.json"))).isEqualTo(sortedKeys(resources));
  }

  @Test
  void sortsAcrossManySpillRunsAndMergePasses() throws IOException {
    List<CheckedResource> resources = resources(2_000);
    Collections.shuffle(resources, new Random(11));
    try (ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 7, 3)) {
      resources.forEach(pipeline::accept);
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    assertThat(jsonKeys(dir.resolve("tagscan-report.json"))).isEqualTo(sortedKeys(resources));
    assertThat(filesIn(dir)).containsExactly("tagscan-report.json");
  }

  @Test
  void writesTheSameBytesWhateverTheArrivalOrderAndRunSize() throws IOException {
    List<CheckedResource> resources = resources(300);
    // Two resources with the same ARN but different tags: the order must still be fixed.
    resources.add(checked("111111111111", "eu-west-1", "twin", Map.of(OWNER, "a")));
    resources.add(checked("111111111111", "eu-west-1", "twin", Map.of(OWNER, "b")));
    List<String> outputs = new ArrayList<>();
    int[][] shapes = {{100_000, 64}, {5, 2}, {13, 4}};
    for (int i = 0; i < shapes.length; i++) {
      Collections.shuffle(resources, new Random(i));
      Path out = dir.resolve("run" + i);
      EnumSet<ReportFormat> formats = EnumSet.of(ReportFormat.JSON, ReportFormat.CSV);
      try (ReportPipeline pipeline =
          open(
              new ReportOptions(formats, out, CsvLayout.RESOURCES, Severity.ERROR, 10, false),
              shapes[i][0],
              shapes[i][1])) {
        resources.forEach(pipeline::accept);
        pipeline.finish(Fixtures.scanInfo(true), List.of());
      }
      outputs.add(
          Files.readString(out.resolve("tagscan-report.json"))
              + Files.readString(out.resolve("tagscan-resources.csv")));
    }

    assertThat(outputs).containsOnly(outputs.get(0));
  }

  @Test
  void losesNothingWhenManyThreadsAcceptAtOnce() throws Exception {
    int threads = 8;
    int perThread = 2_500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    Summary summary;
    try (ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.CSV), 97, 8)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    pipeline.accept(
                        checked(
                            "11111111111" + thread,
                            "eu-west-1",
                            "i-" + i,
                            Map.of(),
                            finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, OWNER)));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
      summary = pipeline.finish(Fixtures.scanInfo(true), List.of());
    } finally {
      pool.shutdownNow();
    }

    List<String> rows = Files.readAllLines(dir.resolve("tagscan-findings.csv"));
    assertThat(summary.resources()).isEqualTo((long) threads * perThread);
    assertThat(rows).hasSize(threads * perThread + 1).doesNotHaveDuplicates();
    assertThat(rows.subList(1, rows.size()))
        .isSortedAccordingTo(
            java.util.Comparator.comparing((String row) -> row.split(",")[0])
                .thenComparing(row -> row.split(",")[3]));
  }

  @Test
  void closeWithoutFinishLeavesNoFile() throws IOException {
    Path out = dir.resolve("reports");
    try (ReportPipeline pipeline =
        open(
            new ReportOptions(
                EnumSet.allOf(ReportFormat.class), out, null, Severity.ERROR, 10, false),
            5,
            64)) {
      resources(100).forEach(pipeline::accept);
      assertThat(filesIn(out))
          .as("temporary files while the scan runs")
          .isNotEmpty()
          .allMatch(name -> name.startsWith(".") && name.endsWith(".tmp"));
    }

    assertThat(filesIn(out)).isEmpty();
    assertThat(stdout.toString()).isEmpty();
  }

  @Test
  void leavesAnEarlierReportUntouchedUntilTheNewOneIsComplete() throws IOException {
    Path report = dir.resolve("tagscan-report.json");
    Files.writeString(report, "previous report");
    try (ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 5, 64)) {
      resources(20).forEach(pipeline::accept);
      assertThat(report).hasContent("previous report");
      assertThat(filesIn(dir))
          .filteredOn(name -> name.startsWith(".tagscan-" + PID + "-tagscan-report.json."))
          .hasSize(1);
    }
    assertThat(report).hasContent("previous report");

    try (ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 5, 64)) {
      resources(20).forEach(pipeline::accept);
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }
    assertThat(MAPPER.readTree(report.toFile()).path("resources")).hasSize(20);
    assertThat(filesIn(dir)).containsExactly("tagscan-report.json");
  }

  @Test
  void closeAfterFinishKeepsTheReports() throws IOException {
    ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 5, 64);
    resources(20).forEach(pipeline::accept);
    pipeline.finish(Fixtures.scanInfo(true), List.of());
    pipeline.close();
    pipeline.close();

    assertThat(filesIn(dir)).containsExactly("tagscan-report.json");
  }

  @Test
  void writesSeveralFormatsAtOnceWithTheTableOnStdout() throws IOException {
    Path out = dir.resolve("new/nested");
    Summary summary;
    try (ReportPipeline pipeline =
        open(
            new ReportOptions(
                EnumSet.allOf(ReportFormat.class),
                out,
                CsvLayout.RESOURCES,
                Severity.ERROR,
                10,
                false),
            1_000,
            64)) {
      resources(30).forEach(pipeline::accept);
      summary = pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    assertThat(filesIn(out))
        .containsExactly(
            "tagscan-junit.xml",
            "tagscan-report.html",
            "tagscan-report.json",
            "tagscan-resources.csv",
            "tagscan-results.sarif",
            "tagscan-summary.md");
    assertThat(stdout.toString())
        .startsWith("tagscan: 30 resources, 20 compliant, 10 noncompliant");
    assertThat(Files.readAllLines(out.resolve("tagscan-resources.csv"))).hasSize(31);
    assertThat(Files.readString(out.resolve("tagscan-junit.xml")))
        .contains(
            "<testsuites name=\"tagscan\" tests=\"30\" failures=\"10\" errors=\"0\" time=\"0\">");
    assertThat(Files.readString(out.resolve("tagscan-summary.md")))
        .contains("❌ **Failed:** 10 errors on 10 of 30 resources.");
    assertThat(summary.findingsAtOrAbove(Severity.ERROR)).isEqualTo(10);
  }

  @Test
  void writesTheOneFormatToStdoutWithoutADirectory() throws IOException {
    try (ReportPipeline pipeline =
        open(
            new ReportOptions(EnumSet.of(ReportFormat.JSON), null, null, null, 10, false), 3, 64)) {
      resources(10).forEach(pipeline::accept);
      assertThat(stdout.toString()).as("nothing before finish").isEmpty();
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    JsonNode json = MAPPER.readTree(stdout.toString());
    assertThat(json.path("summary").path("resources").asInt()).isEqualTo(10);
    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void writesTheSameJsonToStdoutAsToAFileAndEscapesUnpairedSurrogates() throws IOException {
    // Long enough to cross the buffers of the generator and the decoder, so that multi-byte
    // characters are split between writes.
    String value = "café 日本 \ud83d\ude80 lone \ud800 end \udc00 ".repeat(2_000);
    List<CheckedResource> resources =
        List.of(
            checked("111122223333", "eu-west-1", "i-1", Map.of(OWNER, value)),
            checked("111122223333", "eu-west-1", "i-2", Map.of("é\ud800", "x")));
    try (ReportPipeline pipeline =
        open(
            new ReportOptions(EnumSet.of(ReportFormat.JSON), null, null, null, 10, false), 3, 64)) {
      resources.forEach(pipeline::accept);
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }
    try (ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 3, 64)) {
      resources.forEach(pipeline::accept);
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    String file = Files.readString(dir.resolve("tagscan-report.json"));
    assertThat(stdout.toString()).isEqualTo(file);
    assertThat(file)
        .contains("café 日本 \ud83d\ude80 lone \\uD800 end \\uDC00 ")
        .contains("{\"é\\uD800\":\"x\"}")
        .doesNotContain("?");
    JsonNode json = MAPPER.readTree(file);
    assertThat(json.path("resources").path(0).path("tags").path(OWNER).asText()).isEqualTo(value);
  }

  @Test
  void putsTheSummaryBeforeTheResourcesAndEachResourceOnItsOwnLine() throws IOException {
    try (ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 4, 64)) {
      resources(12).forEach(pipeline::accept);
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    List<String> lines = Files.readAllLines(dir.resolve("tagscan-report.json"));
    List<String> fields = lines.stream().filter(line -> line.startsWith("\"")).toList();
    assertThat(fields)
        .extracting(line -> line.substring(1, line.indexOf('"', 1)))
        .containsExactly(
            "schemaVersion", "tool", "scan", "summary", "accounts", "resources", "errors");
    List<String> resourceLines =
        lines.stream().filter(line -> line.startsWith("{\"arn\":")).toList();
    assertThat(resourceLines).hasSize(12);
    for (String line : resourceLines) {
      String element = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
      assertThat(MAPPER.readTree(element).path("arn").asText()).startsWith("arn:aws:ec2:");
    }
  }

  @Test
  void createsTheOutputDirectoryWhenMissing() {
    Path out = dir.resolve("a/b/c");
    try (ReportPipeline pipeline = open(Fixtures.options(out, ReportFormat.MARKDOWN), 5, 64)) {
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    assertThat(out.resolve("tagscan-summary.md")).exists();
  }

  @Test
  void failsWithAnEnvironmentErrorWhenTheOutputDirectoryIsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "x");

    assertThatThrownBy(() -> open(Fixtures.options(file, ReportFormat.JSON), 5, 64))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("cannot write reports to '" + file + "': Not a directory");
  }

  @Test
  void namesTheSystemsReasonWhenTheOutputDirectoryCannotBeCreated() {
    // Root may write anywhere else; the kernel's own file systems refuse even root.
    Path refused = Path.of("/proc/tagscan-reports");

    assertThatThrownBy(() -> open(Fixtures.options(refused, ReportFormat.JSON), 5, 64))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("cannot write reports to '/proc/tagscan-reports': No such file or directory");
  }

  @Test
  void aFullDiskNamesTheReportAndTheReasonAndKeepsTheEarlierReport() throws IOException {
    Path earlier = Files.writeString(dir.resolve("tagscan-report.json"), "the report of yesterday");
    ReportPipeline pipeline =
        openOnFullDisk(Fixtures.options(dir, ReportFormat.JSON), Set.of("tagscan-report.json"));
    resources(12).forEach(pipeline::accept);

    assertThatThrownBy(() -> pipeline.finish(Fixtures.scanInfo(true), List.of()))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("cannot write the report '" + earlier + "': No space left on device");
    pipeline.close();

    assertThat(filesIn(dir)).containsExactly("tagscan-report.json");
    assertThat(earlier).hasContent("the report of yesterday");
  }

  @Test
  void aFullDiskUnderOneOfSeveralFormatsNamesThatReportAndLeavesNoneHalfWritten()
      throws IOException {
    ReportPipeline pipeline =
        openOnFullDisk(
            Fixtures.options(dir, ReportFormat.JSON, ReportFormat.CSV, ReportFormat.MARKDOWN),
            Set.of("tagscan-findings.csv"));
    resources(40).forEach(pipeline::accept);

    assertThatThrownBy(() -> pipeline.finish(Fixtures.scanInfo(true), List.of()))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage(
            "cannot write the report '"
                + dir.resolve("tagscan-findings.csv")
                + "': No space left on device");
    pipeline.close();

    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void resourcesArrivingAfterAnInterruptionClosedThePipelineAreDropped() throws IOException {
    ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 5, 64);
    List<CheckedResource> late = resources(20);
    pipeline.accept(late.get(0));
    pipeline.close();

    // Scan threads still delivering when Ctrl-C closed the pipeline must not fail as a bug.
    late.subList(1, late.size()).forEach(pipeline::accept);

    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void removesTheTemporaryFilesOfAKilledRunAndNoOtherFile() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long deadPid = gone.pid();
    Path stale = Files.createFile(dir.resolve(".tagscan-" + deadPid + "-tagscan.json.0a1b2c.tmp"));
    Path staleRun = Files.createFile(dir.resolve(".tagscan-" + deadPid + "-tagscan-run.ff.tmp"));
    List<String> foreign =
        List.of(
            // pid 1 is always alive: another tagscan may still be writing this one.
            ".tagscan-1-tagscan.json.0a1b2c.tmp",
            ".tagscan-notes.tmp",
            ".tagscan-" + deadPid + "-notes.txt",
            "." + "tagscan.json.0a1b2c.tmp",
            "notes.tmp");
    for (String name : foreign) {
      Files.createFile(dir.resolve(name));
    }

    try (ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 5, 64)) {
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    assertThat(stale).doesNotExist();
    assertThat(staleRun).doesNotExist();
    assertThat(filesIn(dir))
        .containsExactlyInAnyOrderElementsOf(concat(foreign, "tagscan-report.json"));
  }

  private static List<String> concat(List<String> names, String name) {
    List<String> all = new ArrayList<>(names);
    all.add(name);
    return all;
  }

  @Test
  void failsWithAnEnvironmentErrorWhenTheOutputDirectoryIsNotWritable() throws IOException {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    Assumptions.assumeTrue(readOnly.toFile().setWritable(false, false));
    Assumptions.assumeFalse(Files.isWritable(readOnly), "running as a user who may write anyway");
    try {
      assertThatThrownBy(() -> open(Fixtures.options(readOnly, ReportFormat.JSON), 5, 64))
          .isInstanceOf(EnvironmentException.class)
          .hasMessage("cannot write reports to '" + readOnly + "': Permission denied");
    } finally {
      readOnly.toFile().setWritable(true, false);
    }
  }

  @Test
  void refusesResourcesAfterFinishAndASecondFinish() {
    ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 5, 64);
    pipeline.finish(Fixtures.scanInfo(true), List.of());
    CheckedResource late = resources(1).get(0);

    assertThatThrownBy(() -> pipeline.accept(late)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> pipeline.finish(Fixtures.scanInfo(true), List.of()))
        .isInstanceOf(IllegalStateException.class);
    pipeline.close();
  }

  @Test
  void refusesToFinishAfterClose() throws IOException {
    ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.JSON), 5, 64);
    pipeline.close();

    assertThatThrownBy(() -> pipeline.finish(Fixtures.scanInfo(true), List.of()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void showsTheWorstResourcesFirstInTheTableCappedAtTheLimit() {
    ReportOptions options =
        new ReportOptions(EnumSet.of(ReportFormat.TABLE), null, null, Severity.ERROR, 2, false);
    try (ReportPipeline pipeline = open(options, 5, 64)) {
      pipeline.accept(
          checked(
              "111111111111",
              "eu-west-1",
              "i-info",
              Map.of(),
              finding(RuleId.UNDECLARED_KEY, Severity.INFO, "x")));
      pipeline.accept(
          checked(
              "111111111111",
              "eu-west-1",
              "i-warning",
              Map.of(),
              finding(RuleId.KEY_ALIAS, Severity.WARNING, "x")));
      pipeline.accept(
          checked(
              "111111111111",
              "eu-west-1",
              "i-error",
              Map.of(),
              finding(RuleId.EMPTY_VALUE, Severity.ERROR, "x")));
      pipeline.accept(
          checked(
              "111111111111",
              "eu-west-1",
              "i-errors",
              Map.of(),
              finding(RuleId.EMPTY_VALUE, Severity.ERROR, "x"),
              finding(RuleId.KEY_ALIAS, Severity.WARNING, "y")));
      pipeline.accept(checked("111111111111", "eu-west-1", "i-clean", Map.of(OWNER, "x")));
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    String table = stdout.toString();
    assertThat(table.indexOf("instance/i-errors"))
        .isPositive()
        .isLessThan(table.indexOf("instance/i-error\n"));
    assertThat(table)
        .doesNotContain("i-warning", "i-info", "i-clean")
        .contains("…and 2 more resources with findings");
  }

  @Test
  void neverLetsAnEscapeSequenceReachTheTerminal() {
    ReportOptions options =
        new ReportOptions(EnumSet.of(ReportFormat.TABLE), null, null, Severity.ERROR, 5, true);
    try (ReportPipeline pipeline = open(options, 5, 64)) {
      pipeline.accept(
          checked(
              "111111111111",
              "eu-west-1",
              "i-\u001b]0;owned\u0007",
              Map.of(),
              new io.tagscan.model.Finding(
                  RuleId.VALUE_NOT_ALLOWED,
                  Severity.ERROR,
                  "k\u001b[2J",
                  "\u001b[31mred\u009b1m",
                  null,
                  "fix\u202e",
                  "m")));
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    String table = stdout.toString();
    String withoutOurColours = table.replaceAll("\u001b\\[[0-9;]*m", "");
    assertThat(withoutOurColours)
        .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e")
        .contains("\\u001B[31mred\\u009B1m", "k\\u001B[2J", "fix\\u202E");
  }

  @Test
  void spillsRunsToTheOutputDirectoryAndDeletesThemAfterwards() throws IOException {
    try (ReportPipeline pipeline = open(Fixtures.options(dir, ReportFormat.CSV), 10, 64)) {
      resources(55).forEach(pipeline::accept);
      assertThat(filesIn(dir))
          .filteredOn(name -> name.startsWith(".tagscan-" + PID + "-tagscan-run."))
          .hasSize(5);
      pipeline.finish(Fixtures.scanInfo(true), List.of());
    }

    assertThat(filesIn(dir)).containsExactly("tagscan-findings.csv");
    assertThat(Files.readString(dir.resolve("tagscan-findings.csv"), StandardCharsets.UTF_8))
        .startsWith("accountId,accountName,region,arn,");
  }

  @Test
  void neverCallsAnIncompleteScanPassed() throws IOException {
    ReportOptions options =
        new ReportOptions(
            EnumSet.of(ReportFormat.TABLE, ReportFormat.MARKDOWN),
            dir,
            null,
            Severity.ERROR,
            5,
            false);
    try (ReportPipeline pipeline = open(options, 5, 64)) {
      pipeline.accept(checked("111111111111", "eu-west-1", "i-1", Map.of(OWNER, "x")));
      pipeline.finish(
          Fixtures.scanInfo(false),
          List.of(
              new io.tagscan.model.ScanError(
                  "222222222222", "", "AssumeRole", "AccessDenied", "denied")));
    }

    assertThat(stdout.toString())
        .doesNotContain("PASSED")
        .contains("INCOMPLETE: no errors on the 1 resource read; 1 part could not be read")
        .contains("222222222222  -  AssumeRole  AccessDenied  denied");
    assertThat(Files.readString(dir.resolve("tagscan-summary.md")))
        .doesNotContain("Passed")
        .contains("⚠️ **Incomplete:** no errors on the 1 resource read; 1 part could not be read.")
        .contains("| 222222222222 | – | AssumeRole | AccessDenied | denied |");
  }
}
