package io.tagscan.inventory.aws;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Account;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Stands between the scan's threads and the caller's listener: once {@link #close()} returns, no
 * call to the listener is running and none will start, so a shutdown hook can abandon the reports
 * safely; the first exception a listener throws stops the scan and is kept for the caller.
 */
final class ListenerGate {

  private static final long CLOSE_WAIT_MILLIS = 2_000;

  private final ScanListener listener;
  private final Runnable onFailure;
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean closed;

  ListenerGate(ScanListener listener, Runnable onFailure) {
    this.listener = listener;
    this.onFailure = onFailure;
  }

  void resource(Resource resource) {
    deliver(() -> listener.resource(resource));
  }

  void account(Account account) {
    deliver(() -> listener.account(account));
  }

  void domain(String domainArn, SortedMap<String, String> tags) {
    deliver(() -> listener.domain(domainArn, tags));
  }

  void error(ScanError error) {
    deliver(() -> listener.error(error));
  }

  void unitsPlanned(int total) {
    deliver(() -> listener.unitsPlanned(total));
  }

  void unitDone(String accountId, String region, boolean complete) {
    deliver(() -> listener.unitDone(accountId, region, complete));
  }

  boolean isClosed() {
    return closed;
  }

  /** The first exception the listener threw, or null. */
  Throwable failure() {
    return failure.get();
  }

  /**
   * Lets no further call through and waits (briefly) for the calls in progress to end. Called from
   * a thread that is itself inside the listener, it does not wait for that call.
   */
  void close() {
    closed = true;
    if (gate.getReadHoldCount() > 0) {
      return;
    }
    Lock write = gate.writeLock();
    try {
      if (write.tryLock(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        write.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Runnable call) {
    if (closed) {
      return;
    }
    Lock read = gate.readLock();
    read.lock();
    try {
      if (!closed) {
        call.run();
      }
    } catch (RuntimeException | Error e) {
      if (failure.compareAndSet(null, e)) {
        closed = true;
        onFailure.run();
      }
    } finally {
      read.unlock();
    }
  }
}
