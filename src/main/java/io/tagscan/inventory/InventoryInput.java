package io.tagscan.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.Printable;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens inventory files, plain or gzip-compressed, with a JSON parser bounded against hostile
 * input, and says in tagscan's words, at its place, why a file could not be read.
 */
final class InventoryInput {

  private static final int MAX_DEPTH = 64;
  private static final int MAX_STRING = 1 << 20;
  private static final int MAX_NUMBER = 64;

  /**
   * Strict about duplicate fields, which JSON allows and a reader would otherwise settle silently
   * by keeping one; bounded in nesting and length, so no file can exhaust the stack or the heap.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(MAX_STRING)
                  .maxNumberLength(MAX_NUMBER)
                  .build())
          .build();

  private InventoryInput() {}

  /** A parser over the stream, with the limits above. */
  static JsonParser parser(InputStream in) throws IOException {
    return JSON.createParser(in);
  }

  /** A failure that stopped the reading of a file, in tagscan's words, where it happened. */
  static Diagnostic unreadable(String fileName, JsonParser parser, IOException e) {
    JsonLocation at;
    if (parser == null) {
      at = null;
    } else if (e instanceof JsonProcessingException json) {
      at = JsonErrors.place(json, parser);
    } else {
      at = parser.currentLocation();
    }
    int line = at == null ? 1 : Math.max(at.getLineNr(), 1);
    int column = at == null ? 1 : Math.max(at.getColumnNr(), 1);
    String message;
    if (e instanceof ZipException || e instanceof EOFException) {
      // Only the gzip stream throws these: the JSON parser's own end-of-input is its own type.
      message = "the gzip data is corrupt or cut short at this point of the uncompressed text";
    } else if (e instanceof JsonProcessingException json) {
      message = JsonErrors.describe(json, parser, MAX_DEPTH, MAX_STRING, MAX_NUMBER);
    } else {
      String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
      message = "cannot read the file: " + Printable.of(reason);
      if (parser == null) {
        // Not a place in the text: the file could not be read at all (a directory, say).
        return Diagnostic.ofFile(fileName, message);
      }
    }
    return new Diagnostic(fileName, line, column, message);
  }

  static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }
}
