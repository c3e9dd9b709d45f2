package io.tagscan.cli;

import io.tagscan.model.ExitCode;
import io.tagscan.model.UsageException;
import io.tagscan.report.AccountList;
import io.tagscan.report.ReportFormat;
import io.tagscan.scan.AccountsService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tagscan accounts}: the accounts (and regions) a scan with the same options would cover.
 */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "List the accounts a scan with the same options would cover, with their own tags.",
      "Shows id, name, state, account tags, and whether they carry the dictionary's",
      "accounts.mandatory tags.",
    })
final class AccountsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand TagscanCommand parent;

  @Mixin DictionaryOption dictionary;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = ReportFormatConverter.class,
      completionCandidates = AccountsCommand.Formats.class,
      description = "table, json or csv. Default: table on a terminal, json otherwise.")
  ReportFormat format;

  @Option(
      names = "--show-pii",
      description =
          "Show account tag values taken for personal data as they are instead of masked.")
  boolean showPii;

  @Mixin AwsOptionsMixin aws;

  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    Path dictionaryFile = dictionary.existing();
    ReportFormat chosen = format;
    if (chosen == null) {
      chosen = parent.environment().stdoutIsTerminal() ? ReportFormat.TABLE : ReportFormat.JSON;
    }
    if (chosen != ReportFormat.TABLE && chosen != ReportFormat.JSON && chosen != ReportFormat.CSV) {
      throw new UsageException("accounts are listed as table, json or csv, not " + chosen.slug());
    }
    AccountsService.Listing listing = AccountsService.list(dictionaryFile, aws.toOptions());
    AccountList.write(
        chosen, listing.entries(), listing.regions(), showPii, spec.commandLine().getOut());
    StandardOutput.check(spec.commandLine().getOut());
    listing
        .notes()
        .forEach(e -> spec.commandLine().getErr().println("tagscan: note: " + Summaries.error(e)));
    spec.commandLine().getErr().flush();
    return ExitCode.OK.code();
  }

  /** The formats accounts are listed in, for completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.List.of("table", "json", "csv").iterator();
    }
  }
}
