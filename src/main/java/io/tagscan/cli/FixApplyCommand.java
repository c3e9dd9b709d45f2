package io.tagscan.cli;

import io.tagscan.fix.ApplyService;
import io.tagscan.fix.PlanFilesOut;
import io.tagscan.fix.PlanJson;
import io.tagscan.fix.ResultJson;
import io.tagscan.inventory.aws.LiveTagger;
import io.tagscan.model.ApplyOutcome;
import io.tagscan.model.ExitCode;
import io.tagscan.model.FixPlan;
import io.tagscan.model.Printable;
import io.tagscan.model.UsageException;
import io.tagscan.report.FixPlanView;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tagscan fix apply}: exactly the plan's changes, after a dry run unless confirmed. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Apply exactly a plan's changes: re-read each resource and skip it if its tags changed"
          + " since the plan; add before removing; write an undo plan as it goes, and a result."
          + " A dry run unless --yes is given or confirmed on a terminal.",
    })
final class FixApplyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PLAN.json",
      description = "A plan from 'fix plan', or an undo plan from an earlier 'fix apply'.")
  Path plan;

  @Option(names = "--yes", description = "Change the tags; without it, a dry run.")
  boolean yes;

  @Option(
      names = "--undo",
      paramLabel = "FILE",
      description = "Where the undo plan goes. Default: PLAN.undo.json beside the plan.")
  Path undo;

  @Option(
      names = "--result",
      paramLabel = "FILE",
      description = "Where the result report goes. Default: PLAN.result.json beside the plan.")
  Path result;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "" + ApplyService.DEFAULT_CONCURRENCY,
      description =
          "Account × region pairs written at once; each pair's calls stay in order."
              + " Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Mixin WriteRoleOptions role;

  @Override
  public Integer call() {
    Environment environment = ((TagscanCommand) spec.root().userObject()).environment();
    PlanJson.Loaded loaded = PlanJson.load(plan);
    FixPlan read = loaded.plan();
    String checksum = loaded.checksum();
    Path undoFile = undo != null ? undo : beside(plan, ".undo.json");
    Path resultFile = result != null ? result : beside(plan, ".result.json");
    if (concurrency < 1) {
      throw new UsageException("--concurrency must be at least 1, not " + concurrency);
    }
    if (undoFile.toAbsolutePath().normalize().equals(plan.toAbsolutePath().normalize())) {
      throw new UsageException("--undo would overwrite the plan itself; choose another file");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean apply = yes || confirmed(environment, read, err);
    Instant startedAt = environment.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    ApplyOutcome outcome;
    try (LiveTagger tagger = new LiveTagger(role.toOptions())) {
      outcome =
          new ApplyService(tagger, environment.clock())
              .apply(read, checksum, !apply, undoFile, concurrency);
    }
    Instant finishedAt = environment.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    if (apply) {
      PlanFilesOut.write(
          "the result report",
          resultFile,
          ResultJson.bytes(outcome, checksum, startedAt, finishedAt));
    }
    FixPlanView.writeOutcome(outcome, out);
    StandardOutput.check(out);
    if (apply) {
      err.println(
          "tagscan: wrote "
              + Printable.of(resultFile.toString())
              + (outcome.undoChecksum() == null
                  ? ""
                  : " and the undo plan " + Printable.of(undoFile.toString())));
      err.flush();
    }
    return (outcome.whole() ? ExitCode.OK : ExitCode.INCOMPLETE).code();
  }

  /** On a terminal, asks before changing anything; elsewhere the answer is no. */
  private static boolean confirmed(Environment environment, FixPlan plan, PrintWriter err) {
    if (!environment.stdoutIsTerminal() || !environment.stderrIsTerminal()) {
      return false;
    }
    Console console = System.console();
    if (!Environment.isTerminal(console)) {
      return false;
    }
    err.printf(
        "Apply %d changes to %d resources? Type 'yes' to apply: ",
        plan.changeCount(), plan.resources().size());
    err.flush();
    String answer = console.readLine();
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).equals("yes");
  }

  private static Path beside(Path plan, String suffix) {
    String name = plan.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return plan.resolveSibling(stem + suffix);
  }
}
