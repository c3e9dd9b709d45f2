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

  /**
   * A 64-bit hash taking four characters a step, finished with MurmurHash3's mix for spread. Each
   * step is a bijection of the running state, so two ARNs of one length that differ in a single
   * four-character block never collide; a step costs about what FNV-1a costs per character, and
   * this runs once for every resource of an offline scan.
   */
  static long hash(String text) {
    int length = text.length();
    long h = 0x9e3779b97f4a7c15L ^ length;
    int i = 0;
    for (int end = length - 3; i < end; i += 4) {
      long block =
          text.charAt(i)
              | (long) text.charAt(i + 1) << 16
              | (long) text.charAt(i + 2) << 32
              | (long) text.charAt(i + 3) << 48;
      h = (h ^ block) * 0xff51afd7ed558ccdL;
      h ^= h >>> 32;
    }
    long tail = 0;
    for (; i < length; i++) {
      tail = tail << 16 | text.charAt(i);
    }
    h = (h ^ tail) * 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
