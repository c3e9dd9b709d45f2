package io.tagscan.inventory.aws;

import io.tagscan.fix.ApplyService;
import io.tagscan.fix.PlanJson;
import io.tagscan.model.ApplyOutcome;
import io.tagscan.model.FixPlan;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.TagChange;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Not a test: a harness that applies a large plan to {@link FakeTagStore} and prints the calls,
 * wall and CPU time and bytes written, for the figures in the README. Run with {@code java -cp
 * target/test-classes:target/classes:DEPS io.tagscan.inventory.aws.FixApplyHarness RESOURCES
 * [ACCOUNTS REGIONS [DELAY_MS [CONCURRENCY]]]}.
 */
public final class FixApplyHarness {

  private FixApplyHarness() {}

  public static void main(String[] args) throws IOException {
    int resources = Integer.parseInt(args[0]);
    int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int regions = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    System.setProperty("aws.accessKeyId", "AKIDHARNESS");
    System.setProperty("aws.secretAccessKey", "harness-secret");
    Path dir = Files.createTempDirectory(Path.of("target"), "harness");
    try (FakeTagStore aws = new FakeTagStore()) {
      if (args.length > 3) {
        aws.delayWrites(Integer.parseInt(args[3]));
      }
      List<ResourceFix> fixes = new ArrayList<>();
      String[] regionNames = {"us-east-1", "eu-west-1", "ap-south-1", "us-west-2"};
      for (int i = 0; i < resources; i++) {
        String account = String.format("%012d", 111122220000L + i % accounts);
        String region = regionNames[(i / accounts) % regions];
        String arn = "arn:aws:ec2:" + region + ":" + account + ":instance/i-" + i;
        TreeMap<String, String> tags = new TreeMap<>();
        tags.put("CostCenter", String.valueOf(2000 + i % 7));
        tags.put("team", "ml");
        tags.put("anycompany:workload:application-id", "app-" + i % 13);
        aws.put(arn, tags);
        fixes.add(
            new ResourceFix(
                arn,
                account,
                region,
                "ec2:instance",
                tags,
                List.of(
                    TagChange.rename(
                        "CostCenter",
                        tags.get("CostCenter"),
                        "anycompany:finance:cost-center",
                        "key-alias",
                        "old name"))));
      }
      FixPlan plan =
          new FixPlan(
              "harness",
              Clock.systemUTC().instant(),
              "d.yaml",
              "",
              "harness",
              null,
              fixes,
              List.of());
      AwsOptions options =
          new AwsOptions(
              null,
              "us-east-1",
              aws.endpoint(),
              accounts > 1 ? "TagFixer" : null,
              null,
              null,
              null,
              null,
              List.of(),
              false,
              List.of(),
              null,
              false,
              List.of(),
              List.of(),
              List.of(),
              4,
              false,
              null);
      long written0 = writeBytes();
      long cpu0 =
          ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
              .getProcessCpuTime();
      long wall0 = System.nanoTime();
      ApplyOutcome outcome;
      try (LiveTagger tagger = new LiveTagger(options, FakeAws.settings())) {
        int concurrency =
            args.length > 4 ? Integer.parseInt(args[4]) : ApplyService.DEFAULT_CONCURRENCY;
        outcome =
            new ApplyService(tagger, Clock.systemUTC())
                .apply(plan, PlanJson.checksum(plan), false, dir.resolve("undo.json"), concurrency);
      }
      long wall = System.nanoTime() - wall0;
      long cpu =
          ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                  .getProcessCpuTime()
              - cpu0;
      long written = writeBytes() - written0;
      System.out.printf(
          "resources=%d pairs=%d applied=%d calls: read=%d tag=%d untag=%d"
              + " wall=%.2fs cpu=%.2fs diskWrite=%.1fMB undo=%.1fMB%n",
          resources,
          accounts * regions,
          outcome.count(ApplyOutcome.Status.APPLIED),
          aws.calls("GetResources").size(),
          aws.calls("TagResources").size(),
          aws.calls("UntagResources").size(),
          wall / 1e9,
          cpu / 1e9,
          written / 1e6,
          Files.size(dir.resolve("undo.json")) / 1e6);
    }
  }

  /** Bytes this process had the kernel write to storage ({@code /proc/self/io}). */
  private static long writeBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
      if (line.startsWith("write_bytes:")) {
        return Long.parseLong(line.substring(12).strip());
      }
    }
    return 0;
  }
}
