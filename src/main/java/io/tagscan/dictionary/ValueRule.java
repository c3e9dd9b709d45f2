package io.tagscan.dictionary;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Objects;

/**
 * What values a tag may take: a closed list of allowed values, a pattern (RE2 syntax, run in linear
 * time and matched against the whole value), or both; either may be absent.
 *
 * <p>{@code example} is a value the dictionary gives as a model, used in fixes.
 */
public record ValueRule(
    List<String> allowed, String patternSource, Pattern pattern, String example) {

  public ValueRule {
    allowed = List.copyOf(allowed);
    if ((patternSource == null) != (pattern == null)) {
      throw new IllegalArgumentException("pattern and its source go together");
    }
  }

  /** A rule with only a list of allowed values. */
  public static ValueRule allowing(List<String> allowed) {
    return new ValueRule(allowed, null, null, null);
  }

  /** A rule with only a pattern; {@link Pattern#compile} failures are the caller's to report. */
  public static ValueRule matching(String regex) {
    Objects.requireNonNull(regex, "regex");
    return new ValueRule(List.of(), regex, Pattern.compile(regex), null);
  }

  /** True when the value is in the allowed list, compared exactly. */
  public boolean allows(String value) {
    return allowed.contains(value);
  }

  /** True when there is a pattern and the whole value matches it. */
  public boolean matchesPattern(String value) {
    return pattern != null && pattern.matches(value);
  }
}
