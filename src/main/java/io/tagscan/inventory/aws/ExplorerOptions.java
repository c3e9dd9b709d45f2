package io.tagscan.inventory.aws;

import io.tagscan.dictionary.Glob;
import io.tagscan.inventory.Arn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a live scan uses AWS Resource Explorer ({@code --source}, {@code --view-arn}, {@code
 * --rex-region}, {@code --untagged-types}): not at all, alone, or beside the Tagging API to add the
 * resources it never returns.
 *
 * <p>{@code viewArn} null means the default view of {@code region}; {@code region} null means the
 * scan's home region; {@code untaggedTypes} empty means {@link #DEFAULT_UNTAGGED_TYPES}.
 */
public record ExplorerOptions(
    Mode mode, String viewArn, String region, List<String> untaggedTypes) {

  /** Where a live scan reads its resources from. */
  public enum Mode {
    /** Beside the Tagging API when a Resource Explorer view with tags is found; else without. */
    AUTO("auto"),
    /** The Tagging API (and SageMaker's own calls) alone. */
    TAGGING_API("tagging-api"),
    /** Resource Explorer alone: the whole view from one account, no role assumed. */
    RESOURCE_EXPLORER("resource-explorer"),
    /** The Tagging API, plus what only Resource Explorer returns; a view must be set up. */
    COMBINED("combined");

    private final String slug;

    Mode(String slug) {
      this.slug = slug;
    }

    /** The name {@code --source} takes. */
    public String slug() {
      return slug;
    }

    /** The mode named so, or null. */
    public static Mode fromSlug(String slug) {
      for (Mode mode : values()) {
        if (mode.slug.equals(slug)) {
          return mode;
        }
      }
      return null;
    }
  }

  /**
   * The resource types whose untagged resources count by default: the services the Tagging API
   * supports, read from {@code untagged-types.txt} beside this class (one glob a line), so that
   * AWS-internal resources nobody can tag do not flood the report.
   */
  public static final List<String> DEFAULT_UNTAGGED_TYPES = readDefaults();

  /** Options that leave Resource Explorer to chance: used when a view is found. */
  public static final ExplorerOptions DEFAULT = new ExplorerOptions(Mode.AUTO, null, null, null);

  public ExplorerOptions {
    Objects.requireNonNull(mode, "mode");
    viewArn = viewArn == null || viewArn.isBlank() ? null : viewArn.strip();
    region = region == null || region.isBlank() ? null : region.strip();
    untaggedTypes =
        untaggedTypes == null || untaggedTypes.isEmpty()
            ? DEFAULT_UNTAGGED_TYPES
            : List.copyOf(untaggedTypes);
  }

  /** True when a resource of this type with no user tag is to be reported as untagged. */
  public boolean countsUntagged(String resourceType) {
    for (String pattern : untaggedTypes) {
      if (Glob.of(pattern).matches(resourceType)) {
        return true;
      }
    }
    return false;
  }

  /** What is wrong with these options, in the words of the command line; empty when nothing. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (region != null && !Arn.isRegion(region)) {
      problems.add(
          "--rex-region "
              + AwsOptions.quote(region)
              + " is not an AWS region name (such as us-east-1)");
    }
    if (viewArn == null) {
      return problems;
    }
    Arn arn = Arn.parseOrNull(viewArn);
    if (arn == null
        || !arn.service().equals("resource-explorer-2")
        || !arn.resource().startsWith("view/")) {
      problems.add(
          "--view-arn "
              + AwsOptions.quote(viewArn)
              + " is not a Resource Explorer view ARN"
              + " (arn:aws:resource-explorer-2:REGION:ACCOUNT:view/NAME/ID)");
    }
    if (mode == Mode.TAGGING_API) {
      problems.add(
          "--view-arn names a Resource Explorer view, which --source tagging-api never reads");
    }
    return problems;
  }

  private static List<String> readDefaults() {
    List<String> globs = new ArrayList<>();
    try (InputStream in = ExplorerOptions.class.getResourceAsStream("untagged-types.txt")) {
      if (in == null) {
        throw new IllegalStateException("untagged-types.txt is missing from the build");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String glob = line.strip();
        if (!glob.isEmpty() && !glob.startsWith("#")) {
          globs.add(glob);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(globs);
  }
}
