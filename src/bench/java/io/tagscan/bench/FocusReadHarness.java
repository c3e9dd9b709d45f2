package io.tagscan.bench;

import io.tagscan.billing.CostMetric;
import io.tagscan.billing.FocusCosts;
import io.tagscan.cost.FocusSpend;
import io.tagscan.cost.FocusSplit;
import io.tagscan.cost.SpendJudge;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.rules.RuleEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Shows that reading a FOCUS export keeps memory flat: writes a gzipped export of ROWS rows over
 * IDS distinct resources (streamed, never in memory), then sums it under whatever {@code -Xmx} the
 * JVM was given and prints rows, bytes, wall and CPU time and the peak heap after GC. With a third
 * argument {@code split} it judges the export's own tags instead, as {@code tagscan cost --focus}
 * does ({@link FocusSplit}), for a cost-center key with 10,000 distinct values; a fourth argument
 * {@code unique} gives every row a value of its own (hostile data: resource ids in the tag), which
 * the judge folds past its limit.
 *
 * <p>{@code java -Xmx64m -cp … io.tagscan.bench.FocusReadHarness 20000000 100000 [split [unique]]}
 */
public final class FocusReadHarness {

  private FocusReadHarness() {}

  public static void main(String[] args) throws IOException {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
    int ids = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path file = Files.createTempFile("focus-harness", ".csv.gz");
    try {
      long raw = write(file, rows, ids, args.length > 3 && args[3].equals("unique"));
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      boolean split = args.length > 2 && args[2].equals("split");
      Object result =
          split ? split(file) : FocusCosts.read(List.of(file), CostMetric.BILLED_COST);
      long held =
          split
              ? ((FocusSpend) result).keys().get(0).rows().size()
              : ((FocusCosts) result).resources();
      long wall = System.nanoTime() - wall0;
      long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
      // What the result holds: the heap in use after a full collection, the result still reachable.
      System.gc();
      long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          peak += pool.getCollectionUsage().getUsed();
        }
      }
      System.err.printf(
          "rows=%d csvBytes=%d gzBytes=%d %s=%d wall=%.1fs cpu=%.1fs"
              + " heapAfterGc=%dMB liveAfterFullGc=%.1fMB maxHeap=%dMB held=%s%n",
          rows,
          raw,
          Files.size(file),
          split ? "sums" : "resources",
          held,
          wall / 1e9,
          cpu / 1e9,
          peak >> 20,
          live / 1048576.0,
          Runtime.getRuntime().maxMemory() >> 20,
          result.getClass().getSimpleName());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static FocusSpend split(Path file) {
    RuleEngine engine =
        new RuleEngine(
            DictionaryLoader.parse(
                "harness.yaml",
                "version: 1\nprefix: anycompany\ntags:\n"
                    + "  - key: anycompany:finance:cost-center\n"
                    + "    cost-allocation: true\n"
                    + "    mandatory: true\n"
                    + "    values: { pattern: '^[0-9]{4}$' }\n"),
            List.of(),
            LocalDate.parse("2026-12-01"));
    return FocusSplit.read(
        List.of(file),
        CostMetric.BILLED_COST,
        List.of("anycompany:finance:cost-center"),
        new SpendJudge(engine));
  }

  private static long write(Path file, long rows, int ids, boolean unique) throws IOException {
    long bytes = 0;
    try (BufferedWriter out =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                StandardCharsets.UTF_8),
            1 << 16)) {
      String header =
          "BillingAccountId,ChargePeriodStart,ResourceId,ServiceName,BilledCost,EffectiveCost,"
              + "BillingCurrency,SubAccountId,Tags\n";
      out.write(header);
      bytes += header.length();
      for (long i = 0; i < rows; i++) {
        String line =
            "999988887777,2026-11-01T00:00:00Z,arn:aws:ec2:us-east-1:111122223333:instance/i-"
                + (i % ids)
                + ",Amazon EC2,0.0"
                + (i % 97)
                + ",0.01,USD,111122223333,\"{\"\"anycompany:finance:cost-center\"\": \"\"Sales-"
                + (unique ? i : i % 10_000)
                + "\"\", \"\"=cmd\"\": \"\"<b>\u202E\"\"}\"\n";
        out.write(line);
        bytes += line.length();
      }
    }
    return bytes;
  }
}
