package io.tagscan.rules;

import io.tagscan.model.Resource;
import java.util.Map;

/**
 * One resource's tags with the key resolution every rule shares: which tag stands for which
 * dictionary key, which tags are duplicates or undeclared, and what is wrong with each value.
 *
 * <p>Built once per resource and read by every rule, so rules that interact (a case variant is not
 * also a missing key; an alias is not also undeclared) agree by construction. Confined to the
 * thread checking the resource.
 */
final class ResolvedResource {

  /** Value traits: the value holds an {@code @}. */
  static final int HAS_AT = 1;

  /**
   * Value traits: the value may break an AWS limit (length or a character outside ASCII's safe
   * set).
   */
  static final int MAY_BREAK_LIMITS = 2;

  /** Value traits: the digit count sits in the bits from here up. */
  private static final int DIGITS_SHIFT = 2;

  private static final Match[] MATCHES = Match.values();

  /** Per-tag kind: a user tag no dictionary key claims. */
  private static final byte UNCLAIMED = -1;

  /** Per-tag kind: a key with a reserved prefix. */
  private static final byte RESERVED = -2;

  final Resource resource;
  final CompiledDictionary dictionary;
  final Scope scope;

  /** The resource's tags in key order, reserved ones included. */
  final String[] keys;

  final String[] values;

  /** Per tag: the dictionary key it stands for, or null. */
  final SpecInfo[] claimedBy;

  /** Per tag: a {@link Match} ordinal, {@link #UNCLAIMED} or {@link #RESERVED}. */
  private final byte[] kinds;

  /** Per dictionary key: one more than the index of the tag that stands for it, or 0. */
  private final int[] standing;

  /** Per dictionary key with a standing tag: what is wrong with its value. */
  final ValueVerdict[] verdicts;

  /** Per tag, worked out on first use: see {@link #valueTraits}. */
  private int[] traits;

  /** How many tags do not have a reserved prefix. */
  final int userTagCount;

  ResolvedResource(CompiledDictionary dictionary, Resource resource) {
    this.resource = resource;
    this.dictionary = dictionary;
    this.scope = dictionary.scope(resource.resourceType());
    Map<String, String> tags = resource.tags();
    int size = tags.size();
    keys = new String[size];
    values = new String[size];
    claimedBy = new SpecInfo[size];
    kinds = new byte[size];
    standing = new int[dictionary.specs.length];
    verdicts = new ValueVerdict[dictionary.specs.length];

    int users = 0;
    int t = 0;
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      String key = tag.getKey();
      keys[t] = key;
      values[t] = tag.getValue();
      // Dictionary keys never carry a reserved prefix, so an exact hit saves the prefix test.
      SpecInfo exact = dictionary.exact(key);
      if (exact != null) {
        users++;
        claim(t, exact, Match.EXACT);
      } else if (dictionary.conventions.isReserved(key)) {
        kinds[t] = RESERVED;
      } else {
        users++;
        claimByOtherSpelling(t, key);
      }
      t++;
    }
    userTagCount = users;

    for (SpecInfo info : dictionary.specs) {
      int tag = standing[info.index] - 1;
      if (tag >= 0) {
        verdicts[info.index] = info.judge(values[tag], scope.contains(info));
      }
    }
  }

  private void claimByOtherSpelling(int t, String key) {
    SpecInfo info = dictionary.ignoringCase(key);
    Match how = Match.CASE;
    if (info == null) {
      info = dictionary.alias(key);
      how = Match.ALIAS;
    }
    if (info == null) {
      info = dictionary.nearMiss(key);
      how = Match.NEAR_MISS;
    }
    if (info == null) {
      kinds[t] = UNCLAIMED;
    } else {
      claim(t, info, how);
    }
  }

  @SuppressWarnings("EnumOrdinal") // Match constants are declared best first; ordinals rank them
  private void claim(int t, SpecInfo info, Match how) {
    claimedBy[t] = info;
    kinds[t] = (byte) how.ordinal();
    int current = standing[info.index] - 1;
    // Tags arrive in key order, so among equally good spellings the first in that order stands.
    if (current < 0 || how.ordinal() < kinds[current]) {
      standing[info.index] = t + 1;
    }
  }

  int size() {
    return keys.length;
  }

  /** True when the tag is judged: its key has no reserved prefix. */
  boolean isUserTag(int t) {
    return kinds[t] != RESERVED;
  }

  /** How the tag stands for a dictionary key, or null when it stands for none. */
  Match match(int t) {
    return kinds[t] >= 0 ? MATCHES[kinds[t]] : null;
  }

  /** The index of the tag standing for this dictionary key, or -1. */
  int standing(SpecInfo info) {
    return standing[info.index] - 1;
  }

  /** True when the tag stands for a dictionary key but another tag stands for it better. */
  boolean isDuplicate(int t) {
    SpecInfo info = claimedBy[t];
    return info != null && standing[info.index] - 1 != t;
  }

  /** The key of the tag standing for this dictionary key, or null. */
  String standingKey(SpecInfo info) {
    int t = standing[info.index] - 1;
    return t < 0 ? null : keys[t];
  }

  /**
   * Cheap facts about a tag's value from one pass over it, shared by the rules that would otherwise
   * each scan it: {@link #HAS_AT}, {@link #MAY_BREAK_LIMITS} and the digit count ({@link #digits}).
   */
  int valueTraits(int t) {
    if (traits == null) {
      traits = new int[keys.length];
      for (int i = 0; i < keys.length; i++) {
        traits[i] = scan(values[i]);
      }
    }
    return traits[t];
  }

  /** The number of ASCII digits recorded in value traits. */
  static int digits(int traits) {
    return traits >>> DIGITS_SHIFT;
  }

  private static int scan(String value) {
    int flags = value.length() > AwsTagLimits.MAX_VALUE_LENGTH ? MAY_BREAK_LIMITS : 0;
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '@') {
        flags |= HAS_AT;
      } else if (!AwsTagLimits.isPlainAllowed(c)) {
        flags |= MAY_BREAK_LIMITS;
      }
    }
    return flags | digits << DIGITS_SHIFT;
  }
}
