package io.tagscan.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable map of tags sorted by key, kept in two parallel arrays: a resource carries a handful
 * of tags, and a million resources pass through a scan, so this costs a fraction of a {@link
 * TreeMap} to build, hold and read. Lookups are binary searches.
 */
@SuppressWarnings("JdkObsolete") // resources and records hold tags as SortedMap
public final class SortedTags extends AbstractMap<String, String>
    implements SortedMap<String, String> {

  private static final SortedTags EMPTY = new SortedTags(new String[0], new String[0], 0);

  private final String[] keys;
  private final String[] values;
  private final int size;

  private SortedTags(String[] keys, String[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
  }

  /** The given tags, sorted; a null value is read as the empty string. */
  public static SortedTags copyOf(Map<String, String> tags) {
    if (tags instanceof SortedTags sorted) {
      return sorted;
    }
    if (tags.isEmpty()) {
      return EMPTY;
    }
    Builder builder = new Builder(tags.size());
    tags.forEach(builder::put);
    return builder.build();
  }

  /** A builder expecting about this many tags. */
  public static Builder builder(int expected) {
    return new Builder(expected);
  }

  /** Collects tags in any order; a key put twice keeps its last value. Use once. */
  public static final class Builder {
    private String[] keys;
    private String[] values;
    private int size;

    Builder(int expected) {
      keys = new String[Math.max(expected, 4)];
      values = new String[keys.length];
    }

    /**
     * Adds a tag; a null value is read as the empty string.
     *
     * @return false when the key was there already (its value is then replaced), so that a reader
     *     of untrusted input can refuse a key given twice
     */
    public boolean put(String key, String value) {
      if (key == null) {
        throw new NullPointerException("tag key");
      }
      String text = value == null ? "" : value;
      int at = Arrays.binarySearch(keys, 0, size, key);
      if (at >= 0) {
        values[at] = text;
        return false;
      }
      int insert = -at - 1;
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      System.arraycopy(keys, insert, keys, insert + 1, size - insert);
      System.arraycopy(values, insert, values, insert + 1, size - insert);
      keys[insert] = key;
      values[insert] = text;
      size++;
      return true;
    }

    /** The tags collected; the builder must not be used after this. */
    public SortedTags build() {
      return size == 0 ? EMPTY : new SortedTags(keys, values, size);
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public String get(Object key) {
    int at = indexOf(key);
    return at >= 0 ? values[at] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  private int indexOf(Object key) {
    if (!(key instanceof String text)) {
      return -1;
    }
    int at = Arrays.binarySearch(keys, 0, size, text);
    return at >= 0 ? at : -1;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int at = next++;
            return new SimpleImmutableEntry<>(keys[at], values[at]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public void forEach(java.util.function.BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public SortedMap<String, String> subMap(String fromKey, String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
  }

  @Override
  public SortedMap<String, String> headMap(String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
  }

  @Override
  public SortedMap<String, String> tailMap(String fromKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
  }

  @Override
  public String firstKey() {
    if (size == 0) {
      throw new NoSuchElementException();
    }
    return keys[0];
  }

  @Override
  public String lastKey() {
    if (size == 0) {
      throw new NoSuchElementException();
    }
    return keys[size - 1];
  }
}
