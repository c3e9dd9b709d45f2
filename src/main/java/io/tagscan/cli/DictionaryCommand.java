package io.tagscan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tagscan dictionary}: commands that work on a tagging dictionary file. */
@Command(
    name = "dictionary",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Work with a tagging dictionary file.",
    subcommands = {
      DictionaryLintCommand.class,
      DictionaryExportCommand.class,
      DictionaryImportCommand.class,
      DictionarySqlCommand.class
    })
final class DictionaryCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing a dictionary command: lint, export, import or sql");
  }
}
