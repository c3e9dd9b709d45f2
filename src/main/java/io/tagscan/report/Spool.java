package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Resource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * An external sort of checked resources by account, region and ARN: resources are buffered in
 * memory, each full buffer is sorted and spilled to a run file, and {@link #sorted()} merges the
 * runs, so memory holds at most two buffers however many resources arrive.
 *
 * <p>Resources equal in account, region and ARN are ordered by their encoded bytes, so the order is
 * total and the output the same whatever the arrival order.
 */
final class Spool {

  /**
   * One encoded resource with its sort key: account, region and ARN as UTF-8, each ended by a NUL,
   * so that one vectorised byte comparison orders entries by account, then region, then ARN.
   */
  @SuppressWarnings("ArrayRecordComponent") // compared by key bytes in the spool, never by equals
  record Entry(byte[] key, byte[] bytes) {

    Entry(String accountId, String region, String arn, byte[] bytes) {
      this(sortKey(accountId, region, arn), bytes);
    }

    /** A rough count of the heap bytes the entry holds, to bound a buffer. */
    long footprint() {
      return 96L + bytes.length + key.length;
    }
  }

  private static byte[] sortKey(String accountId, String region, String arn) {
    byte[] account = accountId.getBytes(StandardCharsets.UTF_8);
    byte[] where = region.getBytes(StandardCharsets.UTF_8);
    byte[] name = arn.getBytes(StandardCharsets.UTF_8);
    byte[] key = new byte[account.length + where.length + name.length + 3];
    System.arraycopy(account, 0, key, 0, account.length);
    System.arraycopy(where, 0, key, account.length + 1, where.length);
    System.arraycopy(name, 0, key, account.length + where.length + 2, name.length);
    return key;
  }

  /**
   * By the sort key, then by the encoded bytes, so that equal keys still sort the same every time.
   * A byte comparison, since a million-resource report compares some forty million times.
   */
  static final Comparator<Entry> ORDER =
      (a, b) -> {
        int order = Arrays.compareUnsigned(a.key, b.key);
        return order != 0 ? order : Arrays.compareUnsigned(a.bytes, b.bytes);
      };

  private static final int IO_BUFFER = 64 * 1024;

  private final Path dir;
  private final TempFiles temp;
  private final int maxEntries;
  private final long maxBytes;
  private final int fanIn;

  private final Object lock = new Object();
  private final Object spillLock = new Object();
  // Guarded by lock.
  private List<Entry> buffer = new ArrayList<>();
  private long bufferBytes;
  private int spillsInFlight;
  private boolean sealed;
  private IOException spillFailure;
  private final List<Path> runs = new ArrayList<>();

  Spool(Path dir, TempFiles temp, int maxEntries, long maxBytes, int fanIn) {
    if (maxEntries < 1 || maxBytes < 1 || fanIn < 2) {
      throw new IllegalArgumentException("bad spool sizes");
    }
    this.dir = dir;
    this.temp = temp;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.fanIn = fanIn;
  }

  /** Adds one resource, given with its encoding; thread-safe. */
  void add(CheckedResource checked, byte[] encoded) throws IOException {
    Resource resource = checked.resource();
    Entry entry = new Entry(resource.accountId(), resource.region(), resource.arn(), encoded);
    List<Entry> full = null;
    synchronized (lock) {
      if (sealed) {
        throw new IllegalStateException("the report is already being written");
      }
      buffer.add(entry);
      bufferBytes += entry.footprint();
      if (buffer.size() >= maxEntries || bufferBytes >= maxBytes) {
        full = buffer;
        buffer = new ArrayList<>();
        bufferBytes = 0;
        spillsInFlight++;
      }
    }
    if (full != null) {
      spill(full);
    }
  }

  // Sorting and writing happen outside the main lock, so other threads keep adding meanwhile; one
  // spill at a time keeps memory to two buffers and makes a producer wait if the disk is slower.
  private void spill(List<Entry> entries) throws IOException {
    try {
      synchronized (spillLock) {
        entries.sort(ORDER);
        Path run = writeRun(entries.iterator());
        synchronized (lock) {
          runs.add(run);
        }
      }
    } catch (IOException | RuntimeException e) {
      synchronized (lock) {
        if (spillFailure == null) {
          spillFailure = e instanceof IOException io ? io : new IOException(e);
        }
      }
      throw e;
    } finally {
      synchronized (lock) {
        spillsInFlight--;
        lock.notifyAll();
      }
    }
  }

  private Path writeRun(Iterator<Entry> entries) throws IOException {
    Path run = temp.create(dir, "tagscan-run");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), IO_BUFFER))) {
      while (entries.hasNext()) {
        byte[] bytes = entries.next().bytes();
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    }
    return run;
  }

  /** The number of runs spilled to disk so far. */
  int runCount() {
    synchronized (lock) {
      return runs.size();
    }
  }

  /**
   * Stops accepting resources and returns every one in order. Runs beyond the fan-in are merged
   * first, so no more than {@code fanIn} files are open at once.
   */
  Merge sorted() throws IOException {
    List<Entry> last;
    List<Path> files;
    synchronized (lock) {
      sealed = true;
      while (spillsInFlight > 0) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for a spill");
        }
      }
      if (spillFailure != null) {
        throw new IOException("a spill run could not be written", spillFailure);
      }
      last = buffer;
      buffer = List.of();
      files = new ArrayList<>(runs);
    }
    last.sort(ORDER);
    while (files.size() > fanIn) {
      List<Path> group = new ArrayList<>(files.subList(0, fanIn));
      Path merged;
      try (Merge merge = new Merge(group, List.of())) {
        merged = writeRun(merge.entries());
      }
      for (Path run : group) {
        temp.delete(run);
      }
      files.subList(0, fanIn).clear();
      files.add(merged);
    }
    return new Merge(files, last);
  }

  /** A k-way merge of sorted runs: files plus the last buffer, still in memory. */
  static final class Merge implements Closeable {

    private record Head(Entry entry, Iterator<Entry> source) {}

    private final List<RunReader> readers = new ArrayList<>();
    private final PriorityQueue<Head> heads =
        new PriorityQueue<>((a, b) -> ORDER.compare(a.entry(), b.entry()));

    Merge(List<Path> files, List<Entry> memory) throws IOException {
      try {
        for (Path file : files) {
          RunReader reader = new RunReader(file);
          readers.add(reader);
          advance(reader);
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
      advance(memory.iterator());
    }

    private void advance(Iterator<Entry> source) {
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
      return entry == null ? null : ResourceCodec.decode(entry.bytes());
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
      for (RunReader reader : readers) {
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

  /** Reads one run file back, entry by entry; I/O failures surface as unchecked exceptions. */
  private static final class RunReader implements Iterator<Entry>, Closeable {
    private final Path file;
    private final DataInputStream in;
    private Entry next;

    RunReader(Path file) throws IOException {
      this.file = file;
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), IO_BUFFER));
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
      ResourceCodec.Key key = ResourceCodec.decodeKey(bytes);
      return new Entry(key.accountId(), key.region(), key.arn(), bytes);
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
        throw new java.io.UncheckedIOException("could not read spill run " + file, e);
      }
      return current;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
