package io.tagscan.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A part of the scan that could not be read: an account, a region of an account, or a single call;
 * {@code region} is empty when the whole account failed. The code and message are stored with every
 * credential in them redacted ({@link Secrets}).
 */
public record ScanError(
    String accountId, String region, String operation, String code, String message) {

  /** The code of an error that only says the region is not enabled for the account. */
  public static final String REGION_NOT_ENABLED = "RegionNotEnabled";

  /**
   * The one order errors are written in, by every report and the snapshot: account, region,
   * operation, then code and message, so that the same errors give the same bytes.
   */
  public static final Comparator<ScanError> ORDER =
      Comparator.comparing(ScanError::accountId)
          .thenComparing(ScanError::region)
          .thenComparing(ScanError::operation)
          .thenComparing(ScanError::code)
          .thenComparing(ScanError::message);

  public ScanError {
    accountId = Objects.requireNonNullElse(accountId, "");
    region = Objects.requireNonNullElse(region, "");
    Objects.requireNonNull(operation, "operation");
    // AWS, or a proxy, may echo a request's credentials in an error: they never get this far.
    code = Secrets.redact(Objects.requireNonNullElse(code, ""));
    message = Secrets.redact(Objects.requireNonNullElse(message, ""));
  }

  /** True when this only says a region is not enabled for the account: a skip, not a failure. */
  public boolean skipped() {
    return REGION_NOT_ENABLED.equals(code);
  }
}
