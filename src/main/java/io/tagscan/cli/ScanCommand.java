package io.tagscan.cli;

import io.tagscan.billing.CostMetric;
import io.tagscan.inventory.Arn;
import io.tagscan.model.ExitCode;
import io.tagscan.model.Printable;
import io.tagscan.model.Shard;
import io.tagscan.model.UsageException;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.Summary;
import io.tagscan.scan.ScanOutcome;
import io.tagscan.scan.ScanRequest;
import io.tagscan.scan.ScanService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tagscan scan}: checks resources, live or from files, and writes the reports. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Check resources against the tagging dictionary and report what is out of line.",
      "Reads exported inventories with --inventory, otherwise the AWS accounts and regions named.",
    })
final class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand TagscanCommand parent;

  @Mixin DictionaryOption dictionary;

  @Option(
      names = "--inventory",
      arity = "1..*",
      paramLabel = "FILE",
      parameterConsumer = InventoryFiles.class,
      description =
          "Check these files offline instead of AWS: 'aws resourcegroupstaggingapi get-resources'"
              + " output (plain or .gz) or a tagscan snapshot.")
  List<Path> inventory = new ArrayList<>();

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description =
          "With --inventory: the account (12 digits) of the resources whose ARN names none, such"
              + " as S3 buckets; a resource of another account is an error.")
  String accountId;

  @Option(
      names = "--exemptions",
      paramLabel = "FILE",
      description = "Waivers: ARN globs × rules × keys, each with a reason and an expiry date.")
  Path exemptions;

  @Option(
      names = "--save-inventory",
      paramLabel = "FILE",
      description = "Also save what the scan read as a snapshot that --inventory reads back.")
  Path saveInventory;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "Scan only the K-th of N parts of the accounts, each account in the part its id's hash"
              + " names; 'tagscan report merge' joins the N reports.")
  String shard;

  @Option(
      names = "--baseline",
      paramLabel = "REPORT.json",
      description =
          "A saved JSON report: its findings (by ARN, rule and key) do not fail the run; the report"
              + " still holds every finding.")
  Path baseline;

  @Option(
      names = "--focus",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "FOCUS 1.x exports from AWS Data Exports (CSV or CSV.gz): each resource they charge gets"
              + " its cost in the reports.")
  List<Path> focus = new ArrayList<>();

  @Option(
      names = "--cost-metric",
      paramLabel = "BilledCost|EffectiveCost",
      description = "With --focus: the cost column to sum (default: BilledCost).")
  String costMetric;

  @Mixin ReportChoices reports;

  @Mixin(name = "aws")
  AwsOptionsMixin aws;

  @Mixin(name = "explorer")
  ExplorerOptionsMixin explorer;

  @Mixin DisplayOptions display;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws InterruptedException {
    Environment environment = parent.environment();
    Path dictionaryFile = dictionary.existing();
    ReportOptions report = reports.toOptions(environment, display.noColor);
    String inventoryAccount = inventoryAccount();
    ScanRequest request =
        new ScanRequest(
            dictionaryFile,
            exemptions,
            inventory,
            inventory.isEmpty() ? aws.toOptions().withExplorer(explorer.toOptions()) : null,
            report,
            saveInventory,
            environment.clock(),
            inventoryAccount,
            shard == null ? null : Shard.parse(shard),
            baseline,
            focus,
            costMetric());
    if (!inventory.isEmpty()) {
      // An offline scan reads no AWS, so an AWS option beside --inventory is a mistake.
      AwsOptionsMixin.refuseBeside(
          spec, "--inventory, which checks files offline", "aws", "explorer");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScanOutcome outcome;
    try (ProgressBar progress =
        display.progress(environment.stderrIsTerminal())
            ? new ProgressBar(err, request.offline() ? "files" : "account × region pairs")
            : null) {
      outcome = ScanService.run(request, out, progress);
    }
    // Before the summary: a report lost on its way out fails the run instead.
    StandardOutput.check(out);
    if (!display.quiet) {
      describe(outcome, report, err);
    }
    if (reports.failOn.threshold() != null
        && outcome.summary().failingFindings(reports.failOn.threshold()) > 0) {
      return ExitCode.FINDINGS.code();
    }
    return (outcome.complete() ? ExitCode.OK : ExitCode.INCOMPLETE).code();
  }

  /** The --cost-metric given, checked: it chooses a column of the --focus exports. */
  private CostMetric costMetric() {
    return CostMetricOption.checked(costMetric, !focus.isEmpty());
  }

  /** The --account-id given, checked: it names the account of an offline inventory only. */
  private String inventoryAccount() {
    if (accountId == null) {
      return null;
    }
    if (inventory.isEmpty()) {
      throw new UsageException(
          "--account-id names the account of --inventory files; a live scan takes its accounts"
              + " from --accounts, --org or the credentials");
    }
    if (!Arn.isAccountId(accountId)) {
      throw new UsageException(
          "--account-id '" + Printable.of(accountId) + "' is not an AWS account id (12 digits)");
    }
    return accountId;
  }

  private void describe(ScanOutcome outcome, ReportOptions report, PrintWriter err) {
    Summary summary = outcome.summary();
    err.printf(
        "tagscan: %,d resources checked, %,d noncompliant; %s%s%n",
        summary.resources(),
        summary.noncompliant(),
        Summaries.findings(summary),
        summary.baseline() == null
            ? ""
            : String.format(", %,d of them in the baseline", summary.baseline().covered()));
    outcome.notes().forEach(note -> err.println("tagscan: note: " + note));
    List<String> written = Summaries.files(report);
    if (saveInventory != null) {
      written.add(saveInventory.toString());
    }
    if (!written.isEmpty()) {
      err.println("tagscan: wrote " + String.join(", ", written));
    }
    if (!outcome.complete()) {
      err.printf(
          "tagscan: the scan is incomplete: %d part(s) could not be read%n",
          outcome.errors().size());
      outcome.errors().forEach(e -> err.println("  " + Summaries.error(e)));
    }
    if (outcome.complete()) {
      outcome.errors().forEach(e -> err.println("tagscan: note: " + Summaries.error(e)));
    }
    outcome.skipped().forEach(e -> err.println("tagscan: skipped " + Summaries.error(e)));
    err.flush();
  }
}
