package io.tagscan.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Cleans up when the user stops a scan with Ctrl-C: closes the scanner so AWS calls stop, and
 * closes the unfinished reports and snapshot so their temporary files are deleted and no
 * half-written file is left. Removed again when the scan ends normally.
 *
 * <p>The scan's threads go on for a moment after the hook closed what they write to, and fail;
 * {@link #explain} turns such a failure into the cancellation it is, so a stopped scan is never
 * reported as an error, let alone a bug.
 */
public final class Interruption implements AutoCloseable {

  private final List<AutoCloseable> targets = new ArrayList<>();
  private final Thread hook = new Thread(this::closeAll, "tagscan-interrupt");
  private boolean interrupted;

  private Interruption(List<AutoCloseable> targets) {
    this.targets.addAll(targets);
  }

  /** Closes the targets, in order, if the JVM is stopped (Ctrl-C) before {@link #close}. */
  public static Interruption onShutdown(AutoCloseable... targets) {
    List<AutoCloseable> present = new ArrayList<>();
    for (AutoCloseable target : targets) {
      if (target != null) {
        present.add(target);
      }
    }
    Interruption interruption = new Interruption(present);
    Runtime.getRuntime().addShutdownHook(interruption.hook);
    return interruption;
  }

  /** Closes {@code target} too when interrupted, after the others; returns it (null allowed). */
  synchronized <T extends AutoCloseable> T closesLast(T target) {
    if (target != null) {
      targets.add(target);
    }
    return target;
  }

  /** True once the hook has begun: the process is stopping. */
  synchronized boolean interrupted() {
    return interrupted;
  }

  /**
   * What to throw for a failure of the scan: the failure itself, or, when the scan was interrupted
   * meanwhile (so the failure is the hook's doing), a {@link CancellationException} carrying it.
   */
  RuntimeException explain(RuntimeException failure) {
    if (!interrupted() || failure instanceof CancellationException) {
      return failure;
    }
    CancellationException cancelled = new CancellationException("the scan was interrupted");
    cancelled.initCause(failure);
    return cancelled;
  }

  /** Closes this too when interrupted, before the others: the source stops first. */
  synchronized void alsoClose(AutoCloseable target) {
    targets.add(0, target);
  }

  /**
   * Runs the work that puts files in place, unless the scan was interrupted first; an interruption
   * that comes while it runs waits for it, so every file is whole or absent, never half-written.
   *
   * @throws CancellationException when the scan was interrupted before
   */
  synchronized <T> T unlessInterrupted(Supplier<T> work) {
    if (interrupted) {
      throw new CancellationException("the scan was interrupted");
    }
    return work.get();
  }

  private void closeAll() {
    List<AutoCloseable> snapshot;
    synchronized (this) {
      interrupted = true;
      snapshot = List.copyOf(targets);
    }
    for (AutoCloseable target : snapshot) {
      try {
        target.close();
      } catch (Exception e) {
        // The JVM is exiting; the next target still deserves its chance to delete its files.
        Thread.currentThread().getThreadGroup().uncaughtException(Thread.currentThread(), e);
      }
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting, so the hook is running or has run: there is nothing to undo.
      return;
    }
  }
}
