package io.tagscan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tagscan fix}: a reviewable remediation plan, applied only on request, with an undo. */
@Command(
    name = "fix",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Fix tags from findings: plan the safe changes, show them for review, apply exactly the"
            + " plan (with an undo plan).",
    subcommands = {FixPlanCommand.class, FixShowCommand.class, FixApplyCommand.class})
final class FixCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a fix command: plan, show or apply");
  }
}
