package io.tagscan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The changes a fix plan makes to one resource, with the tags the resource carried when the plan
 * was made; applying it re-reads the tags and leaves the resource alone unless they are the same.
 */
public record ResourceFix(
    String arn,
    String accountId,
    String region,
    String resourceType,
    SortedMap<String, String> tags,
    List<TagChange> changes) {

  public ResourceFix {
    Objects.requireNonNull(arn, "arn");
    accountId = Objects.requireNonNullElse(accountId, "");
    region = Objects.requireNonNullElse(region, "");
    resourceType = Objects.requireNonNullElse(resourceType, "");
    tags = SortedTags.copyOf(Objects.requireNonNull(tags, "tags"));
    changes = List.copyOf(changes);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a resource in a plan has at least one change");
    }
    after(tags, changes);
  }

  /** The tags once every change is made. */
  public SortedMap<String, String> after() {
    return after(tags, changes);
  }

  private static SortedMap<String, String> after(
      SortedMap<String, String> tags, List<TagChange> changes) {
    SortedMap<String, String> current = tags;
    for (TagChange change : changes) {
      current = change.applyTo(current);
    }
    return Collections.unmodifiableSortedMap(current);
  }

  /** The tags to write: those the changes add or give another value. */
  public SortedMap<String, String> toSet() {
    TreeMap<String, String> set = new TreeMap<>();
    for (Map.Entry<String, String> tag : after().entrySet()) {
      if (!tag.getValue().equals(tags.get(tag.getKey()))) {
        set.put(tag.getKey(), tag.getValue());
      }
    }
    return Collections.unmodifiableSortedMap(set);
  }

  /** The keys to remove: those the resource carries now and not after the changes. */
  public List<String> toRemove() {
    SortedMap<String, String> after = after();
    List<String> remove = new ArrayList<>();
    for (String key : tags.keySet()) {
      if (!after.containsKey(key)) {
        remove.add(key);
      }
    }
    return List.copyOf(remove);
  }

  /**
   * The changes that take a resource carrying {@code from} back to {@code to}: adds and new values
   * first, then removals, each key once, in key order.
   */
  public static List<TagChange> between(
      SortedMap<String, String> from, SortedMap<String, String> to, String rule, String reason) {
    List<TagChange> changes = new ArrayList<>();
    for (Map.Entry<String, String> tag : to.entrySet()) {
      String now = from.get(tag.getKey());
      if (now == null) {
        changes.add(TagChange.add(tag.getKey(), tag.getValue(), rule, reason));
      } else if (!now.equals(tag.getValue())) {
        changes.add(TagChange.setValue(tag.getKey(), now, tag.getValue(), rule, reason));
      }
    }
    for (Map.Entry<String, String> tag : from.entrySet()) {
      if (!to.containsKey(tag.getKey())) {
        changes.add(TagChange.remove(tag.getKey(), tag.getValue(), rule, reason));
      }
    }
    return List.copyOf(changes);
  }
}
