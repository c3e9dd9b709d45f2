package io.tagscan.cli;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one-line progress display on stderr: units of work done of the total (account × region pairs,
 * or inventory files), resources found and errors so far, redrawn a few times a second and erased
 * when the scan ends.
 */
final class ProgressBar implements ScanListener, AutoCloseable {

  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final String unit;
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong resources = new AtomicLong();
  private final AtomicInteger errors = new AtomicInteger();
  private final ScheduledExecutorService ticker;
  private int lastLength;

  ProgressBar(PrintWriter err, String unit) {
    this.err = err;
    this.unit = unit;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "tagscan-progress");
              thread.setDaemon(true);
              return thread;
            });
    // Drawn once now, so even a scan that ends before the first tick has shown its progress line.
    draw();
    // Runs until close() shuts the ticker down; nothing waits on its future.
    var unused = ticker.scheduleAtFixedRate(this::draw, 200, 200, TimeUnit.MILLISECONDS);
  }

  @Override
  public void resource(Resource resource) {
    resources.incrementAndGet();
  }

  @Override
  public void error(ScanError error) {
    errors.incrementAndGet();
  }

  @Override
  public void unitsPlanned(int count) {
    total.set(count);
  }

  @Override
  public void unitDone(String accountId, String region, boolean complete) {
    done.incrementAndGet();
  }

  /** Erases the line before the reports reach the terminal. */
  @Override
  public void finished() {
    close();
  }

  /** The line as drawn now, for tests and for {@link #draw}. */
  String line() {
    int all = total.get();
    int finished = done.get();
    int filled = all == 0 ? 0 : (int) ((long) WIDTH * finished / all);
    StringBuilder bar = new StringBuilder("[");
    for (int i = 0; i < WIDTH; i++) {
      bar.append(i < filled ? '#' : '.');
    }
    bar.append("] ")
        .append(finished)
        .append('/')
        .append(all == 0 ? "?" : Integer.toString(all))
        .append(' ')
        .append(unit)
        .append(" · ")
        .append(String.format("%,d", resources.get()))
        .append(" resources");
    int failures = errors.get();
    if (failures > 0) {
      bar.append(" · ").append(failures).append(failures == 1 ? " error" : " errors");
    }
    return bar.toString();
  }

  synchronized void draw() {
    String line = line();
    StringBuilder out = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < lastLength; i++) {
      out.append(' ');
    }
    lastLength = line.length();
    err.print(out);
    err.flush();
  }

  /** Stops drawing and erases the line, so what follows starts on a clean line. */
  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    if (lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
      lastLength = 0;
    }
  }
}
