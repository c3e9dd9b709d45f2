package io.tagscan.bench;

import com.google.re2j.Pattern;
import io.tagscan.dictionary.Conventions;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Exemption;
import io.tagscan.dictionary.Glob;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.dictionary.ValueRule;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Source;
import io.tagscan.rules.RuleEngine;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long the rule engine takes per resource of about eight tags, against the seed dictionary: the
 * budget is about a microsecond, so that checking a million resources adds at most half the time of
 * parsing them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEngineBenchmark {

  private static final int RESOURCES = 4096;

  /** The share of resources that carry some problem, in percent. */
  @Param({"0", "30"})
  public int faultyPercent;

  private RuleEngine engine;
  private Resource[] resources;
  private int next;

  @Setup
  public void setUp() {
    engine = new RuleEngine(seedDictionary(), exemptions(), LocalDate.of(2025, 6, 1));
    resources = resources(RESOURCES, faultyPercent, new Random(42));
  }

  @Benchmark
  public void checkOneResource(Blackhole blackhole) {
    Resource resource = resources[next++ & (RESOURCES - 1)];
    blackhole.consume(engine.check(resource));
  }

  /** Runs the engine over many resources once; for a quick figure without the JMH harness. */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int faulty = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    RuleEngine engine = new RuleEngine(seedDictionary(), exemptions(), LocalDate.of(2025, 6, 1));
    Resource[] resources = resources(RESOURCES, faulty, new Random(42));
    long findings = 0;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        List<Finding> result = engine.check(resources[i & (RESOURCES - 1)]);
        findings += result.size();
      }
      long elapsed = System.nanoTime() - start;
      System.out.printf(
          "%,d resources (%d%% faulty): %,d ms, %.0f ns each%n",
          count, faulty, elapsed / 1_000_000, (double) elapsed / count);
    }
    System.out.println("findings: " + findings);
  }

  static Dictionary seedDictionary() {
    List<TagSpec> tags =
        List.of(
            spec("anycompany:workload:application-id", true, ValueRule.matching("app-[0-9]{3}")),
            new TagSpec(
                "anycompany:workload:environment",
                "workload",
                "",
                true,
                true,
                ValueRule.allowing(List.of("dev", "test", "production")),
                List.of("Environment", "env"),
                List.of(),
                0,
                0),
            spec("anycompany:finance:owner", true, null),
            spec(
                "anycompany:finance:business-unit",
                true,
                ValueRule.allowing(List.of("Finance", "Retail", "Sales", "DevOps", "Shared"))),
            spec(
                "anycompany:finance:cost-center",
                true,
                new ValueRule(List.of(), "^\\d{4}$", Pattern.compile("^\\d{4}$"), "5045")),
            new TagSpec(
                "anycompany:security:data-classification",
                "security",
                "",
                false,
                true,
                ValueRule.allowing(List.of("public", "internal", "confidential")),
                List.of(),
                List.of(Glob.of("s3:bucket"), Glob.of("sagemaker:*")),
                0,
                0),
            spec(
                "anycompany:automation:encryption",
                false,
                ValueRule.allowing(List.of("true", "false"))),
            spec("anycompany:workload:name", false, null),
            spec("anycompany:workload:cluster", false, null),
            spec("anycompany:workload:version", false, null),
            spec("anycompany:operations:backup", false, null),
            spec("anycompany:regulatory:framework", false, null));
    return new Dictionary(
        1,
        "anycompany",
        Conventions.DEFAULT,
        tags,
        List.of("anycompany:finance:owner"),
        List.of(),
        Dictionary.defaultSeverities(),
        "",
        "");
  }

  private static TagSpec spec(String key, boolean mandatory, ValueRule values) {
    return new TagSpec(key, "", "", true, mandatory, values, List.of(), List.of(), 0, 0);
  }

  private static List<Exemption> exemptions() {
    return List.of(
        new Exemption(
            List.of(Glob.of("arn:aws:ec2:*:111122223333:instance/i-legacy*")),
            Set.of(RuleId.MISSING_MANDATORY_TAG),
            Set.of(),
            "legacy fleet",
            LocalDate.of(2025, 12, 31),
            "exemptions.yaml",
            3));
  }

  static Resource[] resources(int count, int faultyPercent, Random random) {
    String[] environments = {"dev", "test", "production"};
    String[] units = {"Finance", "Retail", "Sales", "DevOps", "Shared"};
    Resource[] resources = new Resource[count];
    for (int i = 0; i < count; i++) {
      Map<String, String> tags = new TreeMap<>();
      tags.put("anycompany:workload:application-id", String.format("app-%03d", i % 1000));
      tags.put("anycompany:workload:environment", environments[i % 3]);
      tags.put("anycompany:finance:owner", "Workload-" + (i % 40) + "-Development-team");
      tags.put("anycompany:finance:business-unit", units[i % 5]);
      tags.put("anycompany:finance:cost-center", String.valueOf(1000 + i % 9000));
      tags.put("anycompany:workload:name", "service-" + i);
      tags.put("aws:cloudformation:stack-name", "stack-" + (i % 100));
      tags.put("anycompany:workload:version", "1." + (i % 20) + ".0");
      if (random.nextInt(100) < faultyPercent) {
        switch (random.nextInt(5)) {
          case 0 -> tags.put("anycompany:workload:environment", "Production");
          case 1 -> tags.put("CostCenter", tags.remove("anycompany:finance:cost-center"));
          case 2 -> tags.put("Team_Name", "platform");
          case 3 -> tags.put("anycompany:finance:owner", "jane.doe@example.com");
          default -> tags.remove("anycompany:finance:business-unit");
        }
      }
      String arn = "arn:aws:ec2:eu-west-1:111122223333:instance/i-" + Integer.toHexString(i);
      resources[i] =
          new Resource(
              arn,
              "111122223333",
              "eu-west-1",
              "ec2:instance",
              Source.TAGGING_API,
              new TreeMap<>(tags));
    }
    return resources;
  }
}
