package io.tagscan.scan;

import io.tagscan.model.ScanError;
import java.util.HashSet;
import java.util.Set;

/**
 * Which accounts' own tags Organizations could not read, learned from the errors a source reports:
 * such an account cannot be judged against {@code accounts.mandatory}. An error naming no account
 * means none of them could be read. Thread-safe.
 */
final class UnreadableAccountTags {

  /** The Organizations call that reads an account's tags; sources name it when it fails. */
  static final String OPERATION = "ListTagsForResource";

  private final Set<String> accounts = new HashSet<>();
  private boolean all;

  /** Learns from one error; returns true when it was about account tags. */
  synchronized boolean learn(ScanError error) {
    if (!OPERATION.equals(error.operation())) {
      return false;
    }
    if (error.accountId().isEmpty()) {
      all = true;
    } else {
      accounts.add(error.accountId());
    }
    return true;
  }

  /** True when the account's own tags are unknown. */
  synchronized boolean contains(String accountId) {
    return all || accounts.contains(accountId);
  }

  /** True for an error that says only that an account's own name or tags could not be read. */
  static boolean aboutAccountOnly(ScanError error) {
    return OPERATION.equals(error.operation()) || "DescribeAccount".equals(error.operation());
  }
}
