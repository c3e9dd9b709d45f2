package io.tagscan.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Standard output as a writer the sinks cannot close: closing it only flushes. */
final class KeepOpen extends FilterWriter {

  KeepOpen(Writer out) {
    super(out);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
