package io.tagscan.dictionary;

import java.util.List;
import java.util.Objects;

/**
 * How tag keys should be spelled: letter case, the separator between words, and the prefixes that
 * belong to AWS or other tools and are never judged.
 */
public record Conventions(KeyCase keyCase, String wordSeparator, List<String> reservedPrefixes) {

  /** The seed article's conventions: lower case, hyphens, {@code aws:} reserved. */
  public static final Conventions DEFAULT = new Conventions(KeyCase.LOWER, "-", List.of("aws:"));

  public Conventions {
    Objects.requireNonNull(keyCase, "keyCase");
    wordSeparator = Objects.requireNonNullElse(wordSeparator, "");
    reservedPrefixes = List.copyOf(reservedPrefixes);
  }

  /** True when the key starts with a reserved prefix and so is never judged nor counted. */
  public boolean isReserved(String key) {
    for (String prefix : reservedPrefixes) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
