package io.tagscan.rules;

import io.tagscan.dictionary.Conventions;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.KeyCase;
import io.tagscan.dictionary.TagSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dictionary turned into lookup tables once per engine, so that finding which tag stands for
 * which key costs a few hash lookups per tag.
 *
 * <p>Keys with a reserved prefix are left out: they are never judged, so a dictionary entry for one
 * cannot be missing either.
 */
final class CompiledDictionary {

  /** Resource types seen in one scan are few; the bound only guards against hostile input. */
  private static final int MAX_CACHED_SCOPES = 4096;

  final Dictionary dictionary;
  final Conventions conventions;
  final String prefix;
  final SpecInfo[] specs;

  private final Map<String, SpecInfo> byKey = new HashMap<>();
  private final SpecInfo[][] byLength;
  private final Map<String, SpecInfo> byLowerCaseKey;
  private final Map<String, SpecInfo> byAlias;
  private final Map<String, SpecInfo> byNearMiss;
  private final ConcurrentHashMap<String, Scope> scopes = new ConcurrentHashMap<>();

  CompiledDictionary(Dictionary dictionary) {
    this.dictionary = dictionary;
    this.conventions = dictionary.conventions();
    this.prefix = dictionary.prefix();
    List<SpecInfo> kept = new ArrayList<>();
    for (TagSpec spec : dictionary.tags()) {
      if (!conventions.isReserved(spec.key()) && !byKey.containsKey(spec.key())) {
        SpecInfo info = new SpecInfo(kept.size(), spec);
        kept.add(info);
        byKey.put(spec.key(), info);
      }
    }
    this.specs = kept.toArray(new SpecInfo[0]);

    LookupTable lowerCase = new LookupTable();
    LookupTable aliases = new LookupTable();
    for (SpecInfo info : specs) {
      lowerCase.offer(info.key.toLowerCase(Locale.ROOT), info);
      for (String alias : info.spec.aliases()) {
        if (!byKey.containsKey(alias)) {
          aliases.offer(alias, info);
        }
      }
    }
    lowerCase.closeLevel();
    aliases.closeLevel();

    // Each level only fills forms no earlier level took; a form two keys share on one level is
    // used by neither, so an ambiguous spelling is never renamed to a guess.
    LookupTable nearMiss = new LookupTable();
    for (SpecInfo info : specs) {
      nearMiss.offer(loose(info.key), info);
    }
    nearMiss.closeLevel();
    String prefixWithColon = prefix.isEmpty() ? null : prefix + ":";
    for (SpecInfo info : specs) {
      if (prefixWithColon != null && info.key.startsWith(prefixWithColon)) {
        nearMiss.offer(loose(info.key.substring(prefixWithColon.length())), info);
      }
    }
    nearMiss.closeLevel();
    for (SpecInfo info : specs) {
      for (String alias : info.spec.aliases()) {
        nearMiss.offer(loose(alias), info);
      }
    }
    nearMiss.closeLevel();
    // The last segment alone only when it has several words: CostCenter is surely the cost
    // centre, but a lone common word (Name, Version) is more often a tag of its own.
    for (SpecInfo info : specs) {
      int colon = info.key.lastIndexOf(':');
      String last = colon >= 0 ? loose(info.key.substring(colon + 1)) : "";
      if (last.indexOf('-') > 0) {
        nearMiss.offer(last, info);
      }
    }
    nearMiss.closeLevel();

    this.byLowerCaseKey = lowerCase.result();
    this.byAlias = aliases.result();
    this.byNearMiss = nearMiss.result();
    int longest = 0;
    for (String key : byKey.keySet()) {
      longest = Math.max(longest, key.length());
    }
    this.byLength = new SpecInfo[longest + 1][];
    for (SpecInfo info : byKey.values()) {
      SpecInfo[] same = byLength[info.key.length()];
      SpecInfo[] grown = same == null ? new SpecInfo[1] : Arrays.copyOf(same, same.length + 1);
      grown[grown.length - 1] = info;
      byLength[info.key.length()] = grown;
    }
  }

  /**
   * The key spelled exactly so, or null. Every tag of every resource asks this with a string just
   * read, whose hash is not yet known: grouping the few declared keys by length and comparing
   * directly skips hashing it, and most undeclared keys miss on the length alone.
   */
  SpecInfo exact(String key) {
    int length = key.length();
    if (length >= byLength.length) {
      return null;
    }
    SpecInfo[] candidates = byLength[length];
    if (candidates != null) {
      for (SpecInfo candidate : candidates) {
        if (candidate.key.equals(key)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** The key spelled so but for case, or null. */
  SpecInfo ignoringCase(String key) {
    return byLowerCaseKey.get(key.toLowerCase(Locale.ROOT));
  }

  /** The key that declares this exact alias, or null. */
  SpecInfo alias(String key) {
    return byAlias.get(key);
  }

  /** The key this near-miss spelling stands for, or null. */
  SpecInfo nearMiss(String key) {
    return byNearMiss.get(loose(key));
  }

  /**
   * The form near-misses are compared in: words joined by hyphens, with the colons between segments
   * folded too, so {@code anycompany_workload_application_id} finds its key.
   */
  private static String loose(String key) {
    return KeyNames.normalise(key).replace(':', '-');
  }

  /** Which keys apply to resources of this type, cached per type. */
  Scope scope(String resourceType) {
    Scope scope = scopes.get(resourceType);
    if (scope != null) {
      return scope;
    }
    scope = Scope.of(specs, resourceType);
    if (scopes.size() < MAX_CACHED_SCOPES) {
      scopes.putIfAbsent(resourceType, scope);
    }
    return scope;
  }

  /** True when the key matches the conventions' letter case. */
  boolean hasConventionalCase(String key) {
    KeyCase keyCase = conventions.keyCase();
    if (keyCase == KeyCase.ANY) {
      return true;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (keyCase == KeyCase.LOWER ? Character.isUpperCase(c) : Character.isLowerCase(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Builds a map level by level: a form offered by two different keys on the same level is blocked
   * for that level and every later one.
   */
  private static final class LookupTable {
    private final Map<String, SpecInfo> result = new HashMap<>();
    private final Set<String> blocked = new HashSet<>();
    private final Map<String, SpecInfo> level = new HashMap<>();
    private final Set<String> levelConflicts = new HashSet<>();

    void offer(String form, SpecInfo info) {
      if (form.isEmpty() || blocked.contains(form) || result.containsKey(form)) {
        return;
      }
      SpecInfo previous = level.putIfAbsent(form, info);
      if (previous != null && previous != info) {
        levelConflicts.add(form);
      }
    }

    void closeLevel() {
      level.forEach(
          (form, info) -> {
            if (levelConflicts.contains(form)) {
              blocked.add(form);
            } else {
              result.put(form, info);
            }
          });
      level.clear();
      levelConflicts.clear();
    }

    Map<String, SpecInfo> result() {
      return Map.copyOf(result);
    }
  }
}
