package io.tagscan.report;

import io.tagscan.model.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One report file being written under its temporary name: UTF-8 text, synced to disk by {@link
 * AtomicFile#sync} on {@link #complete} before the pipeline moves it into place, every failure
 * naming the report it is about.
 *
 * <p>A large report is also synced while it is written, on a thread of its own, each time another
 * {@link #SYNC_EVERY} bytes have gone to the file: the disk then writes while the report is still
 * being made, and the last sync has only the tail left, where it used to wait for the whole file
 * (about half a second for the JSON and CSV reports of a million resources).
 */
final class ReportFile {

  /** Bytes gathered before each write to the file, so a large report costs few system calls. */
  private static final int FILE_BUFFER = 1 << 20;

  /** Bytes written between two syncs while the report is being written. */
  static final long SYNC_EVERY = 16L << 20;

  private static final ExecutorService SYNCS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "tagscan-report-sync");
            thread.setDaemon(true);
            return thread;
          });

  private final OutputStream stream;
  private final Path target;
  private final Naming file;
  private final OutputStream bytes;
  private final Writer writer;
  private boolean closed;

  ReportFile(ReportPipeline.Opener opener, Path temporary, Path target) throws IOException {
    this.target = target;
    try {
      stream = opener.open(temporary);
    } catch (IOException e) {
      throw new Failure(target, e);
    }
    file = new Naming(stream, target);
    bytes = new BufferedOutputStream(file, FILE_BUFFER);
    // OutputStreamWriter replaces what UTF-8 cannot encode (an unpaired surrogate) instead of
    // failing, so one odd tag value cannot sink a whole report.
    writer = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 64 * 1024);
  }

  /** Where the report is written as text. */
  Writer writer() {
    return writer;
  }

  /**
   * Where the report is written as UTF-8 bytes, for a format that encodes its own text; a sink uses
   * this or {@link #writer}, not both.
   */
  OutputStream bytes() {
    return bytes;
  }

  /** Flushes, syncs and closes the file, which is then ready to be moved into place. */
  void complete() throws IOException {
    // Flushing the writer flushes the bytes beneath it too.
    writer.flush();
    try {
      file.awaitSync();
      AtomicFile.sync(stream);
    } catch (IOException e) {
      throw new Failure(target, e);
    }
    closed = true;
    writer.close();
  }

  /** Closes the file when {@link #complete} did not, after a failure. */
  void closeQuietlyOnFailure() throws IOException {
    if (!closed) {
      closed = true;
      writer.close();
    }
  }

  /** A failure to write one report file, carrying the report's name for the message. */
  static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path target;

    Failure(Path target, IOException cause) {
      super(cause.getMessage(), cause);
      this.target = target;
    }

    /** The report the failure is about, under its final name. */
    Path target() {
      return target;
    }
  }

  /**
   * A report file's stream whose failures say which report they are about, and which starts a sync
   * of the file every {@link #SYNC_EVERY} bytes, one at a time.
   */
  private static final class Naming extends FilterOutputStream {
    private final Path target;
    private long unsynced;
    private Future<?> sync;

    Naming(OutputStream out, Path target) {
      super(out);
      this.target = target;
    }

    private void wrote(int count) throws IOException {
      unsynced += count;
      if (unsynced < SYNC_EVERY || !(out instanceof FileOutputStream)) {
        return;
      }
      if (sync != null) {
        if (!sync.isDone()) {
          return;
        }
        awaitSync();
      }
      unsynced = 0;
      sync =
          SYNCS.submit(
              () -> {
                AtomicFile.sync(out);
                return null;
              });
    }

    /** Waits for the sync in flight, if any, and reports its failure. */
    void awaitSync() throws IOException {
      if (sync == null) {
        return;
      }
      Future<?> running = sync;
      sync = null;
      try {
        running.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while syncing " + target);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException failure) {
          throw new Failure(target, failure);
        }
        throw new IllegalStateException("syncing " + target + " failed", e.getCause());
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new Failure(target, e);
      }
      wrote(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new Failure(target, e);
      }
      wrote(len);
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw new Failure(target, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw new Failure(target, e);
      }
    }
  }
}
