package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.fix.PlanJson;
import io.tagscan.model.FixPlan;
import io.tagscan.model.ResourceFix;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixPlanCommandTest {

  private static final String DICTIONARY = "tag-dictionary.yaml";
  private static final String INVENTORY = "examples/inventory/anycompany-ml.json";

  @TempDir Path dir;

  @Test
  void plansFromInventoryFilesAndFromASavedReportAlike() {
    Path fromFiles = dir.resolve("files.json");
    CliRun planned =
        CliRun.run(
            "fix", "plan", "-d", DICTIONARY, "--inventory", INVENTORY, "-o", fromFiles.toString());
    assertThat(planned.exitCode()).as(planned.err()).isZero();
    assertThat(planned.err()).contains("6 changes on 6 resources");

    CliRun scan =
        CliRun.run(
            "scan",
            "-d",
            DICTIONARY,
            "--inventory",
            INVENTORY,
            "--format",
            "json",
            "-o",
            dir.toString(),
            "--fail-on",
            "never");
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    Path fromReport = dir.resolve("report.json");
    CliRun again =
        CliRun.run(
            "fix",
            "plan",
            "-d",
            DICTIONARY,
            "--from-report",
            dir.resolve("tagscan-report.json").toString(),
            "-o",
            fromReport.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();

    FixPlan a = PlanJson.read(fromFiles);
    FixPlan b = PlanJson.read(fromReport);
    assertThat(b.resources()).isEqualTo(a.resources());
    assertThat(b.skipped()).isEqualTo(a.skipped());
    assertThat(a.resources())
        .extracting(ResourceFix::arn)
        .contains("arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/fraud-v2");
  }

  @Test
  void addsMissingKeysGivenWithSet() {
    Path plan = dir.resolve("plan.json");
    CliRun run =
        CliRun.run(
            "fix",
            "plan",
            "-d",
            DICTIONARY,
            "--inventory",
            INVENTORY,
            "--set",
            "anycompany:finance:owner=SecOps",
            "-o",
            plan.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(PlanJson.read(plan).resources())
        .anySatisfy(r -> assertThat(r.toSet()).containsEntry("anycompany:finance:owner", "SecOps"));
  }

  @Test
  void refusesABadSetAndAwsOptionsBesideFilesBeforeWritingAnything() {
    Path plan = dir.resolve("plan.json");
    CliRun bad =
        CliRun.run(
            "fix",
            "plan",
            "-d",
            DICTIONARY,
            "--inventory",
            INVENTORY,
            "--set",
            "anycompany:workload:environment=staging",
            "-o",
            plan.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--set 'anycompany:workload:environment=staging'");
    CliRun aws =
        CliRun.run(
            "fix",
            "plan",
            "-d",
            DICTIONARY,
            "--inventory",
            INVENTORY,
            "--role-name",
            "X",
            "-o",
            plan.toString());
    assertThat(aws.exitCode()).isEqualTo(2);
    assertThat(aws.err())
        .contains("--role-name reads live AWS and cannot go with --from-report or --inventory");
    assertThat(plan).doesNotExist();
  }
}
