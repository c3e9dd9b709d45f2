package io.tagscan.inventory;

import io.tagscan.model.Printable;
import java.util.Objects;

/**
 * The parts of an Amazon Resource Name, {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}.
 *
 * <p>{@code resourceType} is the tagging API's {@code service:type} form ({@code ec2:instance},
 * {@code s3:bucket}, {@code iam:role}); for a resource part with no type of its own it is the
 * service's usual one where AWS names it (S3 buckets, SNS topics, SQS queues), else the service
 * alone. Region and account are empty strings where the ARN carries none; otherwise the account is
 * twelve digits and the region a region name ({@code eu-west-1}), so that no text of an ARN's
 * author ever stands as an account or a region in a report.
 */
public record Arn(
    String partition,
    String service,
    String region,
    String accountId,
    String resource,
    String resourceType) {

  public Arn {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(resourceType, "resourceType");
    if (!accountId.isEmpty() && !isAccountId(accountId)) {
      throw new IllegalArgumentException(
          "not a valid ARN (its account '" + Printable.of(accountId) + "' is not 12 digits)");
    }
    if (!region.isEmpty() && !isRegion(region)) {
      throw new IllegalArgumentException(
          "not a valid ARN (its region '" + Printable.of(region) + "' is not a region name)");
    }
  }

  /** True for an AWS account id: exactly twelve ASCII digits. */
  public static boolean isAccountId(String text) {
    if (text.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * True for text shaped like an AWS region name: lower-case words joined by hyphens, the first of
   * two letters, the last a number ({@code us-east-1}, {@code us-gov-west-1}, {@code
   * eu-isoe-west-1}). Checked by hand rather than by a list, so regions AWS opens later are read.
   */
  public static boolean isRegion(String text) {
    int length = text.length();
    if (length < 6 || length > 32) {
      return false;
    }
    if (!isLower(text.charAt(0)) || !isLower(text.charAt(1)) || text.charAt(2) != '-') {
      return false;
    }
    int lastHyphen = text.lastIndexOf('-');
    if (lastHyphen == length - 1 || length - lastHyphen - 1 > 2) {
      return false;
    }
    for (int i = lastHyphen + 1; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    if (lastHyphen == 2) {
      return false;
    }
    char previous = '-';
    for (int i = 3; i < lastHyphen; i++) {
      char c = text.charAt(i);
      if (c == '-' ? previous == '-' : !isLower(c)) {
        return false;
      }
      previous = c;
    }
    return previous != '-';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  /**
   * Parses an ARN.
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong, for text that is not an
   *     ARN
   */
  public static Arn parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.startsWith("arn:")) {
      throw new IllegalArgumentException("not an ARN (it does not start with 'arn:')");
    }
    int[] colons = new int[5];
    int from = 0;
    for (int i = 0; i < colons.length; i++) {
      int at = text.indexOf(':', from);
      if (at < 0) {
        throw new IllegalArgumentException(
            "not an ARN (it needs six ':'-separated parts: arn:partition:service:region:account:resource)");
      }
      colons[i] = at;
      from = at + 1;
    }
    String partition = text.substring(colons[0] + 1, colons[1]);
    String service = text.substring(colons[1] + 1, colons[2]);
    String region = text.substring(colons[2] + 1, colons[3]);
    String account = text.substring(colons[3] + 1, colons[4]);
    String resource = text.substring(colons[4] + 1);
    if (partition.isEmpty() || service.isEmpty() || resource.isEmpty()) {
      throw new IllegalArgumentException(
          "not an ARN (partition, service and resource must not be empty)");
    }
    return new Arn(partition, service, region, account, resource, typeOf(service, resource));
  }

  /**
   * The ARN, or null for text that is not one: for what AWS itself returned, where an odd ARN still
   * names a resource to report, only without what its parts would tell.
   */
  public static Arn parseOrNull(String text) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String typeOf(String service, String resource) {
    int end = -1;
    for (int i = 0; i < resource.length(); i++) {
      char c = resource.charAt(i);
      if (c == '/' || c == ':') {
        end = i;
        break;
      }
    }
    if (end > 0) {
      return service + ":" + resource.substring(0, end);
    }
    return switch (service) {
      case "s3" -> "s3:bucket";
      case "sns" -> "sns:topic";
      case "sqs" -> "sqs:queue";
      default -> service;
    };
  }
}
