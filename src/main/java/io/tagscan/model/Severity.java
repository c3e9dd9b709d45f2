package io.tagscan.model;

import java.util.Locale;

/** How serious a finding is; declared from most to least severe. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in files, reports and options. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is as serious as {@code threshold} or more. */
  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) <= 0;
  }

  /** Parses a slug such as {@code warning}; returns null for anything else. */
  public static Severity fromSlug(String slug) {
    for (Severity severity : values()) {
      if (severity.slug().equals(slug)) {
        return severity;
      }
    }
    return null;
  }
}
