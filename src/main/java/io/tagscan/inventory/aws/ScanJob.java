package io.tagscan.inventory.aws;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.SageMakerCoverage;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One call of {@link LiveScanner#scan} or {@link LiveScanner#accounts}: its thread pools, its
 * listener gate, its tallies, and how it stops (done, cut short, or failed).
 */
final class ScanJob {

  /**
   * Organizations lookups in flight at once, at least: the organization shares one request quota,
   * which the Organizations client's adaptive retry keeps to.
   */
  static final int ORGANIZATIONS_CONCURRENCY = 4;

  /**
   * Account × region pairs in flight for each Organizations lookup: an account's two lookups (its
   * name, its tags) must be in before its pairs start, so lookups must keep pace with the pairs.
   */
  static final int PAIRS_PER_LOOKUP = 4;

  final ListenerGate gate;
  // Account × region pairs and role sessions share one bound. Organizations lookups get threads of
  // their own, so they never hold a pair back; SageMaker's calls (listings, searches, ListTags)
  // too, one pool for every pair, as large as the pairs running at once may need.
  final ThreadPoolExecutor pairs;
  final ThreadPoolExecutor lookups;
  final ThreadPoolExecutor tagReads;
  final Queue<SageMakerCoverage> coverage = new ConcurrentLinkedQueue<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private final AtomicReference<Throwable> internal = new AtomicReference<>();
  private final AtomicInteger accountsLeft = new AtomicInteger();
  private final AtomicInteger scanned = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile List<String> regions = List.of();
  private volatile int requested;
  private volatile boolean listingComplete = true;
  // An account × region or an account's own tags could not be read whole.
  private volatile boolean partial;
  private volatile boolean stopped;

  ScanJob(ScanListener listener, int concurrency) {
    this.gate = new ListenerGate(listener, this::cutShort);
    this.pairs = DaemonPools.pool("tagscan-aws", concurrency);
    this.lookups = DaemonPools.pool("tagscan-org", lookupThreads(concurrency));
    this.tagReads =
        DaemonPools.pool(
            SageMakerDiscovery.THREADS,
            Math.multiplyExact(concurrency, SageMakerDiscovery.CALLS_PER_PAIR));
  }

  /** Organizations lookups in flight beside {@code concurrency} pairs. */
  static int lookupThreads(int concurrency) {
    return Math.min(
        concurrency, Math.max(ORGANIZATIONS_CONCURRENCY, concurrency / PAIRS_PER_LOOKUP));
  }

  /** Records what the plan asked for, before the first account starts. */
  void planned(int accounts, List<String> scannedRegions, boolean listingWasComplete) {
    this.requested = accounts;
    this.regions = List.copyOf(scannedRegions);
    this.listingComplete = listingWasComplete;
    accountsLeft.set(accounts);
  }

  boolean stopped() {
    return stopped;
  }

  /** Marks the scan incomplete: something of an account could not be read whole. */
  void partial() {
    partial = true;
  }

  /** Counts the account as scanned when anything of it was read, else as failed. */
  void accountFinished(boolean readAnything) {
    (readAnything ? scanned : failed).incrementAndGet();
    if (accountsLeft.decrementAndGet() == 0) {
      finished.complete(null);
    }
  }

  /** Waits until every account finished or the scan was cut short; an interrupt cuts it short. */
  void awaitFinished() {
    try {
      finished.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cutShort();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the scan's completion cannot fail", e);
    }
  }

  /** Something that is not an AWS failure went wrong (a bug): stop and report it. */
  void fail(Throwable failure) {
    if (stopped) {
      return;
    }
    internal.compareAndSet(null, AwsFailures.unwrap(failure));
    cutShort();
  }

  /** Stops everything at once: no more listener calls, threads interrupted. */
  void cutShort() {
    stopped = true;
    finished.complete(null);
    end();
  }

  /** Closes the gate and stops the threads, once the job is over. */
  void end() {
    gate.close();
    pairs.shutdownNow();
    lookups.shutdownNow();
    tagReads.shutdownNow();
  }

  /** True when the job ended on a listener's or an internal failure. */
  boolean failed() {
    return gate.failure() != null || internal.get() != null;
  }

  /** Throws the listener's failure, else the internal one, if the job ended on one. */
  void rethrowFailure() {
    Throwable failure = gate.failure() != null ? gate.failure() : internal.get();
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException("the scan failed", failure);
    }
  }

  LiveScanResult result() {
    int whole = scanned.get();
    int broken = failed.get();
    boolean complete = !stopped && listingComplete && !partial && broken == 0 && whole == requested;
    return new LiveScanResult(requested, whole, broken, regions, complete, List.copyOf(coverage));
  }
}
