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
    long hash = hash(arn);
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

  /** A 64-bit FNV-1a over the characters, finished with a MurmurHash3 mix for spread. */
  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
