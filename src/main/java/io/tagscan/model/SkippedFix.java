package io.tagscan.model;

import java.util.Objects;

/**
 * A finding a fix plan leaves alone, with the reason: the fix is ambiguous (the dictionary key is
 * already there with another value, several tags stand for one key) or needs a value no one gave.
 */
public record SkippedFix(
    String arn, String accountId, String region, String rule, String key, String reason) {

  public SkippedFix {
    Objects.requireNonNull(arn, "arn");
    accountId = Objects.requireNonNullElse(accountId, "");
    region = Objects.requireNonNullElse(region, "");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reason, "reason");
  }
}
