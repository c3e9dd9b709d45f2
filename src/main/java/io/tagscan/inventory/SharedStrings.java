package io.tagscan.inventory;

import java.util.HashMap;
import java.util.Map;

/**
 * One shared instance per distinct account, region and resource type: a million resources name a
 * few dozen of each, and later stages hash and compare them, which a shared instance makes cheap
 * (its hash is computed once, equal strings are the same object) while holding a million fewer
 * copies. Past a cap, strings are left as they are, so hostile input cannot grow the table.
 */
final class SharedStrings {

  private static final int MAX = 10_000;

  private final Map<String, String> shared = new HashMap<>();

  /** The shared instance equal to {@code text} (null for null). */
  String of(String text) {
    if (text == null) {
      return null;
    }
    String known = shared.get(text);
    if (known != null) {
      return known;
    }
    if (shared.size() < MAX) {
      shared.put(text, text);
    }
    return text;
  }
}
