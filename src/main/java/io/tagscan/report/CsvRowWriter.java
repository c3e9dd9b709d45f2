package io.tagscan.report;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Rows of RFC 4180 CSV written through {@code jackson-dataformat-csv}: CRLF line ends, a cell
 * quoted only when it holds a comma, a quote or a line break, and every cell first neutralised by
 * {@link Escaping#csvText} (formula guard, invisible characters as {@code \\uXXXX} text).
 */
final class CsvRowWriter {

  // Strict checking quotes only what RFC 4180 requires, not every cell with a space in it.
  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private static final CsvSchema SCHEMA =
      CsvSchema.emptySchema().withLineSeparator("\r\n").withoutHeader();

  private final CsvGenerator rows;

  CsvRowWriter(Writer out) throws IOException {
    // Jackson's streaming generator, row by row, rather than a SequenceWriter that would look up a
    // serializer for every row and flush after each (a system call per row beneath a file).
    this.rows = MAPPER.getFactory().createGenerator(out);
    rows.setSchema(SCHEMA);
  }

  /** Writes one row; a null cell is written empty. */
  void row(List<String> cells) throws IOException {
    row(cells, 0);
  }

  /**
   * Writes one row, where {@code printable} has a bit set, by column, for each cell known to be
   * printable ASCII (there is then nothing to make visible in it, only the formula guard to apply).
   */
  void row(List<String> cells, long printable) throws IOException {
    rows.writeStartArray();
    int column = 0;
    for (String cell : cells) {
      boolean plain = column < Long.SIZE && (printable >>> column & 1) != 0;
      rows.writeString(plain ? Escaping.csvTextOfPrintable(cell) : Escaping.csvText(cell));
      column++;
    }
    rows.writeEndArray();
  }

  /** Flushes the rows written so far to the underlying writer, which stays open. */
  void flush() throws IOException {
    rows.flush();
  }
}
