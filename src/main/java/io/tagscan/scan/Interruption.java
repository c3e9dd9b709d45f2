package io.tagscan.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Cleans up when the user stops a scan with Ctrl-C: closes the scanner so AWS calls stop, and
 * closes the unfinished reports and snapshot so their temporary files are deleted and no
 * half-written file is left. Removed again when the scan ends normally.
 */
final class Interruption implements AutoCloseable {

  private final List<AutoCloseable> targets = new ArrayList<>();
  private final Thread hook = new Thread(this::closeAll, "tagscan-interrupt");
  private boolean interrupted;

  private Interruption(List<AutoCloseable> targets) {
    this.targets.addAll(targets);
  }

  static Interruption onShutdown(AutoCloseable... targets) {
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
