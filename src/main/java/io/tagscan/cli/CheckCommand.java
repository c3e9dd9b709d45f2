package io.tagscan.cli;

import io.tagscan.inventory.iac.StackTags;
import io.tagscan.model.ExitCode;
import io.tagscan.model.UsageException;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.Summary;
import io.tagscan.scan.CheckRequest;
import io.tagscan.scan.CheckService;
import io.tagscan.scan.ScanOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tagscan check PATH…}: Terraform plans and CloudFormation templates, before deploy. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Check Terraform plans (terraform show -json) and CloudFormation or SAM templates against the"
          + " tagging dictionary before deploy.",
      "Each finding points at its file, line and column; --format sarif for code scanning.",
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand TagscanCommand parent;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Plans in JSON and templates in YAML or JSON; each file's kind is read from it.")
  List<Path> files = new ArrayList<>();

  @Mixin DictionaryOption dictionary;

  @Option(
      names = "--exemptions",
      paramLabel = "FILE",
      description =
          "Waivers; 'addresses' globs match Terraform addresses and CloudFormation logical ids.")
  Path exemptions;

  @Option(
      names = "--stack-tags",
      paramLabel = "K=V,...",
      description = "Stack-level tags CloudFormation propagates to every resource of a template.")
  String stackTags;

  @Option(
      names = "--stack-tags-file",
      paramLabel = "FILE",
      description =
          "Stack-level tags from a file as 'aws cloudformation deploy --tags' takes them: a JSON"
              + " list of {\"Key\",\"Value\"} or of \"Key=Value\".")
  Path stackTagsFile;

  @Mixin ReportChoices reports;

  @Mixin DisplayOptions display;

  @Override
  public Integer call() {
    Environment environment = parent.environment();
    ReportOptions report = reports.toOptions(environment, display.noColor);
    CheckRequest request =
        new CheckRequest(
            dictionary.existing(), exemptions, files, stackTags(), report, environment.clock());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScanOutcome outcome = CheckService.run(request, out);
    StandardOutput.check(out);
    if (!display.quiet) {
      describe(outcome, report, err);
    }
    if (reports.failOn.threshold() != null
        && outcome.summary().failingFindings(reports.failOn.threshold()) > 0) {
      return ExitCode.FINDINGS.code();
    }
    return ExitCode.OK.code();
  }

  private SortedMap<String, String> stackTags() {
    if (stackTags != null && stackTagsFile != null) {
      throw new UsageException(
          "give the stack tags with --stack-tags or --stack-tags-file, not both");
    }
    if (stackTags != null) {
      return StackTags.parse(stackTags);
    }
    return stackTagsFile == null ? new TreeMap<>() : StackTags.read(stackTagsFile);
  }

  private static void describe(ScanOutcome outcome, ReportOptions report, PrintWriter err) {
    Summary summary = outcome.summary();
    err.printf(
        "tagscan: %,d resources checked, %,d noncompliant; %s%n",
        summary.resources(), summary.noncompliant(), Summaries.findings(summary));
    outcome.notes().forEach(note -> err.println("tagscan: note: " + note));
    List<String> written = Summaries.files(report);
    if (!written.isEmpty()) {
      err.println("tagscan: wrote " + String.join(", ", written));
    }
    err.flush();
  }
}
