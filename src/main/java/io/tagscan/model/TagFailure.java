package io.tagscan.model;

import java.util.Objects;

/**
 * Why AWS did not change or read one resource's tags: the operation, AWS's error code and message,
 * stored with every credential in them redacted ({@link Secrets}).
 */
public record TagFailure(String operation, String code, String message) {

  public TagFailure {
    Objects.requireNonNull(operation, "operation");
    code = Secrets.redact(Objects.requireNonNullElse(code, ""));
    message = Secrets.redact(Objects.requireNonNullElse(message, ""));
  }
}
