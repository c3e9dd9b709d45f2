package io.tagscan.model;

import java.util.Objects;

/**
 * A part of the scan that could not be read: an account, a region of an account, or a single call;
 * {@code region} is empty when the whole account failed.
 */
public record ScanError(
    String accountId, String region, String operation, String code, String message) {

  /** The code of an error that only says the region is not enabled for the account. */
  public static final String REGION_NOT_ENABLED = "RegionNotEnabled";

  public ScanError {
    accountId = Objects.requireNonNullElse(accountId, "");
    region = Objects.requireNonNullElse(region, "");
    Objects.requireNonNull(operation, "operation");
    code = Objects.requireNonNullElse(code, "");
    message = Objects.requireNonNullElse(message, "");
  }

  /** True when this only says a region is not enabled for the account: a skip, not a failure. */
  public boolean skipped() {
    return REGION_NOT_ENABLED.equals(code);
  }
}
