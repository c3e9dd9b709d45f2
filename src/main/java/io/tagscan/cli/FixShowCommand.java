package io.tagscan.cli;

import io.tagscan.fix.PlanJson;
import io.tagscan.model.ExitCode;
import io.tagscan.report.FixPlanView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tagscan fix show}: a plan as a diff per resource, with totals, for review. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Show a fix plan as a diff per resource, the findings it skips, and totals per account and"
          + " operation.",
    })
final class FixShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN.json", description = "A plan from 'fix plan'.")
  Path plan;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or markdown (for a pull request). Default: ${DEFAULT-VALUE}.")
  FixPlanView.Format format;

  @Option(
      names = "--show-pii",
      description = "Print values that look like personal data as they are, unmasked.")
  boolean showPii;

  @Override
  public Integer call() {
    PlanJson.Loaded read = PlanJson.load(plan);
    PrintWriter out = spec.commandLine().getOut();
    new FixPlanView(read.plan(), read.checksum(), showPii).write(format, out);
    StandardOutput.check(out);
    return ExitCode.OK.code();
  }
}
