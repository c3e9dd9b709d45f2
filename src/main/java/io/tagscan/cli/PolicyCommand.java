package io.tagscan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tagscan policy}: commands that check the controls AWS applies against the dictionary. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Check the tag policies AWS applies against the tagging dictionary.",
    subcommands = {PolicyCheckCommand.class})
final class PolicyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a policy command: check");
  }
}
