package io.tagscan.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.inventory.aws.AwsOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measures live scans against a fake AWS on loopback ({@link LiveFakeAws}) that adds a fixed
 * latency to every call, running tagscan's command line as a JVM of its own so that its wall time,
 * CPU time (user + sys) and peak heap are tagscan's alone, the fake's excluded.
 *
 * <p>For each case it prints the calls made, the lower bound {@code max(critical path, work ×
 * latency ÷ concurrency)} and the ratios: wall ÷ lower bound and CPU ÷ calls. The critical path is
 * the longest chain of calls that must follow each other: entering an account (AssumeRole, its
 * Organizations lookups beside it), then each page of one account × region in turn (a page's token
 * comes from the page before), and with SageMaker the domains before the pages and the rounds of
 * its other calls after them (eight at once). The work is the larger of the calls made outside
 * SageMaker's own pool, each holding a pair's slot, and the slot time every pair needs for its
 * chain (without SageMaker the first is the issue's "calls"). With {@code bench.offline} (on unless
 * {@code false}) it also checks and reports the same resources offline from a snapshot, to tell the
 * CPU the calls cost from the CPU the resources cost.
 *
 * <p>Cases, sizes and settings come from system properties, so that a quick small run is possible:
 *
 * <ul>
 *   <li>{@code bench.cases}: any of {@code scan} (accounts × regions × resources, {@code
 *       --no-sagemaker}), {@code sagemaker} (the same with SageMaker on), {@code org} (an
 *       organization with a few resources a pair), {@code org-rex} (the same organization through
 *       one Resource Explorer view, {@code --source resource-explorer}); default the first three.
 *       The per-pair cases pass {@code --source tagging-api}.
 *   <li>{@code bench.accounts} (200), {@code bench.regions} (4), {@code bench.resources} (200 a
 *       pair): the {@code scan} and {@code sagemaker} cases.
 *   <li>{@code bench.org.accounts} (1000), {@code bench.org.regions} (17), {@code
 *       bench.org.resources} (5): the {@code org} case.
 *   <li>{@code bench.javaopts}: more JVM options for tagscan, after the launcher's; {@code
 *       bench.format}: the report formats (json, whose figures are checked, by default).
 *   <li>{@code bench.latency} (50 ms), {@code bench.concurrency} (tagscan's default; a comma list
 *       runs each), {@code bench.runs} (1 a case), {@code bench.jvm} (run {@code java} with these
 *       options on this class path rather than {@code ./tagscan}, the launcher), {@code bench.jfr} (a directory: record each run with JFR there).
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java@live-scan -Dbench.cases=scan}.
 */
public final class LiveScanBenchmark {

  private static final double TARGET = 1.25;
  // SageMakerDiscovery.CALLS_PER_PAIR: SageMaker calls one account × region makes at once.
  private static final int SAGEMAKER_CALLS_PER_PAIR = 8;
  private static final List<String> REGIONS =
      List.of(
          "us-east-1",
          "eu-west-1",
          "eu-central-1",
          "ap-southeast-2",
          "us-east-2",
          "us-west-1",
          "us-west-2",
          "eu-west-2",
          "eu-west-3",
          "eu-north-1",
          "ap-southeast-1",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ca-central-1",
          "sa-east-1");
  private static final Pattern GC_BEFORE = Pattern.compile("\\) (\\d+)M->(\\d+)M\\(");
  private static final Pattern USED_K = Pattern.compile("used (\\d+)K");

  private LiveScanBenchmark() {}

  /** One case: its shape and whether SageMaker is listed. */
  record Case(
      String name, int accounts, int regions, int resources, boolean sagemaker, boolean explorer) {}

  /** What one run of tagscan cost. */
  record Run(
      long wallMillis,
      double cpuSeconds,
      double userSeconds,
      double sysSeconds,
      long peakHeapMb,
      long liveHeapMb,
      long rssMb,
      Map<String, Long> calls,
      String byThread) {
    long totalCalls() {
      return calls.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public static void main(String[] args) throws Exception {
    List<Case> cases = new ArrayList<>();
    for (String name : property("bench.cases", "scan,sagemaker,org").split(",")) {
      switch (name.trim()) {
        case "scan" -> cases.add(shape("scan", "bench", false));
        case "sagemaker" -> cases.add(shape("sagemaker", "bench", true));
        case "org" -> cases.add(shape("org", "bench.org", false));
        case "org-rex" -> cases.add(shape("org-rex", "bench.org", false));
        default -> throw new IllegalArgumentException("unknown case " + name);
      }
    }
    int latency = Integer.parseInt(property("bench.latency", "50"));
    int runs = Integer.parseInt(property("bench.runs", "1"));
    List<Integer> concurrencies =
        Arrays.stream(
                property("bench.concurrency", Integer.toString(AwsOptions.DEFAULT_CONCURRENCY))
                    .split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    Path work = Files.createTempDirectory("tagscan-live-bench");
    if (System.getProperty("bench.jvm") == null) {
      requireFreshJar();
      // Makes the launcher's class-data-sharing archive if it is missing, untimed.
      Process warm =
          new ProcessBuilder(Paths.get("tagscan").toAbsolutePath().toString(), "--version")
              .inheritIO()
              .start();
      if (warm.waitFor() != 0) {
        throw new IllegalStateException("./tagscan --version failed");
      }
    }
    LiveFakeAws fake = new LiveFakeAws();
    URI endpoint = fake.start(latency);
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "live scan benchmark: %d ms added to every call; tagscan runs as its own JVM (%s);"
            + " %d cores%n",
        latency,
        property("bench.jvm", "./tagscan, the launcher"),
        Runtime.getRuntime().availableProcessors());
    try {
      for (Case scenario : cases) {
        double offline = Double.NaN;
        if (!"false".equals(property("bench.offline", "true"))) {
          // An untimed live scan saves what it read; the same resources checked and reported
          // offline, in the same JVM settings, is the CPU a scan spends that calls do not cause.
          Path snapshot = work.resolve(scenario.name() + "-inventory.json");
          run(scenario, concurrencies.get(0), endpoint, fake, work, snapshot);
          offline = offlineCpuSeconds(scenario, snapshot, work);
          Files.delete(snapshot);
        }
        for (int concurrency : concurrencies) {
          for (int i = 0; i < runs; i++) {
            Run run = run(scenario, concurrency, endpoint, fake, work, null);
            print(out, scenario, concurrency, latency, run, offline);
          }
        }
      }
    } finally {
      fake.shutdown();
    }
  }

  /**
   * The launcher rebuilds a stale jar, and that build would remove this benchmark's classes (they
   * are compiled only with {@code -Pbench}): the jar must be current before the benchmark starts.
   */
  private static void requireFreshJar() throws IOException {
    Path jar = Paths.get("target", "tagscan.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("no target/tagscan.jar: run ./tagscan --version first");
    }
    java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
    for (String source : List.of("pom.xml", "src/main", "schema")) {
      try (var paths = Files.walk(Paths.get(source))) {
        if (paths.anyMatch(path -> newer(path, built))) {
          throw new IllegalStateException(
              "target/tagscan.jar is older than the sources: run ./tagscan --version first");
        }
      }
    }
  }

  private static boolean newer(Path path, java.nio.file.attribute.FileTime than) {
    try {
      return Files.getLastModifiedTime(path).compareTo(than) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static Case shape(String name, String prefix, boolean sagemaker) {
    boolean org = prefix.equals("bench.org");
    int accounts = Integer.parseInt(property(prefix + ".accounts", org ? "1000" : "200"));
    int regions = Integer.parseInt(property(prefix + ".regions", org ? "17" : "4"));
    int resources = Integer.parseInt(property(prefix + ".resources", org ? "5" : "200"));
    if (regions < 1 || regions > REGIONS.size()) {
      throw new IllegalArgumentException("regions must be 1 to " + REGIONS.size());
    }
    return new Case(name, accounts, regions, resources, sagemaker, name.endsWith("-rex"));
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Run run(
      Case scenario, int concurrency, URI endpoint, LiveFakeAws fake, Path work, Path snapshot)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(work, scenario.name());
    Path accounts = dir.resolve("accounts.txt");
    List<String> ids = new ArrayList<>();
    for (int a = 0; a < scenario.accounts(); a++) {
      ids.add(String.format(Locale.ROOT, "%012d", 210_000_000_000L + a));
    }
    Files.write(accounts, ids, StandardCharsets.UTF_8);
    Path reports = dir.resolve("reports");
    Path times = dir.resolve("times.txt");
    Path gc = dir.resolve("gc.log");
    List<String> command = new ArrayList<>();
    command.addAll(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString()));
    List<String> jvm = new ArrayList<>();
    String extra = System.getProperty("bench.javaopts");
    if (extra != null && !extra.isBlank()) {
      jvm.addAll(Arrays.asList(extra.trim().split("\\s+")));
    }
    jvm.add("-Xlog:gc,gc+heap+exit:file=" + gc);
    String jfr = System.getProperty("bench.jfr");
    if (jfr != null) {
      jvm.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + Paths.get(jfr, scenario.name() + "-c" + concurrency + ".jfr").toAbsolutePath());
    }
    String jvmOptions = System.getProperty("bench.jvm");
    if (jvmOptions == null) {
      // The launcher, as a user runs it: its JVM options and its class-data-sharing archive.
      command.add(Paths.get("tagscan").toAbsolutePath().toString());
    } else {
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
      command.addAll(jvm);
      jvm.clear();
      command.addAll(List.of("-cp", classPath(), "io.tagscan.cli.Main"));
    }
    command.add("scan");
    command.addAll(List.of("--dictionary", Paths.get("tag-dictionary.yaml").toString()));
    command.addAll(List.of("--region", "us-east-1", "--endpoint-url", endpoint.toString()));
    command.addAll(
        List.of("--regions", String.join(",", REGIONS.subList(0, scenario.regions()))));
    if (scenario.explorer()) {
      // One view from the caller's own account: no accounts file, no role.
      command.addAll(List.of("--source", "resource-explorer"));
    } else {
      command.addAll(List.of("--accounts-file", accounts.toString(), "--role-name", "TagAuditor"));
      command.addAll(List.of("--source", "tagging-api"));
    }
    command.addAll(List.of("--concurrency", Integer.toString(concurrency)));
    if (!scenario.sagemaker()) {
      command.add("--no-sagemaker");
    }
    String format = property("bench.format", "json");
    command.addAll(List.of("--format", format, "-o", reports.toString()));
    command.addAll(List.of("--fail-on", "never", "--quiet", "--no-progress"));
    if (snapshot != null) {
      command.addAll(List.of("--save-inventory", snapshot.toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK");
    env.put("AWS_SECRET_ACCESS_KEY", "bench-secret");
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("TAGSCAN_JAVA_OPTS", String.join(" ", jvm));
    builder.redirectOutput(dir.resolve("stdout.txt").toFile());
    builder.redirectError(dir.resolve("stderr.txt").toFile());
    fake.reset(scenario.resources());
    fake.organization(scenario.accounts(), REGIONS.subList(0, scenario.regions()));
    long start = System.nanoTime();
    Process process = builder.start();
    ThreadCpu threads = new ThreadCpu();
    while (!process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.children().findFirst().ifPresent(java -> threads.sample(java.pid()));
    }
    int exit = process.exitValue();
    long wall = (System.nanoTime() - start) / 1_000_000;
    String byThread = threads.summary();
    Map<String, Long> calls = fake.calls();
    if (exit != 0) {
      throw new IllegalStateException(
          "tagscan exited "
              + exit
              + ": "
              + Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }
    if (format.contains("json")) {
      check(scenario, reports.resolve("tagscan-report.json"), calls, fake.explorerPages());
    }
    // Otherwise exit status 0 under --fail-on never says the scan was complete.
    String[] measured = lastTimes(times);
    double user = Double.parseDouble(measured[1]);
    double sys = Double.parseDouble(measured[2]);
    long rss = Long.parseLong(measured[3]) / 1024;
    long[] heap = heapMb(gc);
    Run run = new Run(wall, user + sys, user, sys, heap[0], heap[1], rss, calls, byThread);
    deleteTree(dir);
    return run;
  }

  /**
   * The CPU (user + sys) of checking and reporting a live scan's resources again from its snapshot,
   * through the launcher with the JVM settings of a live scan (the quick compiler alone), so that
   * the difference from the live run is what the AWS calls cost: clients, signing, HTTP and
   * unmarshalling.
   */
  private static double offlineCpuSeconds(Case scenario, Path snapshot, Path work)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(work, scenario.name() + "-offline");
    Path times = dir.resolve("times.txt");
    List<String> command =
        new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString()));
    command.add(Paths.get("tagscan").toAbsolutePath().toString());
    command.addAll(List.of("scan", "--inventory", snapshot.toString()));
    command.addAll(List.of("--dictionary", Paths.get("tag-dictionary.yaml").toString()));
    command.addAll(List.of("--format", property("bench.format", "json")));
    command.addAll(List.of("-o", dir.resolve("reports").toString()));
    command.addAll(List.of("--fail-on", "never", "--quiet", "--no-progress"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TAGSCAN_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
    builder.redirectOutput(dir.resolve("stdout.txt").toFile());
    builder.redirectError(dir.resolve("stderr.txt").toFile());
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "the offline scan exited "
              + exit
              + ": "
              + Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }
    String[] measured = lastTimes(times);
    double cpu = Double.parseDouble(measured[1]) + Double.parseDouble(measured[2]);
    deleteTree(dir);
    return cpu;
  }

  /** The figures {@code /usr/bin/time -f "%e %U %S %M"} wrote: wall, user, sys, max RSS (KB). */
  private static String[] lastTimes(Path times) throws IOException {
    return Files.readAllLines(times, StandardCharsets.UTF_8).stream()
        .filter(line -> line.matches("[0-9. ]+"))
        .reduce((a, b) -> b)
        .orElseThrow()
        .trim()
        .split(" ");
  }

  /** The report must hold every resource served, the scan complete. */
  private static void check(
      Case scenario, Path report, Map<String, Long> calls, long explorerPages) throws IOException {
    JsonNode scan = null;
    JsonNode summary = null;
    ObjectMapper mapper = new ObjectMapper();
    try (JsonParser parser = new JsonFactory(mapper).createParser(report.toFile())) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("scan")) {
          scan = parser.readValueAsTree();
        } else if (field.equals("summary")) {
          summary = parser.readValueAsTree();
        } else {
          parser.skipChildren();
        }
      }
    }
    long expected =
        (long) scenario.accounts() * scenario.regions() * scenario.resources()
            + scenario.accounts();
    long pages =
        (long) scenario.accounts() * scenario.regions() * LiveFakeAws.pages(scenario.resources());
    String paged = "GetResources";
    if (scenario.explorer()) {
      // Resource Explorer alone lists the accounts and their tags through Organizations too.
      pages = explorerPages;
      paged = "ListResources";
    }
    if (scan == null
        || summary == null
        || !scan.path("complete").asBoolean()
        || summary.path("resources").asLong() != expected
        || calls.getOrDefault(paged, 0L) != pages) {
      throw new IllegalStateException(
          "the scan did not read the case whole: scan "
              + scan
              + ", resources "
              + (summary == null ? null : summary.path("resources"))
              + " of "
              + expected
              + ", calls "
              + calls);
    }
  }

  /**
   * The most heap in use, its highest point before a collection or at exit (between collections
   * the heap in use only grows, so these are its peaks), and the most still in use after a
   * collection (what the scan holds).
   */
  private static long[] heapMb(Path gcLog) throws IOException {
    long peak = 0;
    long live = 0;
    long atExit = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher before = GC_BEFORE.matcher(line);
      if (before.find()) {
        peak = Math.max(peak, Long.parseLong(before.group(1)));
        live = Math.max(live, Long.parseLong(before.group(2)));
      } else if (line.contains("gc,heap,exit")
          && (line.contains("PSYoungGen") || line.contains("ParOldGen") || line.contains(" garbage-first heap"))) {
        Matcher used = USED_K.matcher(line);
        if (used.find()) {
          atExit += Long.parseLong(used.group(1)) / 1024;
        }
      }
    }
    return new long[] {Math.max(peak, atExit), live};
  }

  private static void print(
      PrintStream out, Case scenario, int concurrency, int latency, Run run, double offline) {
    Map<String, Long> calls = run.calls();
    long total = run.totalCalls();
    long pagesPerPair = LiveFakeAws.pages(scenario.resources());
    // A call before any account starts (GetCallerIdentity), if the scan makes one, is on the path.
    long prefix = calls.getOrDefault("GetCallerIdentity", 0L) > 0 ? 1 : 0;
    // SageMaker's calls: its listings, searches and ListTags (Organizations' ListTagsForResource
    // is not one of them).
    long sagemakerCalls =
        calls.entrySet().stream()
            .filter(e -> e.getKey().equals("Search") || e.getKey().startsWith("List"))
            .filter(e -> !e.getKey().equals("ListTagsForResource"))
            .filter(e -> !e.getKey().equals("ListAccounts"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long pairs = (long) scenario.accounts() * scenario.regions();
    // A pair holds one of the concurrency's slots for its whole chain: its domains, its pages one
    // after another, then its other SageMaker calls, up to SAGEMAKER_CALLS_PER_PAIR at once.
    long listingRounds =
        scenario.sagemaker()
            ? (long) Math.ceil((double) (sagemakerCalls / pairs - 1) / SAGEMAKER_CALLS_PER_PAIR)
            : 0;
    long pairChain = pagesPerPair + (scenario.sagemaker() ? 1 + listingRounds : 0);
    long chain = prefix + 1 + pairChain;
    long assumeRoles = calls.getOrDefault("AssumeRole", 0L);
    long workBound =
        (long)
            Math.ceil(
                Math.max(
                    (double) (total - sagemakerCalls) * latency / concurrency,
                    (double) (assumeRoles + pairs * pairChain) * latency / concurrency));
    if (scenario.explorer()) {
      // GetDefaultView, GetView, then each page's token from the page before: one chain.
      chain = total;
      workBound = total * latency;
    }
    long critical = chain * latency;
    long lower = Math.max(critical, workBound);
    double cpuPerCall = run.cpuSeconds() * 1000 / total;
    out.printf(
        Locale.ROOT,
        "%n%s: %d accounts x %d regions x %d resources, %s, concurrency %d%n",
        scenario.name(),
        scenario.accounts(),
        scenario.regions(),
        scenario.resources(),
        scenario.explorer()
            ? "--source resource-explorer (one view)"
            : scenario.sagemaker() ? "SageMaker on (empty listings)" : "--no-sagemaker",
        concurrency);
    out.printf(
        Locale.ROOT,
        "  calls        %,d (%s)%n",
        total,
        calls.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    out.printf(
        Locale.ROOT,
        "  lower bound  %,d ms = max(critical path %d calls x %d ms = %,d ms, work x latency /"
            + " concurrency = %,d ms)%n",
        lower,
        chain,
        latency,
        critical,
        workBound);
    out.printf(
        Locale.ROOT,
        "  wall         %,d ms = %.2fx the lower bound (target <= %.2fx: %s)%n",
        run.wallMillis(),
        (double) run.wallMillis() / lower,
        TARGET,
        run.wallMillis() <= TARGET * lower ? "met" : "MISSED");
    out.printf(
        Locale.ROOT,
        "  CPU          %.2f s (user %.2f + sys %.2f) = %.2f ms a call (target <= 1 ms: %s);"
            + " %.2f cores busy%n",
        run.cpuSeconds(),
        run.userSeconds(),
        run.sysSeconds(),
        cpuPerCall,
        cpuPerCall <= 1.0 ? "met" : "MISSED",
        run.cpuSeconds() * 1000 / run.wallMillis());
    out.printf(
        Locale.ROOT,
        "  memory       peak heap %d MB (target <= 512 MB: %s), at most %d MB left after a"
            + " collection, peak RSS %d MB%n",
        run.peakHeapMb(),
        run.peakHeapMb() <= 512 ? "met" : "MISSED",
        run.liveHeapMb(),
        run.rssMb());
    if (!Double.isNaN(offline)) {
      double calling = run.cpuSeconds() - offline;
      out.printf(
          Locale.ROOT,
          "  of the CPU   %.2f s checking and reporting the same resources offline (same JVM);"
              + " the calls %.2f s = %.2f ms a call%n",
          offline,
          calling,
          calling * 1000 / total);
    }
    if (Boolean.getBoolean("bench.threads")) {
      out.println("  CPU by thread (sampled every 200 ms): " + run.byThread());
    }
  }

  /** The class path this benchmark runs with: tagscan's classes and its dependencies. */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    while (loader != null) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          try {
            entries.add(Paths.get(url.toURI()).toString());
          } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      loader = loader.getParent();
    }
    if (entries.isEmpty()) {
      return System.getProperty("java.class.path");
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The CPU time of each thread of a running process, grouped by thread name, from /proc. */
  static final class ThreadCpu {
    private final Map<String, Long> ticksByThread = new java.util.HashMap<>();
    private final Map<String, String> nameByThread = new java.util.HashMap<>();

    void sample(long pid) {
      Path tasks = Paths.get("/proc", Long.toString(pid), "task");
      try (var dirs = Files.list(tasks)) {
        for (Path task : dirs.toList()) {
          try {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            String tid = task.getFileName().toString();
            ticksByThread.put(tid, ticks);
            nameByThread.put(tid, name.replaceAll("\\d+", "N"));
          } catch (IOException | RuntimeException gone) {
            // The thread ended between the listing and the read: its last sample stands.
          }
        }
      } catch (IOException gone) {
        // The process ended.
      }
    }

    String summary() {
      Map<String, Long> byName = new java.util.TreeMap<>();
      ticksByThread.forEach((tid, ticks) -> byName.merge(nameByThread.get(tid), ticks, Long::sum));
      return byName.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(12)
          .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 100.0))
          .collect(Collectors.joining(", "));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
