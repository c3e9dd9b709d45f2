package io.tagscan.scan;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Account;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import java.util.SortedMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands resources read on one thread to other threads in batches, so that reading a large inventory
 * and checking it overlap. The queue is bounded: when the checkers fall behind, the reading thread
 * checks a batch itself, so memory stays flat however large the file.
 */
final class ParallelChecker implements ScanListener {

  private static final int BATCH = 512;

  private final ScanListener downstream;
  private final ThreadPoolExecutor executor;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private Resource[] batch = new Resource[BATCH];
  private int size;

  ParallelChecker(ScanListener downstream, int threads) {
    this.downstream = downstream;
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(threads * 8),
            runnable -> {
              Thread thread = new Thread(runnable, "tagscan-check");
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** One checker fewer than the cores, for the reading thread; at least one. */
  static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
  }

  @Override
  public void resource(Resource resource) {
    batch[size++] = resource;
    if (size == BATCH) {
      flush();
    }
  }

  @Override
  public void account(Account account) {
    downstream.account(account);
  }

  @Override
  public void domain(String domainArn, SortedMap<String, String> tags) {
    downstream.domain(domainArn, tags);
  }

  @Override
  public void error(ScanError error) {
    downstream.error(error);
  }

  @Override
  public void unitsPlanned(int total) {
    downstream.unitsPlanned(total);
  }

  @Override
  public void unitDone(String accountId, String region, boolean complete) {
    downstream.unitDone(accountId, region, complete);
  }

  /** Checks what is left, waits for every batch, and rethrows the first failure of a checker. */
  void finish() throws InterruptedException {
    flush();
    executor.shutdown();
    while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
      if (failure.get() != null) {
        break;
      }
    }
    RuntimeException first = failure.get();
    if (first != null) {
      throw first;
    }
  }

  /** Stops the checkers without waiting, after a failure elsewhere. */
  void abandon() {
    executor.shutdownNow();
  }

  private void flush() {
    if (size == 0) {
      return;
    }
    Resource[] full = batch;
    int count = size;
    batch = new Resource[BATCH];
    size = 0;
    RuntimeException earlier = failure.get();
    if (earlier != null) {
      throw earlier;
    }
    executor.execute(() -> check(full, count));
  }

  private void check(Resource[] resources, int count) {
    if (failure.get() != null) {
      return;
    }
    try {
      for (int i = 0; i < count; i++) {
        downstream.resource(resources[i]);
      }
    } catch (RuntimeException e) {
      // Kept and rethrown on the reading thread by flush() or finish().
      failure.compareAndSet(null, e);
    }
  }
}
