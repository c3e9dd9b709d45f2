package io.tagscan.model;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One tag operation of a fix plan: rename a key, set a value, add a tag or remove one, with the
 * rule that asked for it and why it is safe.
 *
 * <p>{@code value} is the value the tag holds before the change (null for {@link Action#ADD});
 * {@code newKey} is set for renames only, {@code newValue} for {@link Action#SET_VALUE} and {@link
 * Action#ADD}.
 */
public record TagChange(
    Action action,
    String key,
    String value,
    String newKey,
    String newValue,
    String rule,
    String reason) {

  /** What a change does to a resource's tags. */
  public enum Action {
    RENAME("rename"),
    SET_VALUE("set-value"),
    ADD("add"),
    REMOVE("remove");

    private final String slug;

    Action(String slug) {
      this.slug = slug;
    }

    /** The name used in plans and reports. */
    public String slug() {
      return slug;
    }

    /** The action named so, or null. */
    public static Action fromSlug(String slug) {
      for (Action action : values()) {
        if (action.slug.equals(slug)) {
          return action;
        }
      }
      return null;
    }
  }

  public TagChange {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rule, "rule");
    reason = Objects.requireNonNullElse(reason, "");
    boolean hasValue = value != null;
    boolean ok =
        switch (action) {
          case RENAME -> hasValue && newKey != null && newValue == null && !newKey.equals(key);
          case SET_VALUE -> hasValue && newKey == null && newValue != null;
          case ADD -> !hasValue && newKey == null && newValue != null;
          case REMOVE -> hasValue && newKey == null && newValue == null;
        };
    if (!ok) {
      throw new IllegalArgumentException("a " + action.slug() + " change with the wrong fields");
    }
  }

  /** Renames {@code key} (holding {@code value}) to {@code newKey}. */
  public static TagChange rename(String key, String value, String newKey, String rule, String why) {
    return new TagChange(Action.RENAME, key, value, newKey, null, rule, why);
  }

  /** Changes the value of {@code key} from {@code value} to {@code newValue}. */
  public static TagChange setValue(
      String key, String value, String newValue, String rule, String why) {
    return new TagChange(Action.SET_VALUE, key, value, null, newValue, rule, why);
  }

  /** Adds the tag {@code key} = {@code newValue}. */
  public static TagChange add(String key, String newValue, String rule, String why) {
    return new TagChange(Action.ADD, key, null, null, newValue, rule, why);
  }

  /** Removes the tag {@code key}, holding {@code value}. */
  public static TagChange remove(String key, String value, String rule, String why) {
    return new TagChange(Action.REMOVE, key, value, null, null, rule, why);
  }

  /**
   * The tags with this change made.
   *
   * @throws IllegalArgumentException when the tags do not hold what the change expects: the key
   *     with its value (or, to add, no such key), and for a rename no other value under the new key
   */
  public SortedMap<String, String> applyTo(SortedMap<String, String> tags) {
    TreeMap<String, String> after = new TreeMap<>(tags);
    String current = after.get(key);
    if (action == Action.ADD ? current != null : !Objects.equals(current, value)) {
      throw new IllegalArgumentException(
          "the change " + action.slug() + " of '" + Printable.of(key) + "' does not fit the tags");
    }
    switch (action) {
      case RENAME -> {
        String there = after.get(newKey);
        if (there != null && !there.equals(value)) {
          throw new IllegalArgumentException(
              "'" + Printable.of(newKey) + "' already holds another value");
        }
        after.remove(key);
        after.put(newKey, value);
      }
      case SET_VALUE, ADD -> after.put(key, newValue);
      case REMOVE -> after.remove(key);
    }
    return after;
  }
}
