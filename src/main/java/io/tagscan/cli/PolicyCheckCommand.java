package io.tagscan.cli;

import io.tagscan.inventory.aws.ClientSettings;
import io.tagscan.model.ExitCode;
import io.tagscan.model.UsageException;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.Summary;
import io.tagscan.scan.PolicyCheckService;
import io.tagscan.scan.ScanOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tagscan policy check}: each account's effective tag policy and required tags against the
 * dictionary, reported like a scan.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description =
        "Check each account's effective tag policy (Organizations DescribeEffectivePolicy) and the"
            + " keys the Tagging API requires in each region (ListRequiredTags) against the"
            + " dictionary. Read-only; findings go on each account, in the same reports and exit"
            + " codes as scan.")
final class PolicyCheckCommand implements Callable<Integer> {

  /** Options of the shared AWS mixin that choose resources, which a policy check does not read. */
  private static final List<String> SCAN_ONLY =
      List.of("--resource-types", "--no-sagemaker", "--sagemaker-since");

  @Spec CommandSpec spec;

  @Mixin DictionaryOption dictionary;

  @Mixin ReportChoices reports;

  @Mixin(name = "aws")
  AwsOptionsMixin aws;

  @Mixin DisplayOptions display;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws InterruptedException {
    Environment environment = ((TagscanCommand) spec.root().userObject()).environment();
    for (String option : SCAN_ONLY) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new UsageException(
            option + " chooses the resources scan reads; policy check reads tag policies only");
      }
    }
    ReportOptions report = reports.toOptions(environment, display.noColor);
    PolicyCheckService.Request request =
        new PolicyCheckService.Request(
            dictionary.existing(),
            aws.toOptions(),
            report,
            environment.clock(),
            ClientSettings.defaults());
    PrintWriter out = spec.commandLine().getOut();
    ScanOutcome outcome = PolicyCheckService.run(request, out);
    StandardOutput.check(out);
    if (!display.quiet) {
      describe(outcome, report, spec.commandLine().getErr());
    }
    if (reports.failOn.threshold() != null
        && outcome.summary().failingFindings(reports.failOn.threshold()) > 0) {
      return ExitCode.FINDINGS.code();
    }
    return (outcome.complete() ? ExitCode.OK : ExitCode.INCOMPLETE).code();
  }

  private static void describe(ScanOutcome outcome, ReportOptions report, PrintWriter err) {
    Summary summary = outcome.summary();
    err.printf(
        "tagscan: %,d accounts' tag policies checked, %,d noncompliant; %s%n",
        summary.resources(), summary.noncompliant(), Summaries.findings(summary));
    outcome.notes().forEach(note -> err.println("tagscan: note: " + note));
    List<String> written = Summaries.files(report);
    if (!written.isEmpty()) {
      err.println("tagscan: wrote " + String.join(", ", written));
    }
    if (!outcome.complete()) {
      err.printf(
          "tagscan: the check is incomplete: %d part(s) could not be read%n",
          outcome.errors().size());
      outcome.errors().forEach(e -> err.println("  " + Summaries.error(e)));
    }
    err.flush();
  }
}
