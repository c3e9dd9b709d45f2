package io.tagscan.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.inventory.InventoryReader;
import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.report.CsvLayout;
import io.tagscan.report.ReportFormat;
import io.tagscan.report.ReportOptions;
import io.tagscan.rules.RuleEngine;
import io.tagscan.scan.ScanOutcome;
import io.tagscan.scan.ScanRequest;
import io.tagscan.scan.ScanService;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The offline benchmark: generates an inventory of N resources with about eight tags each (once;
 * it is kept under target/bench/), then measures in one run, alternating rounds: merely
 * stream-parsing the file with Jackson (the baseline), reading and checking every resource against
 * the root dictionary, and the whole scan with JSON and CSV reports. It prints seconds, resources a
 * second, the ratio to the baseline, the peak heap and the process's CPU time of each. Run it with a
 * 512 MB heap; see the README for the command.
 */
public final class OfflineCheckBenchmark {

  private static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"};
  private static final String[] TYPES = {
    "ec2:instance/i-", "ec2:volume/vol-", "sagemaker:endpoint/ep-", "sagemaker:training-job/job-",
    "rds:db:db-", "lambda:function:fn-", "sagemaker:model/m-", "logs:log-group:/app/"
  };

  private OfflineCheckBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Path inventory = dir.resolve("inventory-" + count + "-cli.json");
    if (!Files.exists(inventory)) {
      long start = System.nanoTime();
      generate(inventory, count);
      System.out.printf("generated %s (%,d resources) in %.1f s%n", inventory, count, seconds(start));
    }
    System.out.printf(
        "file: %s, %,d MB; heap max %,d MB; %d cores; Java %s%n",
        inventory,
        Files.size(inventory) >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    Path dictionaryFile = Path.of("tag-dictionary.yaml");
    Dictionary dictionary = DictionaryLoader.load(dictionaryFile);

    String[] names = {
      "parse-only (Jackson)",
      "read into resources",
      "read + check, one thread",
      "scan: check + summary",
      "scan + JSON and CSV files"
    };
    Phase[] phases = {
      () -> parseOnly(inventory),
      () -> readOnly(inventory),
      () -> readAndCheck(inventory, dictionary),
      () -> scan(inventory, dictionaryFile, dir, EnumSet.of(ReportFormat.TABLE), null),
      () ->
          scan(
              inventory,
              dictionaryFile,
              dir,
              EnumSet.of(ReportFormat.JSON, ReportFormat.CSV),
              dir.resolve("reports"))
    };
    double[][] seconds = new double[phases.length][rounds + 1];
    double[][] cpu = new double[phases.length][rounds + 1];
    long[] peak = new long[phases.length];
    for (int round = 0; round <= rounds; round++) {
      StringBuilder line = new StringBuilder("round " + round + (round == 0 ? " (warm-up)" : "") + ":");
      for (int phase = 0; phase < phases.length; phase++) {
        long cpuBefore = processCpuNanos();
        seconds[phase][round] = measure(phases[phase], peak, phase);
        cpu[phase][round] = (processCpuNanos() - cpuBefore) / 1e9;
        line.append(String.format(" %.2f s (cpu %.2f)", seconds[phase][round], cpu[phase][round]));
      }
      System.out.println(line);
    }
    double baseline = best(seconds[0]);
    System.out.println();
    double medianBaseline = median(seconds[0]);
    double medianCpuBaseline = median(cpu[0]);
    System.out.printf(
        "%-28s %8s %14s %9s %9s %9s %12s %9s %9s%n",
        "",
        "best s",
        "resources/s",
        "× parse",
        "median s",
        "× parse",
        "peak heap",
        "cpu s",
        "× parse");
    for (int phase = 0; phase < phases.length; phase++) {
      double best = best(seconds[phase]);
      double median = median(seconds[phase]);
      double medianCpu = median(cpu[phase]);
      System.out.printf(
          "%-28s %8.2f %,14.0f %8.2f× %9.2f %8.2f× %9d MB %9.2f %8.2f×%n",
          names[phase],
          best,
          count / best,
          best / baseline,
          median,
          median / medianBaseline,
          peak[phase] >> 20,
          medianCpu,
          medianCpu / medianCpuBaseline);
    }
    System.out.println("cpu s: the median of the process's CPU time (user + system, every thread).");
  }

  private interface Phase {
    long run() throws Exception;
  }

  /**
   * Runs one phase and returns its seconds; meanwhile a sampler reads the heap in use every
   * millisecond, and the highest reading is the phase's peak heap.
   */
  private static double measure(Phase phase, long[] peak, int slot) throws Exception {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong highest = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                highest.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(1_000_000);
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    long result = phase.run();
    double elapsed = seconds(start);
    running.set(false);
    sampler.join();
    peak[slot] = Math.max(peak[slot], highest.get());
    if (result < 0) {
      throw new IllegalStateException("phase produced nothing");
    }
    return elapsed;
  }

  /** The baseline: every token of the file, with each string materialised as a reader must. */
  private static long parseOnly(Path inventory) throws IOException {
    long strings = 0;
    try (InputStream in = Files.newInputStream(inventory);
        JsonParser parser = new JsonFactory().createParser(in)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          strings += parser.getText().length();
        }
      }
    }
    return strings;
  }

  /** Reading into resources and nothing more. */
  private static long readOnly(Path inventory) {
    AtomicLong tags = new AtomicLong();
    InventoryReader.read(List.of(inventory), resource -> tags.addAndGet(resource.tags().size()));
    return tags.get();
  }

  /** Reading into resources and running every rule on each on the same thread. */
  private static long readAndCheck(Path inventory, Dictionary dictionary) {
    RuleEngine engine = new RuleEngine(dictionary, List.of(), LocalDate.of(2026, 11, 28));
    AtomicLong findings = new AtomicLong();
    ScanListener listener =
        new ScanListener() {
          @Override
          public void resource(Resource resource) {
            List<Finding> found = engine.check(resource);
            if (!found.isEmpty()) {
              findings.addAndGet(found.size());
            }
          }
        };
    InventoryReader.read(List.of(inventory), listener);
    return findings.get();
  }

  /**
   * The scan as the command runs it: parsing on one thread, checking on others, the summary, and
   * the given reports (the terminal table alone writes no file).
   */
  private static long scan(
      Path inventory, Path dictionary, Path dir, EnumSet<ReportFormat> formats, Path out)
      throws Exception {
    ReportOptions report = new ReportOptions(formats, out, CsvLayout.FINDINGS, null, 50, false);
    ScanRequest request =
        new ScanRequest(
            dictionary, null, List.of(inventory), null, report, null, Clock.systemUTC());
    ScanOutcome outcome = ScanService.run(request, new PrintWriter(Writer.nullWriter()), null);
    return outcome.summary().resources();
  }

  /** CPU time of the whole process so far, every thread (user and system). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double best(double[] rounds) {
    double best = Double.MAX_VALUE;
    for (int i = 1; i < rounds.length; i++) {
      best = Math.min(best, rounds[i]);
    }
    return best;
  }

  /** The median of the measured rounds (round 0 is warm-up). */
  private static double median(double[] rounds) {
    double[] measured = java.util.Arrays.copyOfRange(rounds, 1, rounds.length);
    java.util.Arrays.sort(measured);
    int mid = measured.length / 2;
    return measured.length % 2 == 1 ? measured[mid] : (measured[mid - 1] + measured[mid]) / 2;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Writes get-resources output: mostly compliant resources, with the usual mistakes mixed in. */
  static void generate(Path file, int count) throws IOException {
    Random random = new Random(42);
    String[] environments = {"dev", "test", "production"};
    String[] units = {"Finance", "Retail", "Sales", "DevOps", "Shared"};
    try (JsonGenerator json =
        new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      // Laid out as the AWS CLI prints it: four-space indents, "key": value.
      DefaultIndenter indent = new DefaultIndenter("    ", "\n");
      json.setPrettyPrinter(
          new DefaultPrettyPrinter()
              .withObjectIndenter(indent)
              .withArrayIndenter(indent)
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
      json.writeStartObject();
      json.writeArrayFieldStart("ResourceTagMappingList");
      for (int i = 0; i < count; i++) {
        String account = String.format("%012d", 100000000000L + random.nextInt(50));
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String type = TYPES[random.nextInt(TYPES.length)];
        int split = type.indexOf(':');
        String arn =
            "arn:aws:" + type.substring(0, split) + ":" + region + ":" + account + ":"
                + type.substring(split + 1) + Integer.toHexString(i);
        json.writeStartObject();
        json.writeStringField("ResourceARN", arn);
        json.writeArrayFieldStart("Tags");
        int mistake = random.nextInt(10);
        tag(json, mistake == 1 ? "Environment" : "anycompany:workload:environment",
            mistake == 2 ? "Production" : environments[random.nextInt(3)]);
        tag(json, "anycompany:workload:application-id", "app-" + random.nextInt(200));
        tag(json, "anycompany:finance:owner", "team-" + random.nextInt(40));
        tag(json, "anycompany:finance:business-unit", units[random.nextInt(units.length)]);
        if (mistake != 3) {
          tag(json, mistake == 4 ? "CostCenter" : "anycompany:finance:cost-center",
              mistake == 5 ? "cc-" + random.nextInt(9999) : Integer.toString(1000 + random.nextInt(9000)));
        }
        tag(json, "anycompany:security:data-classification", "internal");
        tag(json, "anycompany:workload:name", "resource-" + i);
        tag(json, mistake == 6 ? "Team" : "anycompany:workload:version", "1." + random.nextInt(20));
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void tag(JsonGenerator json, String key, String value) throws IOException {
    json.writeStartObject();
    json.writeStringField("Key", key);
    json.writeStringField("Value", value);
    json.writeEndObject();
  }
}
