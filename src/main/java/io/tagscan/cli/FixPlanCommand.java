package io.tagscan.cli;

import io.tagscan.fix.PlanFilesOut;
import io.tagscan.fix.PlanJson;
import io.tagscan.fix.PlanRequest;
import io.tagscan.fix.PlanService;
import io.tagscan.model.ExitCode;
import io.tagscan.model.Printable;
import io.tagscan.model.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tagscan fix plan}: the safe tag changes the findings call for, as a plan file. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Turn findings into a plan of safe tag changes: renames of misspelt keys, values in the"
          + " allowed case, white space trimmed, missing keys added from --set or the"
          + " dictionary's default. Ambiguous cases are listed as skipped. Reads AWS, never writes.",
    })
final class FixPlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DictionaryOption dictionary;

  @Option(
      names = "--from-report",
      paramLabel = "REPORT.json",
      description = "Plan from the resources of a saved JSON report instead of reading them.")
  Path fromReport;

  @Option(
      names = "--inventory",
      arity = "1..*",
      paramLabel = "FILE",
      parameterConsumer = InventoryFiles.class,
      description = "Plan from these inventory files, as 'tagscan scan --inventory' reads them.")
  List<Path> inventory = new ArrayList<>();

  @Option(
      names = "--exemptions",
      paramLabel = "FILE",
      description = "Waivers: a waived finding is not fixed.")
  Path exemptions;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "The value to add where the mandatory KEY is missing (repeatable); without it, the"
              + " key's default in the dictionary, else the finding is skipped.")
  List<String> set = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PLAN.json",
      required = true,
      description = "Where to write the plan.")
  Path output;

  @Mixin(name = "aws")
  AwsOptionsMixin aws;

  @Override
  public Integer call() {
    Environment environment = ((TagscanCommand) spec.root().userObject()).environment();
    Map<String, String> values = values();
    if (fromReport != null && !inventory.isEmpty()) {
      throw new UsageException("--from-report and --inventory are two sources: give one");
    }
    boolean live = fromReport == null && inventory.isEmpty();
    if (!live) {
      // A plan from a report or files reads no AWS, so an AWS option beside them is a mistake.
      AwsOptionsMixin.refuseBeside(spec, "--from-report or --inventory", "aws");
    }
    PlanRequest request =
        new PlanRequest(
            dictionary.existing(),
            exemptions,
            fromReport,
            inventory,
            live ? aws.toOptions() : null,
            values,
            environment.clock());
    PlanService.Outcome outcome =
        PlanService.plan(request, PlanService.LiveScannerFactory.defaults());
    PlanJson.Encoded encoded = PlanJson.encode(outcome.plan());
    PlanFilesOut.write("the plan", output, encoded.bytes());
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "tagscan: wrote %s: %d changes on %d resources, %d findings skipped (%s)%n",
        Printable.of(output.toString()),
        outcome.plan().changeCount(),
        outcome.plan().resources().size(),
        outcome.plan().skipped().size(),
        encoded.checksum());
    if (!outcome.complete()) {
      err.printf(
          "tagscan: the plan is incomplete: %d part(s) could not be read%n",
          outcome.errors().size());
      outcome.errors().forEach(e -> err.println("  " + Summaries.error(e)));
    }
    err.flush();
    return (outcome.complete() ? ExitCode.OK : ExitCode.INCOMPLETE).code();
  }

  private Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String pair : set) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        problems.add("--set '" + Printable.of(pair) + "' must be KEY=VALUE");
      } else if (values.put(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
        problems.add("--set names '" + Printable.of(pair.substring(0, equals)) + "' twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("; ", problems));
    }
    return values;
  }
}
