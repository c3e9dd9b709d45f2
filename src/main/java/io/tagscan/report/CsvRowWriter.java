package io.tagscan.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
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

  private final SequenceWriter rows;

  CsvRowWriter(Writer out) throws IOException {
    // Flushed by the sink at the end, not after every row: a flush per row is a system call per
    // row, some six hundred thousand for a million resources.
    this.rows =
        MAPPER
            .writer(SCHEMA)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .writeValues(out);
  }

  /** Writes one row; a null cell is written empty. */
  void row(List<String> cells) throws IOException {
    String[] row = new String[cells.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = Escaping.csvText(cells.get(i));
    }
    rows.write(row);
  }

  /** Flushes the rows written so far to the underlying writer, which stays open. */
  void flush() throws IOException {
    rows.flush();
  }
}
