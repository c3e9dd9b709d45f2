package io.tagscan.report;

import io.tagscan.model.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One report file being written under its temporary name: UTF-8 text, synced to disk by {@link
 * AtomicFile#sync} on {@link #complete} before the pipeline moves it into place, every failure
 * naming the report it is about.
 */
final class ReportFile {

  /** Bytes gathered before each write to the file, so a large report costs few system calls. */
  private static final int FILE_BUFFER = 1 << 20;

  private final OutputStream stream;
  private final Path target;
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
    bytes = new BufferedOutputStream(new Naming(stream, target), FILE_BUFFER);
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

  /** A report file's stream whose failures say which report they are about. */
  private static final class Naming extends FilterOutputStream {
    private final Path target;

    Naming(OutputStream out, Path target) {
      super(out);
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new Failure(target, e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new Failure(target, e);
      }
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
