package io.tagscan.inventory.aws;

import io.tagscan.model.Account;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Gets into each account of a scan: its name and tags from Organizations and its credentials side
 * by side; when both are in, tells the listener of the account and queues its regions on the job's
 * threads. A refused role fails the account once, rather than each of its regions.
 */
final class AccountEntry {

  private final ScanJob job;
  private final AwsClients clients;
  private final AccountPlanner planner;
  private final AccountDirectory directory;
  private final PairReader pairs;
  private final String partition;
  private final List<String> regions;

  /**
   * @param regions the account's regions in the order they are to be read
   */
  AccountEntry(
      ScanJob job,
      AwsClients clients,
      AccountPlanner planner,
      AccountDirectory directory,
      PairReader pairs,
      String partition,
      List<String> regions) {
    this.job = job;
    this.clients = clients;
    this.planner = planner;
    this.directory = directory;
    this.pairs = pairs;
    this.partition = partition;
    this.regions = List.copyOf(regions);
  }

  /** Starts the account; returns at once. {@code listed} is what Organizations listed, or null. */
  void start(String id, Account listed) {
    try {
      CompletableFuture<Account> described =
          directory.describe(id, listed, job.lookups, job.gate::error);
      CompletableFuture<Entry> entered =
          CompletableFuture.supplyAsync(() -> credentialsFor(id), job.pairs).handle(Entry::new);
      // The outcome reaches the job through enter() or fail(); nothing waits on this future.
      var unused =
          described
              .thenCombine(
                  entered,
                  (account, entry) -> {
                    enter(account, entry);
                    return account;
                  })
              .whenComplete(
                  (account, failure) -> {
                    if (failure != null) {
                      job.fail(failure);
                    }
                  });
    } catch (RuntimeException e) {
      job.fail(e);
    }
  }

  private void enter(Account account, Entry entry) {
    if (job.stopped()) {
      return;
    }
    job.gate.account(account);
    if (!account.tagsKnown()) {
      // Its own tags could not be read: the account is there, the scan is not whole.
      job.partial();
    }
    if (entry.failure() != null) {
      Throwable failure = AwsFailures.unwrap(entry.failure());
      if (!(failure instanceof SdkException sdk)) {
        job.fail(failure);
        return;
      }
      if (AwsFailures.credentialsExpired(sdk)) {
        // AssumeRole is signed with the caller's own credentials: no account can be entered.
        job.fail(clients.expiredCredentials(AwsFailures.code(sdk)));
        return;
      }
      job.gate.error(AwsFailures.error(account.id(), "", "AssumeRole", sdk));
      for (String region : regions) {
        job.gate.unitDone(account.id(), region, false);
      }
      job.accountFinished(false);
      return;
    }
    AccountRun run = new AccountRun(account.id(), entry.provider(), regions.size());
    for (String region : regions) {
      job.pairs.execute(() -> pairs.read(run, region));
    }
  }

  /**
   * Credentials for the account: the caller's own without a role; else the role's, fetched now so
   * that a refusal fails the account once rather than each of its regions.
   */
  private AwsCredentialsProvider credentialsFor(String accountId) {
    return credentialsFor(clients, planner.roleFor(partition, accountId));
  }

  /**
   * Credentials for an account reached through {@code roleArn}: the caller's own for null; else the
   * role's, fetched now so that a refusal shows at once.
   */
  static AwsCredentialsProvider credentialsFor(AwsClients clients, String roleArn) {
    if (roleArn == null) {
      return clients.callerCredentials();
    }
    AwsCredentialsProvider role = clients.assumeRole(roleArn);
    role.resolveCredentials();
    return role;
  }

  private record Entry(AwsCredentialsProvider provider, Throwable failure) {}
}
