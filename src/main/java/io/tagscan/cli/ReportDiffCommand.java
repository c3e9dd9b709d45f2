package io.tagscan.cli;

import io.tagscan.model.ExitCode;
import io.tagscan.model.UsageException;
import io.tagscan.report.ReportDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code tagscan report diff}: what changed between two saved JSON reports. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Compare two saved tagscan JSON reports: findings new, fixed and unchanged (by ARN, rule and"
          + " key), resources added and removed, and the change of compliance and coverage.",
    })
final class ReportDiffCommand implements Callable<Integer> {

  /** Reads {@code --format} of a diff by its slug, in any letter case. */
  static final class FormatConverter implements ITypeConverter<ReportDiff.Format> {
    @Override
    public ReportDiff.Format convert(String value) {
      ReportDiff.Format format = ReportDiff.Format.fromSlug(value.trim());
      if (format == null) {
        throw new TypeConversionException(
            "unknown format '" + value + "'; expected one of: " + String.join(", ", new Formats()));
      }
      return format;
    }
  }

  /** The formats of a diff, for help and completion. */
  static final class Formats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(ReportDiff.Format.values()).map(ReportDiff.Format::slug).iterator();
    }
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier saved report.")
  Path oldReport;

  @Parameters(index = "1", paramLabel = "NEW.json", description = "The later saved report.")
  Path newReport;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      completionCandidates = Formats.class,
      description =
          "${COMPLETION-CANDIDATES}. Default: table on a terminal, json otherwise (markdown for a"
              + " merge-request comment).")
  ReportDiff.Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the diff to this file (whole or not at all) instead of stdout.")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      converter = FailOn.Converter.class,
      completionCandidates = FailOn.Candidates.class,
      description =
          "Exit 1 when a new finding reaches this severity: error, warning, info or never"
              + " (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "Changes of each kind listed in the table and the Markdown (default: ${DEFAULT-VALUE}).")
  int limit;

  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    Environment environment = ((TagscanCommand) spec.root().userObject()).environment();
    if (output != null && output.toString().isBlank()) {
      throw new UsageException("-o/--output needs a file, not an empty name");
    }
    ReportDiff.Format chosen =
        format != null
            ? format
            : environment.stdoutIsTerminal() && output == null
                ? ReportDiff.Format.TABLE
                : ReportDiff.Format.JSON;
    ReportDiff.Options options =
        new ReportDiff.Options(chosen, failOn.threshold(), limit, environment.tableWidth());
    ReportDiff.Outcome outcome;
    if (output != null) {
      outcome = ReportDiff.run(oldReport, newReport, options, output);
    } else {
      try {
        outcome = ReportDiff.run(oldReport, newReport, options, spec.commandLine().getOut());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      StandardOutput.check(spec.commandLine().getOut());
    }
    return (outcome.failed() ? ExitCode.FINDINGS : ExitCode.OK).code();
  }
}
