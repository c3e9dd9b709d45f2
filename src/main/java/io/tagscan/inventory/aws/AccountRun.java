package io.tagscan.inventory.aws;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** One account being read: its credentials, its regions still running, the ARNs it has seen. */
final class AccountRun {
  final String accountId;
  final AwsCredentialsProvider credentials;
  final AtomicInteger pairsLeft;
  // Per account, dropped with it, so memory follows the accounts in flight, not all of them.
  final Set<String> seen = ConcurrentHashMap.newKeySet();
  // Resources the Tagging API returned, by region: kept only beside Resource Explorer.
  final ConcurrentMap<String, Integer> taggingByRegion = new ConcurrentHashMap<>();
  // True once any of its pairs read a page or was skipped as not enabled.
  private volatile boolean readSomething;

  AccountRun(String accountId, AwsCredentialsProvider credentials, int pairs) {
    this.accountId = accountId;
    this.credentials = credentials;
    this.pairsLeft = new AtomicInteger(pairs);
  }

  void markRead() {
    if (!readSomething) {
      readSomething = true;
    }
  }

  boolean readSomething() {
    return readSomething;
  }
}
