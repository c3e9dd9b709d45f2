package io.tagscan.cli;

import io.tagscan.inventory.aws.AwsOptions;
import io.tagscan.model.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options that say how to reach AWS and what to read there, shared by {@code scan} and {@code
 * accounts}; {@link #toOptions()} checks them as a whole.
 */
public final class AwsOptionsMixin {

  /**
   * Refuses the options of {@code mixins} given on {@code spec}'s command line, which read live
   * AWS, beside an option that reads none ({@code offline}, as the message names it): each given
   * one is named, so the user sees which to drop.
   */
  static void refuseBeside(CommandSpec spec, String offline, String... mixins) {
    List<String> given = new ArrayList<>();
    for (String mixin : mixins) {
      for (OptionSpec option : spec.mixins().get(mixin).options()) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          given.add(option.longestName());
        }
      }
    }
    if (!given.isEmpty()) {
      throw new UsageException(
          String.join(", ", given)
              + (given.size() == 1 ? " reads" : " read")
              + " live AWS and cannot go with "
              + offline);
    }
  }

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Named profile from ~/.aws/config and ~/.aws/credentials for the caller's credentials"
              + " and region. Default: the SDK's chain (environment, AWS_PROFILE, default profile,"
              + " container or instance role).")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "Region the caller's calls start from, and the region scanned when neither --regions"
              + " nor --all-regions is given. Default: AWS_REGION or the profile's region.")
  String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "Send every AWS call (STS, Organizations, Tagging API) to this endpoint, for emulators"
              + " and tests. Overrides AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>, which are"
              + " honoured when this option is absent.")
  URI endpointUrl;

  @Option(
      names = "--role-name",
      paramLabel = "NAME",
      description =
          "Role to assume in every account: arn:<partition>:iam::<account>:role/NAME. Without a"
              + " role option only the caller's own account can be scanned.")
  String roleName;

  @Option(
      names = "--role-arn",
      paramLabel = "TEMPLATE",
      description =
          "Role ARN to assume, with {account} and {partition} filled in per account, e.g."
              + " 'arn:{partition}:iam::{account}:role/audit/TagAuditor'.")
  String roleArn;

  @Option(
      names = "--external-id",
      paramLabel = "ID",
      description = "External ID the role's trust policy requires.")
  String externalId;

  @Option(
      names = "--role-session-name",
      paramLabel = "NAME",
      defaultValue = AwsOptions.DEFAULT_ROLE_SESSION_NAME,
      description =
          "Session name for the assumed roles, shown in CloudTrail (2-64 characters)."
              + " Default: ${DEFAULT-VALUE}.")
  String roleSessionName;

  @Option(
      names = "--role-duration",
      paramLabel = "DURATION",
      defaultValue = "1h",
      converter = DurationConverter.class,
      description =
          "Length of each role session, such as 1h, 45m, 3600s or 1h30m (15m to 12h, and no"
              + " longer than the role allows). Sessions renew themselves during long scans."
              + " Default: ${DEFAULT-VALUE}.")
  Duration roleDuration;

  @Option(
      names = "--regions",
      split = ",",
      paramLabel = "REGION",
      description =
          "Regions to scan, comma-separated. Default: the --region. Global resources (IAM,"
              + " CloudFront, Route 53) are read with us-east-1 (us-gov-west-1 in GovCloud) and"
              + " only when it is among the regions.")
  List<String> regions = new ArrayList<>();

  @Option(
      names = "--all-regions",
      description =
          "Scan every region of the partition where the Tagging API is offered; regions an"
              + " account has not enabled are reported as skipped, not as failures.")
  boolean allRegions;

  @Option(
      names = "--accounts",
      split = ",",
      paramLabel = "ID",
      description = "Accounts to scan, comma-separated 12-digit ids.")
  List<String> accounts = new ArrayList<>();

  @Option(
      names = "--accounts-file",
      paramLabel = "FILE",
      description = "File of accounts to scan: one 12-digit id a line, '#' starts a comment.")
  Path accountsFile;

  @Option(
      names = "--org",
      description =
          "Scan every ACTIVE account of the organization (Organizations ListAccounts; needs the"
              + " management account or a delegated administrator).")
  boolean org;

  @Option(
      names = "--ou",
      split = ",",
      paramLabel = "OU",
      description =
          "Scan every ACTIVE account in this organizational unit and every OU beneath it"
              + " (ou-xxxx-yyyyyyyy, or a root r-xxxx); repeatable, or comma-separated.")
  List<String> ous = new ArrayList<>();

  @Option(
      names = "--exclude-accounts",
      split = ",",
      paramLabel = "ID",
      description = "Accounts to leave out, comma-separated 12-digit ids.")
  List<String> excludeAccounts = new ArrayList<>();

  @Option(
      names = "--resource-types",
      split = ",",
      paramLabel = "TYPE",
      description =
          "Only these resource types, as in ARNs (service or service:type), comma-separated,"
              + " e.g. ec2:instance,s3,sagemaker:endpoint. Default: every type.")
  List<String> resourceTypes = new ArrayList<>();

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "" + AwsOptions.DEFAULT_CONCURRENCY,
      description = "Account × region pairs read at once. Default: ${DEFAULT-VALUE}.")
  int concurrency = AwsOptions.DEFAULT_CONCURRENCY;

  @Option(
      names = "--no-sagemaker",
      description =
          "Skip direct SageMaker discovery: only resources the Tagging API returns are read, so"
              + " SageMaker resources that were never tagged go unseen.")
  boolean noSagemaker;

  @Option(
      names = "--sagemaker-since",
      paramLabel = "DURATION",
      defaultValue = "90d",
      converter = DurationConverter.class,
      description =
          "How far back SageMaker training, processing, transform and tuning jobs are listed,"
              + " such as 90d, 12h, 30m or 1h30m. Default: ${DEFAULT-VALUE}.")
  Duration sagemakerSince = AwsOptions.DEFAULT_SAGEMAKER_SINCE;

  /**
   * The options as a checked record.
   *
   * @throws io.tagscan.model.UsageException naming every option that is wrong
   */
  public AwsOptions toOptions() {
    return new AwsOptions(
        profile,
        region,
        endpointUrl,
        roleName,
        roleArn,
        externalId,
        roleSessionName,
        roleDuration,
        regions,
        allRegions,
        accounts,
        accountsFile,
        org,
        ous,
        excludeAccounts,
        resourceTypes,
        concurrency,
        !noSagemaker,
        sagemakerSince);
  }

  /** Reads {@code 90d}, {@code 1h}, {@code 45m}, {@code 3600s}, {@code 1h30m} or plain seconds. */
  static final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d{1,9})([dhms])");

    @Override
    public Duration convert(String text) {
      String value = text.strip().toLowerCase(Locale.ROOT);
      if (value.matches("\\d{1,9}")) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      Matcher part = PART.matcher(value);
      Duration total = Duration.ZERO;
      int at = 0;
      while (at < value.length() && part.find(at) && part.start() == at) {
        long amount = Long.parseLong(part.group(1));
        total =
            total.plus(
                switch (part.group(2)) {
                  case "d" -> Duration.ofDays(amount);
                  case "h" -> Duration.ofHours(amount);
                  case "m" -> Duration.ofMinutes(amount);
                  default -> Duration.ofSeconds(amount);
                });
        at = part.end();
      }
      if (value.isEmpty() || at != value.length()) {
        throw new TypeConversionException(
            "'" + text + "' is not a duration; write it like 90d, 1h, 45m, 3600s or 1h30m");
      }
      return total;
    }
  }
}
