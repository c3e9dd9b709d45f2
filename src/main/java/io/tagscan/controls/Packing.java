package io.tagscan.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits what does not fit one policy into as few parts as the order allows: units are taken in
 * their order and a part is closed when the next unit would take it over the quota, so the same
 * input always splits the same way and every unit lands in exactly one part.
 */
final class Packing {

  private Packing() {}

  /**
   * The parts; {@code size} measures a whole part as written. A unit over the quota on its own gets
   * a part of its own (the caller notes it).
   */
  static <T> List<List<T>> pack(List<T> units, int quota, Function<List<T>, Integer> size) {
    List<List<T>> parts = new ArrayList<>();
    List<T> current = new ArrayList<>();
    for (T unit : units) {
      current.add(unit);
      if (current.size() > 1 && size.apply(current) > quota) {
        current.remove(current.size() - 1);
        parts.add(List.copyOf(current));
        current = new ArrayList<>(List.of(unit));
      }
    }
    if (!current.isEmpty() || parts.isEmpty()) {
      parts.add(List.copyOf(current));
    }
    return parts;
  }

  /** {@code prefix-1.json}, {@code prefix-2.json}, … for the parts. */
  static String name(String prefix, int index) {
    return prefix + "-" + (index + 1) + ".json";
  }
}
