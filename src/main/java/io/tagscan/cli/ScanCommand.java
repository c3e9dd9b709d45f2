package io.tagscan.cli;

import io.tagscan.model.UsageException;
import io.tagscan.report.CsvLayout;
import io.tagscan.report.ReportFormat;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.Summary;
import io.tagscan.scan.ScanOutcome;
import io.tagscan.scan.ScanRequest;
import io.tagscan.scan.ScanService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  everything asked was covered and nothing reached --fail-on",
      "  1  at least one finding at or above --fail-on",
      "  2  bad usage or bad input: nothing was scanned",
      "  3  the scan was incomplete (an account or region could not be read)",
      "  4  internal error"
    })
final class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand TagscanCommand parent;

  @Option(
      names = {"-d", "--dictionary"},
      paramLabel = "FILE",
      defaultValue = "tag-dictionary.yaml",
      description = "The tagging dictionary (default: ${DEFAULT-VALUE}).")
  Path dictionary;

  @Option(
      names = "--inventory",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Check these files offline instead of AWS: 'aws resourcegroupstaggingapi get-resources'"
              + " output (plain or .gz) or a tagscan snapshot.")
  List<Path> inventory = new ArrayList<>();

  @Option(
      names = "--exemptions",
      paramLabel = "FILE",
      description = "Waivers: ARN globs × rules × keys, each with a reason and an expiry date.")
  Path exemptions;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      converter = ReportFormatConverter.class,
      completionCandidates = ReportFormatConverter.Candidates.class,
      description =
          "Reports to write, comma-separated: ${COMPLETION-CANDIDATES}. Default: table on a"
              + " terminal, json otherwise.")
  List<ReportFormat> formats;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description =
          "Write the report files here (created if missing); without it, one report goes to stdout.")
  Path output;

  @Option(
      names = "--csv-layout",
      paramLabel = "LAYOUT",
      defaultValue = "findings",
      description =
          "findings: one row per finding; resources: one row per resource, one column per dictionary key (default: ${DEFAULT-VALUE}).")
  CsvLayout csvLayout;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      description =
          "The lowest severity that fails the run: error, warning, info or never (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(
      names = "--table-limit",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "Resources shown in the terminal table, worst first (default: ${DEFAULT-VALUE}).")
  int tableLimit;

  @Option(
      names = "--save-inventory",
      paramLabel = "FILE",
      description = "Also save what the scan read as a snapshot that --inventory reads back.")
  Path saveInventory;

  @Mixin(name = "aws")
  AwsOptionsMixin aws;

  @Mixin DisplayOptions display;

  @Override
  public Integer call() throws InterruptedException {
    Environment environment = parent.environment();
    Options.requireDictionary(dictionary);
    if (tableLimit < 1) {
      throw new UsageException("--table-limit must be at least 1");
    }
    ReportOptions report =
        new ReportOptions(
            formats(environment),
            output,
            csvLayout,
            failOn.threshold(),
            tableLimit,
            environment.colorOnStdout() && !display.noColor);
    ScanRequest request =
        new ScanRequest(
            dictionary,
            exemptions,
            inventory,
            inventory.isEmpty() ? aws.toOptions() : null,
            report,
            saveInventory,
            environment.clock());
    if (!inventory.isEmpty()) {
      refuseAwsOptions();
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
    out.flush();
    if (!display.quiet) {
      describe(outcome, err);
    }
    if (failOn.threshold() != null && outcome.summary().findingsAtOrAbove(failOn.threshold()) > 0) {
      return ExitCode.FINDINGS;
    }
    return outcome.complete() ? ExitCode.OK : ExitCode.INCOMPLETE;
  }

  /**
   * An offline scan reads no AWS, so an AWS option beside --inventory is a mistake to point out.
   */
  private void refuseAwsOptions() {
    List<String> given = new ArrayList<>();
    for (OptionSpec option : spec.mixins().get("aws").options()) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        given.add(option.longestName());
      }
    }
    if (!given.isEmpty()) {
      throw new UsageException(
          String.join(", ", given)
              + (given.size() == 1 ? " reads" : " read")
              + " live AWS and cannot go with --inventory, which checks files offline");
    }
  }

  private Set<ReportFormat> formats(Environment environment) {
    if (formats != null && !formats.isEmpty()) {
      return EnumSet.copyOf(formats);
    }
    if (output != null) {
      return environment.stdoutIsTerminal()
          ? EnumSet.of(ReportFormat.JSON, ReportFormat.TABLE)
          : EnumSet.of(ReportFormat.JSON);
    }
    return EnumSet.of(environment.stdoutIsTerminal() ? ReportFormat.TABLE : ReportFormat.JSON);
  }

  private void describe(ScanOutcome outcome, PrintWriter err) {
    Summary summary = outcome.summary();
    err.printf(
        "tagscan: %,d resources checked, %,d noncompliant; %s%n",
        summary.resources(), summary.noncompliant(), Summaries.findings(summary));
    if (output != null) {
      err.println("tagscan: reports written to " + output);
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
