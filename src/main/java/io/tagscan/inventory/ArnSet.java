package io.tagscan.inventory;

/**
 * The set of ARNs seen so far, kept as 64-bit hashes in an open-addressing table so that a scan of
 * a million resources deduplicates in a few megabytes.
 *
 * <p>Two different ARNs share a 64-bit hash with a probability near 10^-7 in a million-resource
 * scan; that is the price of bounded memory and is accepted. Not thread-safe.
 */
public final class ArnSet {

  private long[] table = new long[1 << 12];
  private int size;
  private boolean containsZero;

  /** Adds the ARN; returns false when it was already there. */
  public boolean add(String arn) {
    return addHash(hash(arn));
  }

  /**
   * Adds the ARNs of these hashes ({@link #hash}) in order, setting {@code added[i]} to whether the
   * i-th was new. A million ARNs make a table larger than the CPU's caches, so each probe is a
   * memory access; probed in a tight loop they overlap one another, where one probe per resource
   * between parsing would wait for each in turn.
   */
  public void addAll(long[] hashes, int count, boolean[] added) {
    for (int i = 0; i < count; i++) {
      added[i] = addHash(hashes[i]);
    }
  }

  private boolean addHash(long hash) {
    if (hash == 0) {
      boolean added = !containsZero;
      containsZero = true;
      return added;
    }
    int mask = table.length - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (true) {
      long current = table[slot];
      if (current == 0) {
        table[slot] = hash;
        if (++size * 2 > table.length) {
          grow();
        }
        return true;
      }
      if (current == hash) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** How many distinct ARNs were added. */
  public int size() {
    return size + (containsZero ? 1 : 0);
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long hash : old) {
      if (hash != 0) {
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        table[slot] = hash;
      }
    }
  }

  private static final long P1 = 0x9e3779b185ebca87L;
  private static final long P2 = 0xc2b2ae3d27d4eb4fL;
  private static final long P3 = 0x165667b19e3779f9L;
  private static final long P4 = 0x85ebca77c2b2ae63L;
  private static final long P5 = 0x27d4eb2f165667c5L;

  /**
   * A 64-bit hash of the characters, four (64 bits) a step, in the rounds and final mix of
   * xxHash64: a quarter of FNV-1a's serial multiplies, and it runs once for every resource of an
   * offline scan. A weaker mix is not safe here: ARNs differ in a few characters at the end, and a
   * one-multiply step let two of a million benchmark ARNs collide.
   */
  static long hash(String text) {
    int length = text.length();
    long h = P5 + length * 2L;
    int i = 0;
    for (int end = length - 3; i < end; i += 4) {
      long block =
          text.charAt(i)
              | (long) text.charAt(i + 1) << 16
              | (long) text.charAt(i + 2) << 32
              | (long) text.charAt(i + 3) << 48;
      h ^= Long.rotateLeft(block * P2, 31) * P1;
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    for (; i < length; i++) {
      h ^= text.charAt(i) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }
}
