package io.tagscan.cli;

import io.tagscan.inventory.aws.ExplorerOptions;
import io.tagscan.model.Printable;
import io.tagscan.model.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The options of {@code scan} that say how AWS Resource Explorer is read; {@link #toOptions()}
 * checks them.
 */
public final class ExplorerOptionsMixin {

  @Option(
      names = "--source",
      paramLabel = "auto|tagging-api|resource-explorer|combined",
      description =
          "Where a live scan reads resources. auto (default): the Tagging API, plus the resources"
              + " only Resource Explorer returns when a view with tags is set up; tagging-api: the"
              + " Tagging API alone; resource-explorer: one Resource Explorer view alone, the"
              + " whole organization from one account, no role assumed; combined: as auto, but a"
              + " view must be set up.")
  String source;

  @Option(
      names = "--view-arn",
      paramLabel = "ARN",
      description =
          "The Resource Explorer view to read. Default: the default view of --rex-region.")
  String viewArn;

  @Option(
      names = "--rex-region",
      paramLabel = "REGION",
      description =
          "Where Resource Explorer is asked: the aggregator index's region. Default: the region"
              + " of --view-arn, else --region.")
  String rexRegion;

  @Option(
      names = "--untagged-types",
      split = ",",
      paramLabel = "GLOBS",
      description =
          "Resource types (ec2:*, s3:bucket) whose resources found by Resource Explorer with no"
              + " user tag are reported; others are left out and counted. Default: the services"
              + " the Tagging API supports.")
  List<String> untaggedTypes = new ArrayList<>();

  /** The options given, checked. */
  public ExplorerOptions toOptions() {
    ExplorerOptions.Mode mode = ExplorerOptions.Mode.AUTO;
    if (source != null) {
      mode = ExplorerOptions.Mode.fromSlug(source);
      if (mode == null) {
        throw new UsageException(
            "--source '"
                + Printable.of(source)
                + "' is not a source: "
                + Arrays.stream(ExplorerOptions.Mode.values())
                    .map(ExplorerOptions.Mode::slug)
                    .collect(Collectors.joining(", ")));
      }
    }
    if (mode == ExplorerOptions.Mode.TAGGING_API && !untaggedTypes.isEmpty()) {
      throw new UsageException(
          "--untagged-types chooses which resources found by Resource Explorer count, which"
              + " --source tagging-api never reads");
    }
    return new ExplorerOptions(mode, viewArn, rexRegion, untaggedTypes);
  }
}
