package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.cli.CommandLineFactory;
import io.tagscan.cli.Environment;
import io.tagscan.fix.ApplyService;
import io.tagscan.fix.PlanJson;
import io.tagscan.model.ApplyOutcome;
import io.tagscan.model.FixPlan;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.TagChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fix apply} against live-format AWS: the real SDK clients and a loopback server that keeps
 * tags ({@link FakeTagStore}), so a plan, its application, its undo and a rescan meet the same
 * state.
 */
class FixApplyWireTest {

  private static final String ACCOUNT = FakeTagStore.CALLER_ACCOUNT;
  private static final String REGION = "us-east-1";
  private static final String COST = "anycompany:finance:cost-center";
  private static final String ENV = "anycompany:workload:environment";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);

  private FakeTagStore aws;

  @TempDir Path dir;

  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", "AKIDTAGSCANFIXER");
    System.setProperty("aws.secretAccessKey", "fixer-secret-never-printed");
  }

  @AfterAll
  static void clear() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @BeforeEach
  void start() throws IOException {
    aws = new FakeTagStore();
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  private static String instance(int n) {
    return "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance/i-" + String.format("%04d", n);
  }

  private AwsOptions options(String roleName) {
    return new AwsOptions(
        null,
        REGION,
        aws.endpoint(),
        roleName,
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
  }

  private ApplyOutcome apply(FixPlan plan, boolean dryRun, Path undo) {
    try (LiveTagger tagger = new LiveTagger(options(null), FakeAws.settings())) {
      return new ApplyService(tagger, CLOCK).apply(plan, dryRun, undo);
    }
  }

  private static ResourceFix rename(String arn, Map<String, String> tags, String from, String to) {
    return new ResourceFix(
        arn,
        ACCOUNT,
        REGION,
        "ec2:instance",
        new TreeMap<>(tags),
        List.of(TagChange.rename(from, tags.get(from), to, "key-alias", "old name")));
  }

  private static FixPlan plan(List<ResourceFix> fixes) {
    return new FixPlan("test", CLOCK.instant(), "d.yaml", "", "test", null, fixes, List.of());
  }

  @Test
  void tagsAtMostTwentyResourcesACallGroupedByIdenticalTagsThenRemoves() {
    List<ResourceFix> fixes = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      Map<String, String> tags = Map.of("CostCenter", i < 30 ? "2045" : "3000");
      aws.put(instance(i), tags);
      fixes.add(rename(instance(i), tags, "CostCenter", COST));
    }
    ApplyOutcome outcome = apply(plan(fixes), false, dir.resolve("undo.json"));

    assertThat(outcome.count(ApplyOutcome.Status.APPLIED)).isEqualTo(45);
    List<FakeTagStore.Call> tagCalls = aws.calls("TagResources");
    // 30 resources get 2045 (20 + 10), 15 get 3000: three calls, none mixing the two.
    assertThat(FakeTagStore.arnSets(tagCalls)).extracting(Set::size).containsExactly(20, 10, 15);
    assertThat(tagCalls).allSatisfy(c -> assertThat(c.body().get("Tags").size()).isEqualTo(1));
    // Every resource's old key goes in one group: 45 resources, 20 a call.
    assertThat(FakeTagStore.arnSets(aws.calls("UntagResources")))
        .extracting(Set::size)
        .containsExactly(20, 20, 5);
    assertThat(aws.calls("GetResources")).hasSize(1);
    assertThat(aws.calls("GetResources").get(0).body().get("ResourceARNList")).hasSize(45);
    assertThat(aws.tagsOf(instance(44))).containsExactly(Map.entry(COST, "3000"));
  }

  @Test
  void reportsEachResourceAwsFailedAndRemovesNothingFromIt() {
    Map<String, String> tags = Map.of("CostCenter", "2045");
    aws.put(instance(1), tags);
    aws.put(instance(2), tags);
    aws.failWritesTo(instance(2), "InvalidParameterException");
    ApplyOutcome outcome =
        apply(
            plan(
                List.of(
                    rename(instance(1), tags, "CostCenter", COST),
                    rename(instance(2), tags, "CostCenter", COST))),
            false,
            dir.resolve("undo.json"));

    assertThat(outcome.results())
        .extracting(r -> r.status())
        .containsExactly(ApplyOutcome.Status.APPLIED, ApplyOutcome.Status.FAILED);
    ApplyOutcome.Result failed = outcome.results().get(1);
    assertThat(failed.error().operation()).isEqualTo("TagResources");
    assertThat(failed.error().code()).isEqualTo("InvalidParameterException");
    assertThat(failed.reason()).isEqualTo("nothing was changed");
    assertThat(aws.tagsOf(instance(2))).isEqualTo(tags);
    assertThat(FakeTagStore.arnSets(aws.calls("UntagResources")))
        .containsExactly(Set.of(instance(1)));
    assertThat(outcome.whole()).isFalse();
  }

  @Test
  void anUndoPlanWrittenAsItGoesCoversTheAddsOfAResourceWhoseRemovalFailed() {
    Map<String, String> tags = Map.of("CostCenter", "2045");
    aws.put(instance(1), tags);
    aws.put(instance(2), tags);
    aws.failRemovalsFrom(instance(2), "InternalServiceException");
    Path undo = dir.resolve("undo.json");
    ApplyOutcome outcome =
        apply(
            plan(
                List.of(
                    rename(instance(1), tags, "CostCenter", COST),
                    rename(instance(2), tags, "CostCenter", COST))),
            false,
            undo);

    assertThat(outcome.results().get(1).status()).isEqualTo(ApplyOutcome.Status.FAILED);
    assertThat(outcome.results().get(1).reason()).contains("added but the old ones could not");
    assertThat(aws.tagsOf(instance(2)))
        .containsEntry("CostCenter", "2045")
        .containsEntry(COST, "2045");
    FixPlan undoPlan = PlanJson.read(undo);
    assertThat(PlanJson.checksum(undoPlan)).isEqualTo(outcome.undoChecksum());
    assertThat(undoPlan.resources())
        .extracting(ResourceFix::arn)
        .containsExactly(instance(1), instance(2));
    assertThat(undoPlan.resources().get(1).toRemove()).containsExactly(COST);

    aws.stopFailing();
    ApplyOutcome undone = apply(undoPlan, false, dir.resolve("undo-of-undo.json"));
    assertThat(undone.whole()).isTrue();
    assertThat(aws.tagsOf(instance(1))).isEqualTo(tags);
    assertThat(aws.tagsOf(instance(2))).isEqualTo(tags);
  }

  @Test
  void writesTheUndoPlanAfterTheFirstCallThenAtMostOnceASecondAndWholeAtTheEnd() {
    List<ResourceFix> fixes = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      Map<String, String> tags = Map.of("CostCenter", i < 30 ? "2045" : "3000");
      aws.put(instance(i), tags);
      fixes.add(rename(instance(i), tags, "CostCenter", COST));
    }
    Path undo = dir.resolve("undo.json");
    List<Integer> onDisk = new ArrayList<>();
    aws.beforeEachWrite(
        () -> onDisk.add(Files.exists(undo) ? PlanJson.read(undo).resources().size() : -1));
    ApplyOutcome outcome;
    // A monotonic clock that never moves: no second ever passes between two calls.
    try (LiveTagger tagger = new LiveTagger(options(null), FakeAws.settings())) {
      outcome = new ApplyService(tagger, CLOCK, () -> 0L).apply(plan(fixes), false, undo);
    }

    // Three TagResources calls (20, 10, 15), then three UntagResources (20, 20, 5): the plan is
    // written once after the first call, not after each, and once more when the run ends.
    assertThat(onDisk).containsExactly(-1, 20, 20, 20, 20, 20);
    FixPlan undoPlan = PlanJson.read(undo);
    assertThat(undoPlan.resources()).hasSize(45);
    assertThat(PlanJson.checksum(undoPlan)).isEqualTo(outcome.undoChecksum());
    assertThat(undoPlan.resources()).allSatisfy(r -> assertThat(r.tags()).containsKey(COST));
  }

  @Test
  void aWriteAnswered500AfterItTookIsUnknownCoveredByTheUndoPlanAndRemovesNothing()
      throws IOException {
    Map<String, String> tags = Map.of("CostCenter", "2045");
    Map<String, String> other = Map.of("CostCenter", "3000");
    aws.put(instance(1), tags);
    aws.put(instance(2), other);
    aws.applyThenAnswer500(instance(2));
    Path plan = dir.resolve("plan.json");
    Files.write(
        plan,
        PlanJson.bytes(
            plan(
                List.of(
                    rename(instance(1), tags, "CostCenter", COST),
                    rename(instance(2), other, "CostCenter", COST)))));
    Run run =
        tagscan(
            "fix",
            "apply",
            plan.toString(),
            "--yes",
            "--region",
            REGION,
            "--endpoint-url",
            aws.endpoint().toString());

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.out())
        .contains(
            "unknown     " + instance(2) + ": AWS did not say whether the new tags were added")
        .contains("TagResources: InternalServiceException")
        .contains("done: 1 applied, 0 skipped, 0 failed, 1 unknown (in the undo plan)");
    String result = Files.readString(dir.resolve("plan.result.json"));
    assertThat(result).contains("\"unknown\" : 1").contains("\"status\" : \"unknown\"");
    // The write took: the new key is there, and the old one was not removed.
    assertThat(aws.tagsOf(instance(2)))
        .containsEntry(COST, "3000")
        .containsEntry("CostCenter", "3000");
    assertThat(FakeTagStore.arnSets(aws.calls("UntagResources")))
        .containsExactly(Set.of(instance(1)));

    FixPlan undoPlan = PlanJson.read(dir.resolve("plan.undo.json"));
    assertThat(undoPlan.resources())
        .extracting(ResourceFix::arn)
        .containsExactly(instance(1), instance(2));
    aws.stopFailing();
    ApplyOutcome undone = apply(undoPlan, false, dir.resolve("undo-of-undo.json"));
    assertThat(undone.whole()).isTrue();
    assertThat(aws.tagsOf(instance(1))).isEqualTo(tags);
    assertThat(aws.tagsOf(instance(2))).isEqualTo(other);
  }

  @Test
  void appliesSeveralAccountsAndRegionsAtOnceEachInOrderWithTheSameUndoPlanAsOneAtATime()
      throws IOException {
    List<String> accounts = List.of("210987654321", "222233334444", "333344445555");
    List<String> regions = List.of("us-east-1", "eu-west-1", "ap-south-1");
    List<ResourceFix> fixes = new ArrayList<>();
    for (String account : accounts) {
      for (String region : regions) {
        for (int i = 0; i < 25; i++) {
          String arn = "arn:aws:ec2:" + region + ":" + account + ":instance/i-" + i;
          Map<String, String> tags = Map.of("CostCenter", i % 2 == 0 ? "2045" : "3000");
          aws.put(arn, tags);
          fixes.add(
              new ResourceFix(
                  arn,
                  account,
                  region,
                  "ec2:instance",
                  new TreeMap<>(tags),
                  List.of(
                      TagChange.rename(
                          "CostCenter", tags.get("CostCenter"), COST, "key-alias", "old name"))));
        }
      }
    }
    FixPlan plan = plan(fixes);
    Path concurrent = dir.resolve("concurrent.json");
    ApplyOutcome outcome;
    try (LiveTagger tagger = new LiveTagger(options("TagFixer"), FakeAws.settings())) {
      outcome =
          new ApplyService(tagger, CLOCK)
              .apply(plan, PlanJson.checksum(plan), false, concurrent, 9);
    }

    assertThat(outcome.whole()).isTrue();
    assertThat(outcome.results()).extracting(r -> r.fix()).isEqualTo(plan.resources());
    List<FakeTagStore.Call> writes = new ArrayList<>(aws.calls("TagResources"));
    writes.addAll(aws.calls("UntagResources"));
    for (String account : accounts) {
      for (String region : regions) {
        // In the order the server received them: this pair's adds, all before its removes.
        List<String> order =
            aws.allCalls().stream()
                .filter(c -> c.operation().endsWith("agResources"))
                .filter(c -> c.accessKey().equals("ASIA" + account) && c.region().equals(region))
                .map(FakeTagStore.Call::operation)
                .toList();
        assertThat(order)
            .containsExactly("TagResources", "TagResources", "UntagResources", "UntagResources");
      }
    }
    assertThat(FakeTagStore.arnSets(writes))
        .allSatisfy(arns -> assertThat(arns).hasSizeBetween(1, 20));
    for (FakeTagStore.Call call : writes) {
      assertThat(call.body().get("ResourceARNList").get(0).asText())
          .contains(":" + call.region() + ":" + call.accessKey().substring(4) + ":");
    }

    // The same plan one pair at a time, against the same tags, writes the same undo plan.
    for (ResourceFix fix : fixes) {
      aws.put(fix.arn(), fix.tags());
    }
    Path sequential = dir.resolve("sequential.json");
    try (LiveTagger tagger = new LiveTagger(options("TagFixer"), FakeAws.settings())) {
      new ApplyService(tagger, CLOCK).apply(plan, PlanJson.checksum(plan), false, sequential, 1);
    }
    assertThat(Files.readString(concurrent)).isEqualTo(Files.readString(sequential));
    assertThat(PlanJson.read(concurrent).resources()).hasSize(225);
  }

  @Test
  void skipsAResourceWhoseTagsChangedSinceThePlan() {
    Map<String, String> tags = Map.of("CostCenter", "2045");
    aws.put(instance(1), Map.of("CostCenter", "2045", "team", "ml"));
    aws.put(instance(2), tags);
    ApplyOutcome outcome =
        apply(
            plan(
                List.of(
                    rename(instance(1), tags, "CostCenter", COST),
                    rename(instance(2), tags, "CostCenter", COST))),
            false,
            dir.resolve("undo.json"));

    assertThat(outcome.results().get(0).status()).isEqualTo(ApplyOutcome.Status.SKIPPED);
    assertThat(outcome.results().get(0).reason()).contains("changed since the plan ('team')");
    assertThat(aws.tagsOf(instance(1))).containsEntry("CostCenter", "2045").doesNotContainKey(COST);
    assertThat(outcome.results().get(1).status()).isEqualTo(ApplyOutcome.Status.APPLIED);
  }

  @Test
  void skipsAResourceThatWouldCarryMoreThanFiftyUserTags() {
    Map<String, String> tags = new TreeMap<>();
    for (int i = 0; i < 50; i++) {
      tags.put("k" + i, "v");
    }
    tags.put("aws:cloudformation:stack-name", "web");
    aws.put(instance(1), tags);
    ResourceFix add =
        new ResourceFix(
            instance(1),
            ACCOUNT,
            REGION,
            "ec2:instance",
            new TreeMap<>(tags),
            List.of(TagChange.add(ENV, "dev", "missing-mandatory-tag", "--set")));
    ApplyOutcome outcome = apply(plan(List.of(add)), false, dir.resolve("undo.json"));

    assertThat(outcome.results().get(0).status()).isEqualTo(ApplyOutcome.Status.SKIPPED);
    assertThat(outcome.results().get(0).reason()).contains("51 user tags");
    assertThat(aws.calls("TagResources")).isEmpty();
  }

  @Test
  void aDryRunReadsButChangesNothing() {
    Map<String, String> tags = Map.of("CostCenter", "2045");
    aws.put(instance(1), tags);
    ApplyOutcome outcome =
        apply(
            plan(List.of(rename(instance(1), tags, "CostCenter", COST))),
            true,
            dir.resolve("u.json"));
    assertThat(outcome.results().get(0).status()).isEqualTo(ApplyOutcome.Status.WOULD_APPLY);
    assertThat(aws.calls("TagResources")).isEmpty();
    assertThat(aws.tagsOf(instance(1))).isEqualTo(tags);
    assertThat(dir.resolve("u.json")).doesNotExist();
  }

  @Test
  void changesSageMakerResourcesThroughSageMakerAddingBeforeDeleting() {
    String model = "arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":model/churn";
    Map<String, String> tags = Map.of("CostCenter", "2045");
    aws.put(model, tags);
    ApplyOutcome outcome =
        apply(plan(List.of(rename(model, tags, "CostCenter", COST))), false, dir.resolve("u.json"));
    assertThat(outcome.whole()).isTrue();
    assertThat(aws.calls("ListTags")).hasSize(1);
    assertThat(aws.calls("AddTags")).hasSize(1);
    assertThat(aws.calls("DeleteTags")).hasSize(1);
    assertThat(aws.calls("TagResources")).isEmpty();
    assertThat(aws.tagsOf(model)).containsExactly(Map.entry(COST, "2045"));
  }

  // ---- end to end, through the command line ----

  private record Run(int code, String out, String err) {}

  private Run tagscan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        CommandLineFactory.create(new Environment(false, false, Map.of(), CLOCK));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run plan(Path plan) {
    return tagscan(
        "fix",
        "plan",
        "-d",
        "tag-dictionary.yaml",
        "--region",
        REGION,
        "--endpoint-url",
        aws.endpoint().toString(),
        "--no-sagemaker",
        "--set",
        "anycompany:finance:owner=SecOps",
        "-o",
        plan.toString());
  }

  @Test
  void planApplyAndRescanLeaveNoFixableFindingAndTheUndoRestoresEveryTag() throws IOException {
    Map<String, String> first =
        Map.of("CostCenter", "2045", "env", "Production ", "anycompany:finance:owner", "SecOps");
    Map<String, String> second = Map.of("Anycompany:Workload:Environment", "dev", "team", "ml");
    aws.put(instance(1), first);
    aws.put(instance(2), second);
    Path plan = dir.resolve("plan.json");

    Run planned = plan(plan);
    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(PlanJson.read(plan).resources()).hasSize(2);

    Run dry =
        tagscan(
            "fix",
            "apply",
            plan.toString(),
            "--region",
            REGION,
            "--endpoint-url",
            aws.endpoint().toString());
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("dry run: 2 would apply");
    assertThat(aws.tagsOf(instance(1))).isEqualTo(first);

    Run applied =
        tagscan(
            "fix",
            "apply",
            plan.toString(),
            "--yes",
            "--region",
            REGION,
            "--endpoint-url",
            aws.endpoint().toString());
    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("done: 2 applied, 0 skipped, 0 failed");
    assertThat(applied.err()).doesNotContain("fixer-secret-never-printed");
    assertThat(aws.tagsOf(instance(1)))
        .containsEntry(COST, "2045")
        .containsEntry(ENV, "production")
        .doesNotContainKeys("CostCenter", "env");
    assertThat(dir.resolve("plan.result.json")).exists();
    assertThat(Files.readString(dir.resolve("plan.result.json"))).contains("\"applied\" : 2");

    Path again = dir.resolve("again.json");
    Run rescan = plan(again);
    assertThat(rescan.code()).as(rescan.err()).isZero();
    FixPlan after = PlanJson.read(again);
    assertThat(after.resources()).isEmpty();

    Path undo = dir.resolve("plan.undo.json");
    FixPlan undoPlan = PlanJson.read(undo);
    assertThat(undoPlan.undoOf()).isEqualTo(PlanJson.checksum(PlanJson.read(plan)));
    Run undone =
        tagscan(
            "fix",
            "apply",
            undo.toString(),
            "--yes",
            "--region",
            REGION,
            "--endpoint-url",
            aws.endpoint().toString());
    assertThat(undone.code()).as(undone.err()).isZero();
    assertThat(aws.tagsOf(instance(1))).isEqualTo(first);
    assertThat(aws.tagsOf(instance(2))).isEqualTo(second);
  }

  @Test
  void anEditedPlanIsRefusedWithExitTwoAndAPartialApplyExitsThree() throws IOException {
    Map<String, String> tags = Map.of("CostCenter", "2045");
    aws.put(instance(1), tags);
    aws.put(instance(2), tags);
    Path plan = dir.resolve("plan.json");
    assertThat(plan(plan).code()).isZero();
    Path edited = dir.resolve("edited.json");
    Files.writeString(edited, Files.readString(plan).replace("\"2045\"", "\"9999\""));
    Run refused =
        tagscan(
            "fix",
            "apply",
            edited.toString(),
            "--yes",
            "--region",
            REGION,
            "--endpoint-url",
            aws.endpoint().toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("checksum does not match");
    assertThat(aws.calls("TagResources")).isEmpty();

    aws.failWritesTo(instance(2), "ThrottlingException");
    Run partial =
        tagscan(
            "fix",
            "apply",
            plan.toString(),
            "--yes",
            "--region",
            REGION,
            "--endpoint-url",
            aws.endpoint().toString());
    assertThat(partial.code()).as(partial.err()).isEqualTo(3);
    assertThat(partial.out())
        .contains("failed      " + instance(2))
        .contains("TagResources: ThrottlingException");
  }

  @Test
  void entersEachAccountThroughTheWriteRole() {
    Map<String, String> tags = Map.of("CostCenter", "2045");
    aws.put(instance(1), tags);
    try (LiveTagger tagger = new LiveTagger(options("TagFixer"), FakeAws.settings())) {
      ApplyOutcome outcome =
          new ApplyService(tagger, CLOCK)
              .apply(plan(List.of(rename(instance(1), tags, "CostCenter", COST))), false, null);
      assertThat(outcome.whole()).isTrue();
    }
    assertThat(aws.calls("AssumeRole")).hasSize(1);
    assertThat(aws.calls("AssumeRole").get(0).body().get("RoleArn").asText())
        .isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/TagFixer");
    assertThat(aws.calls("TagResources").get(0).accessKey()).isEqualTo("ASIA" + ACCOUNT);
  }
}
