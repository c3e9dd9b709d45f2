package io.tagscan.report;

import io.tagscan.report.SortedRuns.Chain;
import io.tagscan.report.SortedRuns.Ends;
import io.tagscan.report.SortedRuns.Entry;
import io.tagscan.report.SortedRuns.Merge;
import io.tagscan.report.SortedRuns.Run;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An external sort of checked resources by account, region and ARN: resources are buffered in
 * memory, each full buffer is sorted and spilled to a run file, and {@link #sorted()} merges the
 * runs, so memory holds at most two buffers however many resources arrive.
 *
 * <p>It sorts no more than the input needs. A buffer that arrives in order costs one comparison a
 * resource to sort (the JDK's sort finds runs that are already in order and merges them). At the
 * end, runs that follow one another in order (each run's first resource comes at or after the
 * previous one's last: input sorted as a whole, or one account or region after another) are chained
 * and read one after the other rather than merged, so input already in order is merged from a
 * single source, without comparing across runs at all.
 *
 * <p>Resources equal in account, region and ARN are ordered by their encoded bytes, so the order is
 * total and the output the same whatever the arrival order.
 */
final class Spool {

  // A large buffer makes few system calls.
  private static final int WRITE_BUFFER = 1 << 20;

  /**
   * Buffered records are copied into chunks of this size, which are reused once their buffer is
   * spilled: the records waiting in memory then sit in a few long-lived arrays that the collector
   * soon stops copying, rather than in a million short-lived ones that each survive a collection or
   * two. A record larger than a chunk keeps its own array.
   */
  static final int CHUNK = 4 << 20;

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
  // Guarded by lock: the chunks of the buffer being filled (the last one being filled now), and
  // chunks free for reuse.
  private List<byte[]> chunks = new ArrayList<>();
  private int chunkUsed = CHUNK;
  private final ArrayDeque<byte[]> freeChunks = new ArrayDeque<>();
  private int spillsInFlight;
  private boolean sealed;
  private IOException spillFailure;
  private final List<Run> runs = new ArrayList<>();

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
  void add(byte[] encoded) throws IOException {
    List<Entry> full = null;
    List<byte[]> fullChunks = null;
    synchronized (lock) {
      if (sealed) {
        throw new IllegalStateException("the report is already being written");
      }
      buffer.add(copyIntoChunk(encoded));
      bufferBytes += 48L + encoded.length;
      if (buffer.size() >= maxEntries || bufferBytes >= maxBytes) {
        full = buffer;
        fullChunks = chunks;
        buffer = new ArrayList<>();
        bufferBytes = 0;
        chunks = new ArrayList<>();
        chunkUsed = CHUNK;
        spillsInFlight++;
      }
    }
    if (full != null) {
      spill(full, fullChunks);
    }
  }

  // Guarded by lock.
  private Entry copyIntoChunk(byte[] encoded) {
    if (encoded.length > CHUNK) {
      return new Entry(encoded);
    }
    if (chunkUsed + encoded.length > CHUNK) {
      byte[] chunk = freeChunks.poll();
      chunks.add(chunk != null ? chunk : new byte[CHUNK]);
      chunkUsed = 0;
    }
    byte[] chunk = chunks.get(chunks.size() - 1);
    System.arraycopy(encoded, 0, chunk, chunkUsed, encoded.length);
    Entry entry = new Entry(chunk, chunkUsed, encoded.length);
    chunkUsed += encoded.length;
    return entry;
  }

  // Sorting and writing happen outside the main lock, so other threads keep adding meanwhile; one
  // spill at a time keeps memory to two buffers and makes a producer wait if the disk is slower.
  private void spill(List<Entry> entries, List<byte[]> used) throws IOException {
    try {
      synchronized (spillLock) {
        entries.sort(SortedRuns.ORDER);
        Run run =
            Run.inFile(
                writeRun(entries.iterator()),
                entries.get(0).copy(),
                entries.get(entries.size() - 1).copy());
        synchronized (lock) {
          runs.add(run);
          // The run is on disk: its chunks can take the next buffer's records.
          freeChunks.addAll(used);
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
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), WRITE_BUFFER))) {
      while (entries.hasNext()) {
        Entry entry = entries.next();
        out.writeInt(entry.length());
        out.write(entry.bytes(), entry.start(), entry.length());
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
   * Stops accepting resources and returns every one in order. Runs that follow one another in order
   * are chained into one source; sources beyond the fan-in are merged first, so no more than {@code
   * fanIn} files are open at once.
   */
  /** What receives the sorted resources one by one. */
  interface Consumer {
    void accept(SpooledResource resource) throws IOException;
  }

  /** Hands every resource to {@code consumer} in sorted order. */
  void forEachSorted(Consumer consumer) throws IOException {
    try (Merge merge = sorted()) {
      for (Entry next = merge.next(); next != null; next = merge.next()) {
        consumer.accept(new SpooledResource(next.bytes(), next.start(), next.length()));
      }
    }
  }

  Merge sorted() throws IOException {
    List<Entry> last;
    List<Run> spilled;
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
      spilled = new ArrayList<>(runs);
    }
    last.sort(SortedRuns.ORDER);
    if (!last.isEmpty()) {
      spilled.add(Run.inMemory(last));
    }
    List<Chain> chains = SortedRuns.chain(spilled);
    while (chains.size() > fanIn) {
      List<Chain> group = new ArrayList<>(chains.subList(0, fanIn));
      Path merged;
      Entry first;
      Entry end;
      try (Merge merge = new Merge(group)) {
        Iterator<Entry> entries = merge.entries();
        Ends remember = new Ends(entries);
        merged = writeRun(remember);
        first = remember.first;
        end = remember.last;
      }
      for (Chain chain : group) {
        for (Run run : chain.runs) {
          if (run.file() != null) {
            temp.delete(run.file());
          }
        }
      }
      chains.subList(0, fanIn).clear();
      chains.add(new Chain(new ArrayList<>(List.of(Run.inFile(merged, first, end)))));
    }
    return new Merge(chains);
  }
}
