package io.tagscan.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The growable byte buffer a {@link ResourceCodec} record is encoded into (cheaper than a {@code
 * DataOutputStream} per resource), with the record's string encoding: UTF-8 in which an unpaired
 * surrogate keeps its own three bytes, a length word before each string, and plain text marked in
 * that word ({@link ResourceCodec#PLAIN}) as it is found.
 */
final class RecordOutput {

  private static final long QUESTION_MARKS = '?' * ByteWords.ONES;

  /**
   * The tag keys this thread encoded, each with its encoded form (its length word and bytes): a
   * small vocabulary repeated on nearly every resource, so a key met before is copied as it was
   * encoded, found by a hash of its length and three of its characters and one comparison of its
   * text, rather than encoded and scanned again.
   */
  private static final ThreadLocal<KeyMemory> KEYS = ThreadLocal.withInitial(KeyMemory::new);

  /** Slots of a thread's key memory (a power of two), and how many are probed for a key. */
  private static final int SLOTS = 512;

  private static final int PROBES = 8;

  /** Longer keys than AWS allows (128 characters, at most 512 bytes) are not remembered. */
  private static final int MAX_KEY_BYTES = 4 + 512;

  private byte[] buffer;
  private int size;
  // Whether the text last written by text() is plain: see ResourceCodec#PLAIN.
  boolean plain;

  RecordOutput(int capacity) {
    buffer = new byte[capacity];
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }

  void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  void writeInt(int value) {
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  /** One thread's keys and their encoded forms, by slot. */
  static final class KeyMemory {
    final String[] keys = new String[SLOTS];
    final byte[][] encoded = new byte[SLOTS][];
  }

  /** How many bytes are written so far. */
  int size() {
    return size;
  }

  void putInt(int at, int value) {
    buffer[at] = (byte) (value >>> 24);
    buffer[at + 1] = (byte) (value >>> 16);
    buffer[at + 2] = (byte) (value >>> 8);
    buffer[at + 3] = (byte) value;
  }

  void string(String text) {
    if (text == null) {
      writeInt(-1);
      return;
    }
    int lengthAt = size;
    writeInt(0);
    int length = text(text);
    if (length >= ResourceCodec.PLAIN) {
      throw new IllegalArgumentException("a string of " + length + " bytes cannot be spooled");
    }
    putInt(lengthAt, plain ? length | ResourceCodec.PLAIN : length);
  }

  /** The keys this thread encoded last, for {@link #key}. */
  static KeyMemory keyMemory() {
    return KEYS.get();
  }

  /** Writes a tag key as {@link #string} does, as it was encoded before when it is in memory. */
  void key(String key, KeyMemory memory) {
    int length = key.length();
    int hash =
        length == 0
            ? 0
            : ((length * 31 + key.charAt(0)) * 31 + key.charAt(length >> 1)) * 31
                + key.charAt(length - 1);
    int free = -1;
    byte[] encoded = null;
    for (int probe = 0; probe < PROBES; probe++) {
      int slot = (hash + probe) & (SLOTS - 1);
      String known = memory.keys[slot];
      if (known == null) {
        free = slot;
        break;
      }
      if (known.equals(key)) {
        encoded = memory.encoded[slot];
        break;
      }
    }
    if (encoded == null) {
      int start = size;
      string(key);
      if (free >= 0 && size - start <= MAX_KEY_BYTES) {
        memory.keys[free] = key;
        memory.encoded[free] = Arrays.copyOfRange(buffer, start, size);
      }
      return;
    }
    ensure(encoded.length);
    System.arraycopy(encoded, 0, buffer, size, encoded.length);
    size += encoded.length;
  }

  /**
   * Writes the text's bytes alone and returns how many.
   *
   * <p>The JDK's own UTF-8 encoder does nearly every string: for one in compact (Latin-1) form it
   * is a check for high bytes and an array copy, where a loop over {@code charAt} costs a bounds
   * and a coder check a character. It writes {@code ?} for an unpaired surrogate, so bytes holding
   * a {@code ?} are encoded again here, where such a surrogate keeps its own three bytes.
   */
  int text(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int length = utf8.length;
    // Eight bytes to spare, so the scan reads the last bytes as one word too.
    ensure(length + 8);
    System.arraycopy(utf8, 0, buffer, size, length);
    int kind = scan(buffer, size, length);
    if (kind != QUESTION_MARK) {
      plain = kind == PLAIN_TEXT;
      size += length;
      return length;
    }
    plain = false;
    return encode(text);
  }

  private static final int PLAIN_TEXT = 0;
  private static final int OTHER_TEXT = 1;
  private static final int QUESTION_MARK = 2;

  /** Stands in for the bytes past the text in its last word: plain, and no {@code ?}. */
  private static final long FILLER = 'a' * ByteWords.ONES;

  /**
   * Whether the {@code length} bytes at {@code from} hold a {@code ?}, else whether they are plain
   * text, eight bytes at a time; the last word is read whole, with the bytes past the text (there
   * are eight to spare) replaced by plain ones. Each test is the classic word-at-a-time one, exact
   * for "any byte": a byte below 0x20; a quote, a backslash, DEL or {@code ?} as a zero byte after
   * an exclusive or; a high bit.
   */
  private static int scan(byte[] bytes, int from, int length) {
    int at = from;
    int end = from + length;
    long question = 0;
    long special = 0;
    long high = 0;
    while (at < end) {
      long word = (long) ByteWords.LONGS.get(bytes, at);
      int left = end - at;
      if (left < 8) {
        long kept = (1L << (8 * left)) - 1;
        word = (word & kept) | (FILLER & ~kept);
      }
      high |= word;
      question |= ByteWords.zeroByte(word ^ QUESTION_MARKS);
      special |= ByteWords.escaped(word);
      at += 8;
    }
    if ((question & ByteWords.HIGH_BITS) != 0) {
      return QUESTION_MARK;
    }
    return ((high | special) & ByteWords.HIGH_BITS) == 0 ? PLAIN_TEXT : OTHER_TEXT;
  }

  /** UTF-8, except that an unpaired surrogate is written as its own three bytes. */
  private int encode(String text) {
    int length = text.length();
    ensure(length * 3);
    // Locals rather than fields in the loops, so the JIT keeps them in registers.
    byte[] out = buffer;
    int start = size;
    int at = start;
    int i = 0;
    // ASCII first, nearly every string: one byte a character.
    while (i < length) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        break;
      }
      out[at++] = (byte) c;
      i++;
    }
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out[at++] = (byte) c;
      } else if (c < 0x800) {
        out[at++] = (byte) (0xC0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, text.charAt(++i));
        out[at++] = (byte) (0xF0 | (codePoint >> 18));
        out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (codePoint & 0x3F));
      } else {
        out[at++] = (byte) (0xE0 | (c >> 12));
        out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    size = at;
    return at - start;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }
}
