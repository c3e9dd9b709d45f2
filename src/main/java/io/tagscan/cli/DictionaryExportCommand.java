package io.tagscan.cli;

import io.tagscan.controls.ControlFiles;
import io.tagscan.controls.ControlTarget;
import io.tagscan.controls.Export;
import io.tagscan.controls.ExportOptions;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.model.ExitCode;
import io.tagscan.model.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tagscan dictionary export}: the dictionary as a tag policy, SCP, Config rule or
 * TagOptions.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Write the dictionary as proactive AWS controls (to stdout without -o).")
final class DictionaryExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DictionaryOption dictionary;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "TARGET",
      description = "tag-policy, scp, config-rule or tag-options.")
  String to;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Write the files into DIR rather than printing them.")
  Path output;

  @Option(
      names = "--enforce",
      split = ",",
      paramLabel = "TYPES",
      description = "tag-policy: resource types to enforce (enforced_for), e.g. ec2:instance,s3:*.")
  List<String> enforce = new ArrayList<>();

  @Option(
      names = "--exclude-actions",
      split = ",",
      paramLabel = "LIST",
      description = "scp: create actions to leave out, e.g. sagemaker:CreateSpace.")
  List<String> excludeActions = new ArrayList<>();

  @Override
  public Integer call() {
    ControlTarget target = ControlTarget.bySlug(to);
    if (target == null) {
      throw new UsageException(
          "--to: '" + to + "' is not one of " + String.join(", ", ControlTarget.slugs()));
    }
    Export export =
        target.export(
            DictionaryLoader.load(dictionary.existing()),
            new ExportOptions(enforce, new HashSet<>(excludeActions)));
    if (output == null) {
      ControlFiles.print(export.files(), spec.commandLine().getOut());
    } else {
      ControlFiles.write(export.files(), output);
    }
    PrintWriter err = spec.commandLine().getErr();
    export.notes().forEach(err::println);
    err.flush();
    return ExitCode.OK.code();
  }
}
