package io.tagscan.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Feeds several report formats at once, each on its own thread: the sorted resources are handed to
 * every format in batches through a short queue, as spooled records that each format writes from or
 * decodes on its own thread, so writing JSON, CSV and HTML takes about as long as the slowest of
 * them rather than their sum. Each format still sees every resource in order, and memory holds a
 * few batches per format.
 */
final class ParallelSinks {

  private static final int BATCH = 256;
  private static final int QUEUED_BATCHES = 8;
  private static final List<SpooledResource> END = List.of();

  private final List<Worker> workers = new ArrayList<>();
  private List<SpooledResource> batch = new ArrayList<>(BATCH);

  /** Starts one writer thread per sink; each sink's {@code begin} must already have run. */
  ParallelSinks(List<ReportSink> sinks) {
    for (ReportSink sink : sinks) {
      Worker worker = new Worker(sink);
      workers.add(worker);
      worker.thread.start();
    }
  }

  /** Hands one resource to every format. */
  void resource(SpooledResource resource) throws IOException {
    batch.add(resource);
    if (batch.size() == BATCH) {
      publish(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  /** Hands on what is left, lets every format end, waits for them and reports the first failure. */
  void end() throws IOException {
    if (!batch.isEmpty()) {
      publish(batch);
    }
    publish(END);
    try {
      for (Worker worker : workers) {
        worker.thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing the reports");
    }
    for (Worker worker : workers) {
      if (worker.failure != null) {
        throw worker.failure;
      }
    }
  }

  /** After a failure anywhere: stops every writer thread, without waiting for queued batches. */
  void abort() {
    for (Worker worker : workers) {
      worker.thread.interrupt();
    }
  }

  private void publish(List<SpooledResource> resources) throws IOException {
    for (Worker worker : workers) {
      try {
        while (!worker.queue.offer(resources, 100, TimeUnit.MILLISECONDS)) {
          if (worker.failure != null) {
            throw worker.failure;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing the reports");
      }
    }
  }

  /** One format's thread: writes each batch as it comes, then ends the format. */
  private static final class Worker implements Runnable {
    final ReportSink sink;
    final BlockingQueue<List<SpooledResource>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    final Thread thread;
    volatile IOException failure;
    private boolean ended;

    Worker(ReportSink sink) {
      this.sink = sink;
      this.thread = new Thread(this, "tagscan-report-" + sink.getClass().getSimpleName());
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      try {
        while (!ended) {
          List<SpooledResource> resources = queue.take();
          if (resources == END) {
            sink.end();
            ended = true;
          } else {
            for (SpooledResource resource : resources) {
              sink.resource(resource);
            }
          }
        }
      } catch (InterruptedException e) {
        // abort(): the reports failed elsewhere and will be deleted; there is nothing to finish.
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        failure = e;
      } catch (RuntimeException e) {
        failure = new IOException("writing the " + sink.getClass().getSimpleName() + " failed", e);
      }
    }
  }
}
