package io.tagscan.cli;

import io.tagscan.inventory.aws.AwsOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How {@code fix apply} reaches the accounts of a plan: the caller's credentials and the role to
 * assume in each account, as {@code scan} takes them, for a write-capable role kept apart from the
 * read-only scanning role. Accounts and regions come from the plan.
 */
final class WriteRoleOptions {

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Named profile for the caller's credentials and region.")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "Region the caller's calls start from (STS; resources without a region).")
  String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Send every AWS call to this endpoint, for emulators and tests.")
  URI endpointUrl;

  @Option(
      names = "--role-name",
      paramLabel = "NAME",
      description =
          "Write-capable role to assume in every account of the plan:"
              + " arn:<partition>:iam::<account>:role/NAME.")
  String roleName;

  @Option(
      names = "--role-arn",
      paramLabel = "TEMPLATE",
      description = "Role ARN to assume, with {account} and {partition} filled in per account.")
  String roleArn;

  @Option(
      names = "--external-id",
      paramLabel = "ID",
      description = "External ID the role's trust policy requires.")
  String externalId;

  @Option(
      names = "--role-session-name",
      paramLabel = "NAME",
      defaultValue = "tagscan-fix",
      description =
          "Session name for the assumed roles, shown in CloudTrail. Default: ${DEFAULT-VALUE}.")
  String roleSessionName;

  @Option(
      names = "--role-duration",
      paramLabel = "DURATION",
      defaultValue = "1h",
      converter = AwsOptionsMixin.DurationConverter.class,
      description = "Length of each role session (15m to 12h). Default: ${DEFAULT-VALUE}.")
  Duration roleDuration;

  /** The options as checked AWS options, with no accounts or regions of their own. */
  AwsOptions toOptions() {
    return new AwsOptions(
        profile,
        region,
        endpointUrl,
        roleName,
        roleArn,
        externalId,
        roleSessionName,
        roleDuration,
        List.of(),
        false,
        List.of(),
        null,
        false,
        List.of(),
        List.of(),
        List.of(),
        4,
        false,
        null);
  }
}
