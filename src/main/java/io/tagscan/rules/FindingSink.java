package io.tagscan.rules;

import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one resource's findings with the severity the dictionary gives each rule; allocates
 * nothing until the first finding, since most resources have none.
 */
final class FindingSink {

  /**
   * A finding and the dictionary key its tag stands for (when that differs from the tag's own key),
   * so that an exemption written for the dictionary key also covers its aliases.
   */
  record Pending(Finding finding, String dictionaryKey) {}

  private final Severity[] severities;
  private List<Pending> pending;

  FindingSink(Severity[] severities) {
    this.severities = severities;
  }

  /** Adds a finding about a tag that stands for no dictionary key, or is the key itself. */
  void add(RuleId rule, String key, String value, String expected, String fix, String message) {
    add(rule, key, value, expected, fix, message, null);
  }

  /** Adds a finding about a tag standing for {@code dictionaryKey} under another spelling. */
  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  void add(
      RuleId rule,
      String key,
      String value,
      String expected,
      String fix,
      String message,
      String dictionaryKey) {
    if (pending == null) {
      pending = new ArrayList<>(4);
    }
    Finding finding =
        new Finding(rule, severities[rule.ordinal()], key, value, expected, fix, message);
    pending.add(
        new Pending(
            finding, dictionaryKey == null || dictionaryKey.equals(key) ? null : dictionaryKey));
  }

  boolean isEmpty() {
    return pending == null;
  }

  List<Pending> pending() {
    return pending == null ? List.of() : pending;
  }
}
