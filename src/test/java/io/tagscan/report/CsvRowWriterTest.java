package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowWriterTest {

  /** Counts the calls that reach the file: each one is a system call beneath a report file. */
  private static final class CountingWriter extends StringWriter {
    int writes;
    int flushes;

    @Override
    public void write(char[] chars, int offset, int length) {
      writes++;
      super.write(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
      writes++;
      super.write(text, offset, length);
    }

    @Override
    public void flush() {
      flushes++;
    }
  }

  @Test
  void buffersRowsRatherThanFlushingEachOne() throws IOException {
    CountingWriter out = new CountingWriter();
    CsvRowWriter rows = new CsvRowWriter(out);
    for (int i = 0; i < 1_000; i++) {
      rows.row(List.of("111122223333", "row " + i, "a,b"));
    }
    rows.flush();

    assertThat(out.toString()).startsWith("111122223333,row 0,\"a,b\"\r\n").hasLineCount(1_000);
    assertThat(out.writes).as("writes").isLessThan(10);
    assertThat(out.flushes).as("flushes").isLessThanOrEqualTo(1);
  }

  @Test
  void writesNullCellsEmpty() throws IOException {
    StringWriter out = new StringWriter();
    CsvRowWriter rows = new CsvRowWriter(out);
    rows.row(Arrays.asList("a", null, "=1+1"));
    rows.flush();

    assertThat(out.toString()).isEqualTo("a,,'=1+1\r\n");
  }
}
