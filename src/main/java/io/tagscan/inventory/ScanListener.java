package io.tagscan.inventory;

import io.tagscan.model.Account;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import java.util.SortedMap;

/**
 * Receives what a source reads, as it reads it: resources, the accounts they belong to, the parts
 * that could not be read, and progress. Live sources call it from many threads at once, so every
 * implementation must be thread-safe.
 */
public interface ScanListener {

  /** A resource was read; called once per distinct ARN. */
  void resource(Resource resource);

  /** An account the scan covers, with its name and tags where known; called once per account. */
  default void account(Account account) {}

  /**
   * The tags of a SageMaker domain, told before any resource of its account and region, so that
   * rules can check that the domain's tags reached the resources created in it.
   */
  default void domain(String domainArn, SortedMap<String, String> tags) {}

  /** A part of the scan could not be read; the scan goes on. */
  default void error(ScanError error) {}

  /** The number of units of work (account × region pairs, or files) is now known. */
  default void unitsPlanned(int total) {}

  /** One unit of work ended, read whole or not. */
  default void unitDone(String accountId, String region, boolean complete) {}

  /** The source has read everything it will; the reports are written next. */
  default void finished() {}
}
