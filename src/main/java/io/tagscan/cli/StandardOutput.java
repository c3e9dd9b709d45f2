package io.tagscan.cli;

import io.tagscan.model.EnvironmentException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output as the writer every command prints its data to, over the process's file
 * descriptor itself rather than {@link System#out}, which would swallow the failure and its reason;
 * it remembers the first failure, so that {@link #check} can tell a full disk or a closed stream
 * (exit 2, with the system's reason) from a reader that went away (a broken pipe, exit 141 and
 * nothing said, as Unix tools do).
 */
final class StandardOutput extends PrintWriter {

  private final Recorder recorder;

  private StandardOutput(Recorder recorder, Charset charset) {
    super(new OutputStreamWriter(new BufferedOutputStream(recorder, 64 * 1024), charset), true);
    this.recorder = recorder;
  }

  /** The process's standard output. */
  static StandardOutput system() {
    return over(new FileOutputStream(FileDescriptor.out), encoding());
  }

  /** The encoding {@link System#out} would use. */
  private static Charset encoding() {
    for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
      String name = System.getProperty(property);
      if (name != null && Charset.isSupported(name)) {
        return Charset.forName(name);
      }
    }
    return Charset.defaultCharset();
  }

  /** A writer over {@code stream}; tests pass a stream that really fails ({@code /dev/full}). */
  static StandardOutput over(OutputStream stream, Charset charset) {
    return new StandardOutput(new Recorder(stream), charset);
  }

  /**
   * Flushes {@code out} and fails if anything written to it was lost.
   *
   * @throws BrokenPipeException when the reader closed the pipe
   * @throws EnvironmentException when the data could not be written for any other reason
   */
  static void check(PrintWriter out) {
    out.flush();
    if (!out.checkError()) {
      return;
    }
    IOException failure = out instanceof StandardOutput own ? own.recorder.failure : null;
    if (failure == null) {
      throw new EnvironmentException("cannot write to standard output");
    }
    if (isBrokenPipe(failure)) {
      throw new BrokenPipeException(failure);
    }
    String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    throw new EnvironmentException("cannot write to standard output: " + reason, failure);
  }

  private static boolean isBrokenPipe(IOException failure) {
    // The JDK gives the system's words for EPIPE and nothing more specific.
    return "Broken pipe".equals(failure.getMessage());
  }

  /** The reader of standard output went away; said by nothing but the exit code. */
  static final class BrokenPipeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BrokenPipeException(IOException cause) {
      super("standard output: broken pipe", cause);
    }
  }

  /** Passes everything on and keeps the first failure. */
  private static final class Recorder extends FilterOutputStream {
    volatile IOException failure;

    Recorder(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
