package io.tagscan.model;

import java.util.Objects;

/**
 * One problem a rule found on one resource.
 *
 * <p>{@code key} is the tag key as the resource carries it (or the dictionary key when it is
 * missing); {@code value}, {@code expected} and {@code fix} are null where they do not apply.
 */
public record Finding(
    RuleId rule,
    Severity severity,
    String key,
    String value,
    String expected,
    String fix,
    String message) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }
}
