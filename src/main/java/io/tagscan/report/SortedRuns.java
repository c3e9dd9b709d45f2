package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The sorted runs of a {@link Spool} and their merge: the order of encoded resources, runs that
 * follow one another in order chained into one source, and a k-way merge of the chains.
 */
final class SortedRuns {

  // A run is read through a smaller buffer than it is written with, since up to fanIn runs are
  // open at once.
  private static final int READ_BUFFER = 256 * 1024;

  private SortedRuns() {}

  /**
   * One encoded resource ({@link ResourceCodec}) at {@code start} in {@code bytes} (its own array,
   * or a chunk of the spool's buffer), whose head is its sort key: account, region and ARN as
   * UTF-8, each ended by a NUL, so that one vectorised byte comparison orders entries by account,
   * then region, then ARN, without decoding them. {@code keyEnd} and {@code end} are indexes in
   * {@code bytes}.
   */
  @SuppressWarnings("ArrayRecordComponent") // compared by key bytes in the spool, never by equals
  record Entry(byte[] bytes, int start, int keyEnd, int end, long head, long next) {

    Entry(byte[] bytes) {
      this(bytes, 0, bytes.length);
    }

    Entry(byte[] bytes, int start, int length) {
      this(
          bytes,
          start,
          start + ResourceCodec.KEY_START + ResourceCodec.keyLength(bytes, start),
          start + length);
    }

    private Entry(byte[] bytes, int start, int keyEnd, int end) {
      this(
          bytes,
          start,
          keyEnd,
          end,
          prefix(bytes, start + ResourceCodec.KEY_START, keyEnd),
          prefix(bytes, start + ResourceCodec.KEY_START + 8, keyEnd));
    }

    int length() {
      return end - start;
    }

    /** The entry in an array of its own, for keeping after its chunk is reused. */
    Entry copy() {
      return new Entry(Arrays.copyOfRange(bytes, start, end));
    }

    CheckedResource decode() {
      return ResourceCodec.decode(bytes, start, length());
    }
  }

  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /**
   * The eight key bytes at {@code from} as one unsigned number, zeros past the key's end. Two
   * entries whose first sixteen key bytes differ are ordered by these alone, in a comparison or two
   * of longs: zero pads only where the key has ended, and a key that ends first sorts first.
   */
  private static long prefix(byte[] bytes, int from, int keyEnd) {
    if (from + 8 <= keyEnd) {
      return (long) BIG_ENDIAN_LONG.get(bytes, from);
    }
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (from + i < keyEnd ? bytes[from + i] & 0xFF : 0);
    }
    return value;
  }

  /**
   * By the sort key, then by the rest of the encoded bytes, so that equal keys still sort the same
   * every time. A byte comparison, since a million-resource report compares some forty million
   * times.
   */
  static final Comparator<Entry> ORDER =
      (a, b) -> {
        if (a.head != b.head) {
          return Long.compareUnsigned(a.head, b.head);
        }
        if (a.next != b.next) {
          return Long.compareUnsigned(a.next, b.next);
        }
        int keyStartA = a.start + ResourceCodec.KEY_START;
        int keyStartB = b.start + ResourceCodec.KEY_START;
        int order =
            Arrays.compareUnsigned(a.bytes, keyStartA, a.keyEnd, b.bytes, keyStartB, b.keyEnd);
        return order != 0
            ? order
            : Arrays.compareUnsigned(a.bytes, a.keyEnd, a.end, b.bytes, b.keyEnd, b.end);
      };

  /**
   * A sorted run, spilled to a file or (the last buffer) still in memory, with its first and last
   * entry, to chain runs in order.
   */
  record Run(Path file, List<Entry> memory, Entry first, Entry last) {

    static Run inFile(Path file, Entry first, Entry last) {
      return new Run(file, null, first, last);
    }

    static Run inMemory(List<Entry> sorted) {
      return new Run(null, sorted, sorted.get(0), sorted.get(sorted.size() - 1));
    }

    Iterator<Entry> open() throws IOException {
      return file != null ? new RunReader(file) : memory.iterator();
    }
  }

  /** Runs read one after the other: each starts at or after the end of the one before. */
  static final class Chain {
    final List<Run> runs;

    Chain(List<Run> runs) {
      this.runs = runs;
    }

    Entry last() {
      return runs.get(runs.size() - 1).last();
    }
  }

  /**
   * Chains the runs in the order they were spilled: each run goes after the chain whose last entry
   * is the greatest one not after its first, or starts a chain of its own. Input sorted as a whole
   * gives one chain; input sorted within each account (or region) but not across gives about one
   * chain per account; input in no order gives one chain per run, as a plain merge would.
   */
  static List<Chain> chain(List<Run> runs) {
    List<Chain> chains = new ArrayList<>();
    for (Run run : runs) {
      Chain best = null;
      for (Chain chain : chains) {
        if (ORDER.compare(chain.last(), run.first()) <= 0
            && (best == null || ORDER.compare(chain.last(), best.last()) > 0)) {
          best = chain;
        }
      }
      if (best == null) {
        chains.add(new Chain(new ArrayList<>(List.of(run))));
      } else {
        best.runs.add(run);
      }
    }
    return chains;
  }

  /** Passes entries through while remembering the first and the last. */
  static final class Ends implements Iterator<Entry> {
    private final Iterator<Entry> entries;
    Entry first;
    Entry last;

    Ends(Iterator<Entry> entries) {
      this.entries = entries;
    }

    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    public Entry next() {
      Entry next = entries.next();
      if (first == null) {
        first = next;
      }
      last = next;
      return next;
    }
  }

  /** A k-way merge of chains of sorted runs, each chain read one run after the other. */
  static final class Merge implements Closeable {

    private record Head(Entry entry, ChainReader source) {}

    private final List<ChainReader> readers = new ArrayList<>();
    private final PriorityQueue<Head> heads =
        new PriorityQueue<>((a, b) -> ORDER.compare(a.entry(), b.entry()));

    Merge(List<Chain> chains) throws IOException {
      try {
        for (Chain chain : chains) {
          ChainReader reader = new ChainReader(chain.runs);
          readers.add(reader);
          advance(reader);
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    /** How many sources are merged: one when the input came in order. */
    int sources() {
      return readers.size();
    }

    private void advance(ChainReader source) {
      if (source.hasNext()) {
        heads.add(new Head(source.next(), source));
      }
    }

    /** The next entry in order, or null at the end. */
    Entry next() {
      Head head = heads.poll();
      if (head == null) {
        return null;
      }
      advance(head.source());
      return head.entry();
    }

    /** The next resource in order, or null at the end. */
    CheckedResource nextResource() {
      Entry entry = next();
      return entry == null ? null : entry.decode();
    }

    Iterator<Entry> entries() {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return !heads.isEmpty();
        }

        @Override
        public Entry next() {
          return Merge.this.next();
        }
      };
    }

    @Override
    public void close() throws IOException {
      IOException failure = null;
      for (ChainReader reader : readers) {
        try {
          reader.close();
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Reads the runs of one chain one after the other, opening each when the one before ends. */
  private static final class ChainReader implements Iterator<Entry>, Closeable {
    private final Iterator<Run> runs;
    private Iterator<Entry> current;

    ChainReader(List<Run> runs) throws IOException {
      this.runs = runs.iterator();
      this.current = this.runs.next().open();
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (!runs.hasNext()) {
          return false;
        }
        try {
          close();
          current = runs.next().open();
        } catch (IOException e) {
          throw new UncheckedIOException("could not open a spill run", e);
        }
      }
      return true;
    }

    @Override
    public Entry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    @Override
    public void close() throws IOException {
      if (current instanceof RunReader reader) {
        reader.close();
      }
    }
  }

  /** Reads one run file back, entry by entry; I/O failures surface as unchecked exceptions. */
  private static final class RunReader implements Iterator<Entry>, Closeable {
    private final Path file;
    private final DataInputStream in;
    private Entry next;

    RunReader(Path file) throws IOException {
      this.file = file;
      this.in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), READ_BUFFER));
      this.next = read();
    }

    private Entry read() throws IOException {
      int first = in.read();
      if (first < 0) {
        return null;
      }
      int length = (first << 24) | (in.readUnsignedByte() << 16) | in.readUnsignedShort();
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      return new Entry(bytes);
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Entry next() {
      Entry current = next;
      try {
        next = read();
      } catch (IOException e) {
        throw new UncheckedIOException("could not read spill run " + file, e);
      }
      return current;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
