package io.tagscan.report;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Word-at-a-time tests over UTF-8 bytes, eight at a time, shared by the spool's encoder ({@link
 * RecordOutput}) and the JSON report's writer ({@link JsonRecordWriter}). Each test is the classic
 * one, exact for "any byte of the word": it sets the high bit of at least one byte when some byte
 * matches and of none when no byte does.
 */
final class ByteWords {

  /** Eight bytes as one long, the first the lowest, whatever the machine's order. */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static final long ONES = 0x0101010101010101L;
  static final long HIGH_BITS = 0x8080808080808080L;

  private static final long QUOTES = '"' * ONES;
  private static final long BACKSLASHES = '\\' * ONES;
  private static final long DELS = 0x7F * ONES;

  private ByteWords() {}

  /** The high bit of each zero byte of {@code word} set (and maybe others, never none). */
  static long zeroByte(long word) {
    return (word - ONES) & ~word;
  }

  /**
   * High bits for the bytes JSON or the report escapes: a control character (below 0x20), a quote,
   * a backslash, DEL. Bytes of 0x80 and above are the caller's to test, by their own high bit.
   */
  static long escaped(long word) {
    return ((word - 0x20 * ONES) & ~word)
        | zeroByte(word ^ QUOTES)
        | zeroByte(word ^ BACKSLASHES)
        | zeroByte(word ^ DELS);
  }

  /** Whether {@code b} is a byte {@link #escaped} finds. */
  static boolean escaped(byte b) {
    return b < 0x20 || b == '"' || b == '\\' || b == 0x7F;
  }
}
