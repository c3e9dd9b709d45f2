package io.tagscan.inventory.aws;

import io.tagscan.model.ScanError;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Turns what the SDK throws into {@link ScanError}s that name the operation and AWS's code. */
final class AwsFailures {

  /** The code of a region skipped because it is not enabled for the account. */

  /**
   * What AWS answers, with credentials that work elsewhere, in a region the account has not enabled
   * (opt-in regions): the region does not know the account's credentials.
   */
  private static final Set<String> NOT_ENABLED_CODES =
      Set.of("UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure", "OptInRequired");

  private static final Set<String> ACCESS_DENIED_CODES =
      Set.of("AccessDenied", "AccessDeniedException", "AWSOrganizationsNotInUseException");

  private AwsFailures() {}

  /** The exception behind the wrappers that futures and executors add. */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** AWS's error code, else the HTTP status, else the kind of client-side failure. */
  static String code(SdkException failure) {
    if (failure instanceof AwsServiceException service) {
      AwsErrorDetails details = service.awsErrorDetails();
      if (details != null && details.errorCode() != null && !details.errorCode().isBlank()) {
        return details.errorCode();
      }
      return "HTTP " + service.statusCode();
    }
    if (failure instanceof PageTokens.Loop) {
      return PageTokens.PAGINATION_LOOP;
    }
    return failure.getClass().getSimpleName();
  }

  /** AWS's own message, without the SDK's request-id suffix; never a credential. */
  static String message(SdkException failure) {
    if (failure instanceof AwsServiceException service) {
      AwsErrorDetails details = service.awsErrorDetails();
      if (details != null && details.errorMessage() != null && !details.errorMessage().isBlank()) {
        return details.errorMessage();
      }
    }
    return failure.getMessage() == null ? "" : failure.getMessage();
  }

  static ScanError error(String accountId, String region, String operation, SdkException failure) {
    StsException sts = stsCause(failure);
    if (sts != null && !operation.equals("AssumeRole") && !operation.equals("GetCallerIdentity")) {
      // The account's role credentials failed to refresh in the middle of a call.
      return new ScanError(accountId, region, "AssumeRole", code(sts), message(sts));
    }
    return new ScanError(accountId, region, operation, code(failure), message(failure));
  }

  /** The note for a region skipped because the account has not enabled it. */
  static ScanError regionSkipped(String accountId, String region, SdkException failure) {
    return new ScanError(
        accountId,
        region,
        "GetResources",
        ScanError.REGION_NOT_ENABLED,
        "region "
            + region
            + " is not enabled for this account, so it was skipped (AWS answered "
            + code(failure)
            + ": "
            + message(failure)
            + ")");
  }

  /**
   * True when the failure says the region is not enabled for the account. Credentials that were
   * just proven (by STS) yet are unknown to a region mean the region is not enabled; the home
   * region, where the caller's own calls go, is never taken for one, so a real credential problem
   * there stays a failure. {@code OptInRequired} says so outright, anywhere.
   */
  static boolean regionNotEnabled(SdkException failure, String region, String homeRegion) {
    if (!(failure instanceof AwsServiceException)) {
      return false;
    }
    String code = code(failure);
    return code.equals("OptInRequired")
        || (NOT_ENABLED_CODES.contains(code) && !region.equals(homeRegion));
  }

  /** The codes with which AWS says the credentials a call was signed with have expired. */
  private static final Set<String> EXPIRED_CODES = Set.of("ExpiredToken", "ExpiredTokenException");

  /** True when AWS says the credentials the call was signed with have expired. */
  static boolean credentialsExpired(SdkException failure) {
    return failure instanceof AwsServiceException && EXPIRED_CODES.contains(code(failure));
  }

  /** True when Organizations refuses the caller altogether, rather than one request. */
  static boolean organizationsDenied(SdkException failure) {
    return failure instanceof AwsServiceException && ACCESS_DENIED_CODES.contains(code(failure));
  }

  private static StsException stsCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StsException sts) {
        return sts;
      }
      if (t.getCause() == t) {
        return null;
      }
    }
    return null;
  }
}
