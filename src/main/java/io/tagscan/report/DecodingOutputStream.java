package io.tagscan.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes decoded onto a writer, so that a format which encodes its own text (the JSON report,
 * through Jackson's byte generator) writes the same characters to standard output, which is text,
 * as to a file. A character split across two writes is decoded once its last byte arrives; bytes
 * that are not UTF-8 are an error, since the formats write only UTF-8.
 */
final class DecodingOutputStream extends OutputStream {

  private static final int BUFFER = 8192;

  private final Writer out;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer pending = ByteBuffer.allocate(BUFFER);
  private final CharBuffer chars = CharBuffer.allocate(BUFFER);

  DecodingOutputStream(Writer out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    int from = offset;
    int left = length;
    while (left > 0) {
      int take = Math.min(left, pending.remaining());
      pending.put(bytes, from, take);
      from += take;
      left -= take;
      decode(false);
    }
  }

  private void decode(boolean end) throws IOException {
    pending.flip();
    while (true) {
      CoderResult result = decoder.decode(pending, chars, end);
      drain();
      if (result.isUnderflow()) {
        break;
      }
      if (result.isError()) {
        result.throwException();
      }
    }
    pending.compact();
  }

  private void drain() throws IOException {
    chars.flip();
    out.write(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
    chars.clear();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * Decodes what is left (a character cut short is an error) and flushes; the writer stays open.
   */
  @Override
  public void close() throws IOException {
    decode(true);
    decoder.flush(chars);
    drain();
    out.flush();
  }
}
