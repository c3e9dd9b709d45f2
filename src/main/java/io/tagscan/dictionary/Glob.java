package io.tagscan.dictionary;

import java.util.Objects;

/**
 * A shell-style glob where {@code *} stands for any run of characters and {@code ?} for one;
 * matched without backtracking blow-up, since globs come from users.
 */
public final class Glob {

  private final String pattern;

  private Glob(String pattern) {
    this.pattern = pattern;
  }

  /** Compiles a glob; every string is a valid glob. */
  public static Glob of(String pattern) {
    return new Glob(Objects.requireNonNull(pattern, "pattern"));
  }

  /** The glob as written. */
  public String pattern() {
    return pattern;
  }

  /** True when the glob matches the whole text. */
  public boolean matches(String text) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = -1;
    while (t < text.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = p++;
        starT = t;
      } else if (starP >= 0) {
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
