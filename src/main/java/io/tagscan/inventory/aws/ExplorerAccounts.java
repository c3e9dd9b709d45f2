package io.tagscan.inventory.aws;

import io.tagscan.model.Account;
import io.tagscan.model.ScanError;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The accounts of a scan through Resource Explorer alone, with their own tags where Organizations
 * tells the caller (no role is assumed): {@code ListAccounts} when no account is named, then {@code
 * ListTagsForResource} (and {@code DescribeAccount} for an account named but not listed) for each,
 * side by side on the job's lookup threads while the view is read, so that each account can be
 * told, and judged, before its first resource.
 *
 * <p>Organizations refusing the caller (AccessDenied, no organization) is a note: the accounts are
 * kept by id, their tags unknown and unjudged, as before tagscan asked. Any other failure is an
 * error told to the job, and the scan is incomplete, as in the per-pair scan.
 */
final class ExplorerAccounts {

  private static final long WAIT_MILLIS = 200;

  private final Map<String, CompletableFuture<Account>> described = new ConcurrentHashMap<>();
  private final Queue<String> notes = new ConcurrentLinkedQueue<>();
  // Done once every account the listing gives has its lookups started.
  private final CompletableFuture<Void> listed = new CompletableFuture<>();
  private final ScanJob job;
  private volatile boolean complete = true;

  private ExplorerAccounts(ScanJob job) {
    this.job = job;
  }

  /**
   * Starts describing the accounts: those of {@code plan} when accounts were named, else (plan
   * null) every active account of the organization.
   */
  static ExplorerAccounts start(AccountPlanner.Plan plan, AccountDirectory directory, ScanJob job) {
    ExplorerAccounts accounts = new ExplorerAccounts(job);
    // The directory tells a refusal once, with no account id.
    Consumer<ScanError> errors = error -> accounts.failed(error, error.accountId().isEmpty());
    if (plan != null) {
      Map<String, Account> listed = new TreeMap<>();
      listed.putAll(plan.listed());
      plan.ids().forEach(id -> listed.putIfAbsent(id, null));
      listed.forEach(
          (id, known) ->
              accounts.described.put(id, directory.describe(id, known, job.lookups, errors)));
      accounts.listed.complete(null);
      return accounts;
    }
    // Each page's accounts are looked up as it arrives, so the first resources wait for little.
    job.lookups.execute(
        () -> {
          try {
            directory.listOrganization(
                account ->
                    accounts.described.computeIfAbsent(
                        account.id(), id -> directory.describe(id, account, job.lookups, errors)));
          } catch (AccountDirectory.FailedCall failed) {
            accounts.failed(failed.toError(""), AwsFailures.organizationsDenied(failed.failure()));
          } catch (RuntimeException | Error e) {
            job.fail(e);
          } finally {
            accounts.listed.complete(null);
          }
        });
    return accounts;
  }

  /**
   * The account with its tags where Organizations told them, waiting for its lookups if need be; an
   * account Organizations did not list is kept by id, its tags unknown.
   */
  Account account(String id) {
    CompletableFuture<Account> account = described.get(id);
    if (account == null) {
      await(listed);
      account = described.get(id);
    }
    if (account == null) {
      return new Account(id, "", "", new TreeMap<>(), "", false);
    }
    return await(account);
  }

  /** The future's value; a scan cut short drops the lookups not yet begun: stop waiting then. */
  private <T> T await(CompletableFuture<T> future) {
    try {
      while (true) {
        try {
          return future.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (job.stopped()) {
            throw new CancellationException("the scan was stopped");
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while reading an account's tags");
    } catch (ExecutionException e) {
      throw new IllegalStateException("describing an account cannot fail", e.getCause());
    }
  }

  /** False when an account's tags could not be read for another reason than a refusal. */
  boolean complete() {
    return complete;
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  private void failed(ScanError error, boolean refusal) {
    if (refusal) {
      notes.add(
          "Organizations refused "
              + error.operation()
              + " ("
              + error.code()
              + "), so the accounts' own tags are not judged (account-missing-tag) in this scan"
              + " through Resource Explorer alone; allow organizations:ListAccounts and"
              + " organizations:ListTagsForResource to the caller to judge them");
      return;
    }
    complete = false;
    job.gate.error(error);
  }
}
