package io.tagscan.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrinoRegexTest {

  /** Pattern in, expression out; or refused, with a word the reason must contain. */
  static Stream<Arguments> cases() {
    return Stream.of(
        translated("^([A-Za-z]+-)?[0-9]{4}$", "\\A(?:\\A([A-Za-z]+-)?[0-9]{4}\\z)\\z"),
        translated("prod|dev", "\\A(?:prod|dev)\\z"),
        translated("a.c", "\\A(?:a[^\\n]c)\\z"),
        translated("\\d{3}", "\\A(?:[0-9]{3})\\z"),
        translated("[\\d_]+", "\\A(?:[0-9_]+)\\z"),
        translated("\\w+\\s\\S", "\\A(?:[0-9A-Za-z_]+[\\t\\n\\f\\r ][^\\t\\n\\f\\r ])\\z"),
        translated("a{", "\\A(?:a\\{)\\z"),
        translated("a{2,}", "\\A(?:a{2,})\\z"),
        translated("[a&&b]", "\\A(?:[a\\&\\&b])\\z"),
        translated("[[]", "\\A(?:[\\[])\\z"),
        translated("[]a]", "\\A(?:[\\]a])\\z"),
        translated("(?P<team>[a-z]+)-\\.", "\\A(?:(?<team>[a-z]+)-\\.)\\z"),
        translated("\\v\\x41", "\\A(?:\\x0B\\x41)\\z"),
        translated("it's", "\\A(?:it's)\\z"),
        translated("\\Aabc\\z", "\\A(?:\\Aabc\\z)\\z"),
        refused("a\\C", "RE2"),
        refused("\\pL+", "Unicode"),
        refused("\\p{Greek}", "Unicode"),
        refused("[[:alpha:]]", "POSIX"),
        refused("\\bword\\b", "word boundaries"),
        refused("(?i)prod", "flags"),
        refused("(?U)a+", "flags"),
        refused("\\Qa.b\\E", "\\Q"),
        refused("\\x{263a}", "\\x{"),
        refused("\\123", "octal"),
        refused("[^\\D]", "negated"),
        refused("a++", "not a valid RE2 pattern"),
        refused("a*+", "not a valid RE2 pattern"),
        refused("\\Z", "not a valid RE2 pattern"));
  }

  private static Arguments translated(String re2, String java) {
    return Arguments.of(re2, java, null);
  }

  private static Arguments refused(String re2, String reason) {
    return Arguments.of(re2, null, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translatesOrRefusesEachPattern(String re2, String expected, String reason) {
    TrinoRegex.Translation translation = TrinoRegex.translate(re2);

    if (expected != null) {
      assertThat(translation.refusal()).isNull();
      assertThat(translation.regex()).isEqualTo(expected);
    } else {
      assertThat(translation.regex()).isNull();
      assertThat(translation.refusal()).contains(reason);
    }
  }

  /** Values on which RE2 and Java disagree unless the translation takes care. */
  private static final List<String> PROBES =
      List.of(
          "5045",
          "5045\n",
          "Sales-5045",
          "x\nSales-5045",
          "\u0663\u0664\u0665\u0666",
          "a\rc",
          "a\u2028c",
          "abc",
          "a c",
          "a\u00a0c",
          "it's",
          "a{",
          "[",
          "]",
          "&",
          "team-.",
          "prod",
          "production",
          "é_1");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheSameValuesInJavaAsInRe2(String re2, String expected, String reason) {
    if (expected == null) {
      return;
    }
    Pattern original = Pattern.compile(re2);
    java.util.regex.Pattern translated = java.util.regex.Pattern.compile(expected);
    for (String probe : PROBES) {
      assertThat(translated.matcher(probe).find())
          .as("%s on %s", expected, probe)
          .isEqualTo(original.matches(probe));
    }
  }
}
