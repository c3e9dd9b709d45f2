package io.tagscan.inventory.aws;

import io.tagscan.inventory.Arn;
import io.tagscan.model.Shard;
import io.tagscan.model.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a live scan reaches AWS: credentials, endpoints, roles, regions, accounts, resource types and
 * concurrency, checked as a whole when built so that a bad combination fails before any AWS call.
 *
 * <p>Null strings mean "not given"; null lists are empty; {@code roleSessionName} defaults to
 * {@code tagscan} and {@code roleDuration} to one hour. Blank entries in lists are dropped and
 * duplicates removed, keeping the first occurrence. {@code sagemaker} turns on the direct listing
 * of SageMaker resources, whose training, processing, transform and tuning jobs are read back
 * {@code sagemakerSince} (null: {@link #DEFAULT_SAGEMAKER_SINCE}). {@code shard}, when not null,
 * keeps only the accounts of one part of the scan ({@code --shard K/N}).
 */
public record AwsOptions(
    String profile,
    String region,
    URI endpointUrl,
    String roleName,
    String roleArnTemplate,
    String externalId,
    String roleSessionName,
    Duration roleDuration,
    List<String> regions,
    boolean allRegions,
    List<String> accounts,
    Path accountsFile,
    boolean org,
    List<String> ous,
    List<String> excludeAccounts,
    List<String> resourceTypes,
    int concurrency,
    boolean sagemaker,
    Duration sagemakerSince,
    Shard shard,
    ExplorerOptions explorer) {

  /** The session name used unless {@code --role-session-name} says otherwise. */
  public static final String DEFAULT_ROLE_SESSION_NAME = "tagscan";

  /** The session length asked of STS unless {@code --role-duration} says otherwise. */
  public static final Duration DEFAULT_ROLE_DURATION = Duration.ofHours(1);

  /**
   * Account × region pairs in flight unless {@code --concurrency} says otherwise. AWS throttles per
   * account and region, so pairs of different accounts do not compete; at about 1 ms of CPU a call,
   * 64 pairs keep about one of two cores busy at 50 ms a call, and less at AWS's slower answers
   * (see the README's Performance section).
   */
  public static final int DEFAULT_CONCURRENCY = 64;

  /** How far back SageMaker jobs are listed unless {@code --sagemaker-since} says otherwise. */
  public static final Duration DEFAULT_SAGEMAKER_SINCE = Duration.ofDays(90);

  static final Duration MIN_ROLE_DURATION = Duration.ofMinutes(15);
  static final Duration MAX_ROLE_DURATION = Duration.ofHours(12);
  static final int MAX_CONCURRENCY = 256;
  static final int MAX_RESOURCE_TYPES = 100;

  private static final Pattern OU_OR_ROOT =
      Pattern.compile("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32}");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@/-]{1,512}");
  private static final Pattern RESOURCE_TYPE = Pattern.compile("[a-z0-9-]+(:[A-Za-z0-9-]+)*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  /** Options that scan every account asked for, not one part of them. */
  public AwsOptions(
      String profile,
      String region,
      URI endpointUrl,
      String roleName,
      String roleArnTemplate,
      String externalId,
      String roleSessionName,
      Duration roleDuration,
      List<String> regions,
      boolean allRegions,
      List<String> accounts,
      Path accountsFile,
      boolean org,
      List<String> ous,
      List<String> excludeAccounts,
      List<String> resourceTypes,
      int concurrency,
      boolean sagemaker,
      Duration sagemakerSince) {
    this(
        profile,
        region,
        endpointUrl,
        roleName,
        roleArnTemplate,
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
        sagemaker,
        sagemakerSince,
        null,
        null);
  }

  /** The same options reading Resource Explorer as {@code how} says. */
  public AwsOptions withExplorer(ExplorerOptions how) {
    return new AwsOptions(
        profile,
        region,
        endpointUrl,
        roleName,
        roleArnTemplate,
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
        sagemaker,
        sagemakerSince,
        shard,
        how);
  }

  /** The same options scanning only the accounts of one part ({@code --shard}); null for all. */
  public AwsOptions withShard(Shard part) {
    return new AwsOptions(
        profile,
        region,
        endpointUrl,
        roleName,
        roleArnTemplate,
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
        sagemaker,
        sagemakerSince,
        part,
        explorer);
  }

  public AwsOptions {
    profile = blankToNull(profile);
    region = blankToNull(region);
    roleName = blankToNull(roleName);
    roleArnTemplate = blankToNull(roleArnTemplate);
    externalId = blankToNull(externalId);
    roleSessionName =
        Objects.requireNonNullElse(blankToNull(roleSessionName), DEFAULT_ROLE_SESSION_NAME);
    roleDuration = Objects.requireNonNullElse(roleDuration, DEFAULT_ROLE_DURATION);
    regions = cleaned(regions);
    accounts = cleaned(accounts);
    ous = cleaned(ous);
    excludeAccounts = cleaned(excludeAccounts);
    resourceTypes = cleaned(resourceTypes);
    sagemakerSince = Objects.requireNonNullElse(sagemakerSince, DEFAULT_SAGEMAKER_SINCE);
    explorer = Objects.requireNonNullElse(explorer, ExplorerOptions.DEFAULT);

    List<String> problems = new ArrayList<>();
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      problems.add(
          "--concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
    }
    if (region != null && !Arn.isRegion(region)) {
      problems.add("--region " + quote(region) + " is not an AWS region name (such as eu-west-1)");
    }
    checkEndpoint(endpointUrl, problems);
    problems.addAll(explorer.problems());
    if (sagemakerSince.isNegative() || sagemakerSince.isZero()) {
      problems.add(
          "--sagemaker-since must be a positive duration such as 90d or 12h, not "
              + sagemakerSince.toSeconds()
              + "s");
    }
    checkRole(roleName, roleArnTemplate, externalId, roleSessionName, roleDuration, problems);
    if (allRegions && !regions.isEmpty()) {
      problems.add("--regions and --all-regions cannot be used together");
    }
    for (String name : regions) {
      if (!Arn.isRegion(name)) {
        problems.add(
            "--regions: " + quote(name) + " is not an AWS region name (such as eu-west-1)");
      }
    }
    checkAccountIds("--accounts", accounts, problems);
    checkAccountIds("--exclude-accounts", excludeAccounts, problems);
    for (String ou : ous) {
      if (!OU_OR_ROOT.matcher(ou).matches()) {
        problems.add(
            "--ou: "
                + quote(ou)
                + " is not an organizational unit id (ou-xxxx-yyyyyyyy) or root id (r-xxxx)");
      }
    }
    if (resourceTypes.size() > MAX_RESOURCE_TYPES) {
      problems.add(
          "--resource-types takes at most "
              + MAX_RESOURCE_TYPES
              + " types (the Tagging API's limit), not "
              + resourceTypes.size());
    }
    for (String type : resourceTypes) {
      if (!RESOURCE_TYPE.matcher(type).matches()) {
        problems.add(
            "--resource-types: "
                + quote(type)
                + " is not a resource type as in ARNs (service or service:type, such as"
                + " ec2:instance or s3)");
      }
    }
    reject(problems);
  }

  /**
   * Fails once for every problem found with the options, these checks' and the account planner's
   * alike.
   *
   * @throws UsageException naming every problem, when there is one
   */
  static void reject(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("; ", problems));
    }
  }

  /** True when each account is entered through an STS role rather than the caller's own keys. */
  public boolean hasRole() {
    return roleName != null || roleArnTemplate != null;
  }

  /** True when some option names accounts; otherwise the scan covers the caller's account. */
  public boolean namesAccounts() {
    return !accounts.isEmpty() || accountsFile != null || org || !ous.isEmpty();
  }

  /**
   * The ARN of the role to assume in {@code accountId}, from {@code --role-name} or the {@code
   * --role-arn} template; null without a role option.
   */
  public String roleArn(String partition, String accountId) {
    if (roleName != null) {
      return "arn:" + partition + ":iam::" + accountId + ":role/" + roleName;
    }
    if (roleArnTemplate != null) {
      return roleArnTemplate.replace("{partition}", partition).replace("{account}", accountId);
    }
    return null;
  }

  /** True when the role template names the account, so it can serve more than one account. */
  boolean roleArnVariesByAccount() {
    return roleName != null || roleArnTemplate.contains("{account}");
  }

  private static void checkEndpoint(URI endpointUrl, List<String> problems) {
    if (endpointUrl == null) {
      return;
    }
    String scheme = endpointUrl.getScheme();
    if (!endpointUrl.isAbsolute()
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || endpointUrl.getHost() == null) {
      problems.add(
          "--endpoint-url "
              + quote(endpointUrl.toString())
              + " must be an http:// or https:// URL with a host");
    }
  }

  private static void checkRole(
      String roleName,
      String roleArnTemplate,
      String externalId,
      String roleSessionName,
      Duration roleDuration,
      List<String> problems) {
    if (roleName != null && roleArnTemplate != null) {
      problems.add("--role-name and --role-arn cannot be used together: give one of them");
    }
    if (roleName != null && !ROLE_NAME.matcher(roleName).matches()) {
      problems.add(
          "--role-name "
              + quote(roleName)
              + " is not an IAM role name (letters, digits and _+=,.@-, optionally a path)");
    }
    if (roleArnTemplate != null) {
      if (!roleArnTemplate.startsWith("arn:")) {
        problems.add(
            "--role-arn "
                + quote(roleArnTemplate)
                + " must be a role ARN such as arn:{partition}:iam::{account}:role/TagAuditor");
      }
      var placeholders = PLACEHOLDER.matcher(roleArnTemplate);
      while (placeholders.find()) {
        String name = placeholders.group(1);
        if (!name.equals("account") && !name.equals("partition")) {
          problems.add(
              "--role-arn: unknown placeholder {"
                  + sanitize(name)
                  + "}; the template knows {account} and {partition}");
        }
      }
    }
    if (externalId != null && roleName == null && roleArnTemplate == null) {
      problems.add("--external-id needs --role-name or --role-arn");
    }
    if (!SESSION_NAME.matcher(roleSessionName).matches()) {
      problems.add(
          "--role-session-name "
              + quote(roleSessionName)
              + " must be 2 to 64 characters of letters, digits and _+=,.@-");
    }
    if (roleDuration.compareTo(MIN_ROLE_DURATION) < 0
        || roleDuration.compareTo(MAX_ROLE_DURATION) > 0) {
      problems.add(
          "--role-duration must be between 900s (15m) and 43200s (12h), not "
              + roleDuration.toSeconds()
              + "s");
    }
  }

  private static void checkAccountIds(String option, List<String> ids, List<String> problems) {
    for (String id : ids) {
      if (!Arn.isAccountId(id)) {
        problems.add(option + ": " + quote(id) + " is not an AWS account id (12 digits)");
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> cleaned(List<String> values) {
    if (values == null) {
      return List.of();
    }
    LinkedHashSet<String> kept = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        kept.add(value.strip());
      }
    }
    return List.copyOf(kept);
  }

  static String quote(String userText) {
    return "'" + sanitize(userText) + "'";
  }

  /** Replaces control characters so user text cannot rewrite the terminal it is printed on. */
  static String sanitize(String userText) {
    StringBuilder out = new StringBuilder(Math.min(userText.length(), 200));
    for (int i = 0; i < userText.length() && out.length() < 200; i++) {
      char c = userText.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (out.length() >= 200) {
      out.append('…');
    }
    return out.toString();
  }
}
