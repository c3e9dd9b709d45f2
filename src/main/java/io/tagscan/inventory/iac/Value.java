package io.tagscan.inventory.iac;

import java.util.List;
import java.util.Map;

/**
 * A value of a template as written, YAML or JSON alike, with the 1-based line and column where it
 * starts: a mapping (its keys in order, each with where it was written), a list, a plain value, or
 * a short intrinsic function such as {@code !Ref}, which is never run.
 */
sealed interface Value {

  int line();

  int column();

  /** A mapping; {@code keys} holds the entry of each key, in the order written. */
  record Mapping(Map<String, Entry> entries, int line, int column) implements Value {

    /** The value of a key, or null. */
    Value get(String key) {
      Entry entry = entries.get(key);
      return entry == null ? null : entry.value();
    }

    /**
     * The intrinsic function this mapping is in a template's long form ({@code {"Ref": "X"}},
     * {@code {"Fn::Sub": "…"}}), or null for a plain mapping.
     */
    String longFormFunction() {
      if (entries.size() != 1) {
        return null;
      }
      String key = entries.keySet().iterator().next();
      return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::") ? key : null;
    }
  }

  /** A key of a mapping where it was written, with its value. */
  record Entry(String key, int line, int column, Value value) {}

  /** A list. */
  record Sequence(List<Value> items, int line, int column) implements Value {}

  /** A plain value as written (numbers and booleans as their text); null for YAML's null. */
  record Scalar(String text, int line, int column) implements Value {}

  /** A short intrinsic function, such as {@code !Ref}: its value is known only at deploy time. */
  record Intrinsic(String function, int line, int column) implements Value {}

  /**
   * The intrinsic function that makes this value unknown until deploy (a short {@code !Ref} or a
   * long {@code Fn::If}), or null for a value written out.
   */
  static String function(Value value) {
    if (value instanceof Intrinsic intrinsic) {
      return intrinsic.function();
    }
    if (value instanceof Mapping mapping) {
      return mapping.longFormFunction();
    }
    return null;
  }
}
