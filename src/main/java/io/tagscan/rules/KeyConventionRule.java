package io.tagscan.rules;

import static io.tagscan.rules.Texts.quote;

import io.tagscan.dictionary.Conventions;
import io.tagscan.dictionary.KeyCase;
import io.tagscan.model.RuleId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code key-convention}: an undeclared key (no dictionary key claims it) that breaks the
 * dictionary's conventions — letter case, word separator, prefix. The fix suggests the conventional
 * spelling of the same words.
 */
final class KeyConventionRule implements ResourceRule {

  @Override
  public void check(ResolvedResource resource, FindingSink sink) {
    for (int t = 0; t < resource.size(); t++) {
      if (resource.isUserTag(t) && resource.claimedBy[t] == null) {
        check(resource.dictionary, resource.keys[t], resource.values[t], sink);
      }
    }
  }

  private static void check(
      CompiledDictionary dictionary, String key, String value, FindingSink sink) {
    Conventions conventions = dictionary.conventions;
    List<String> breaks = null;
    if (!dictionary.hasConventionalCase(key)) {
      breaks =
          add(
              breaks,
              conventions.keyCase() == KeyCase.LOWER ? "upper-case letters" : "lower-case letters");
    }
    // The prefix is the dictionary's own spelling; only the words after it are the tag's.
    String prefix = dictionary.prefix;
    boolean prefixed = !prefix.isEmpty() && hasPrefix(key, prefix);
    String words = prefixed ? key.substring(prefix.length() + 1) : key;
    String separator = conventions.wordSeparator();
    if (!separator.isEmpty()) {
      Set<String> wrong = wrongSeparators(words, separator);
      if (!wrong.isEmpty()) {
        breaks = add(breaks, "words separated by " + Texts.quotedList(List.copyOf(wrong)));
      }
      if (KeyNames.hasCamelBoundary(words)) {
        breaks = add(breaks, "CamelCase words");
      }
    }
    if (!prefix.isEmpty() && !prefixed) {
      breaks = add(breaks, "no " + quote(prefix + ":") + " prefix");
    }
    if (breaks == null) {
      return;
    }
    String spelling = conventionalSpelling(key, conventions, prefix);
    sink.add(
        RuleId.KEY_CONVENTION,
        key,
        value,
        describe(conventions, prefix),
        spelling == null ? null : Texts.rename(key, spelling),
        "tag "
            + quote(key)
            + " (value "
            + quote(value)
            + ") breaks the key conventions: "
            + String.join(", ", breaks));
  }

  private static List<String> add(List<String> breaks, String reason) {
    List<String> list = breaks == null ? new ArrayList<>(3) : breaks;
    list.add(reason);
    return list;
  }

  private static Set<String> wrongSeparators(String key, String separator) {
    Set<String> wrong = new LinkedHashSet<>();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean separatorLike =
          c == '-' || c == '_' || Character.isWhitespace(c) || Character.isSpaceChar(c);
      if (separatorLike && !separator.equals(String.valueOf(c))) {
        wrong.add(String.valueOf(c));
      }
    }
    return wrong;
  }

  private static boolean hasPrefix(String key, String prefix) {
    return key.regionMatches(true, 0, prefix + ":", 0, prefix.length() + 1);
  }

  /** The same words spelled by the conventions, under the prefix; null if no words remain. */
  static String conventionalSpelling(String key, Conventions conventions, String prefix) {
    String rest =
        !prefix.isEmpty() && hasPrefix(key, prefix) ? key.substring(prefix.length() + 1) : key;
    String words =
        KeyNames.words(rest, conventions.wordSeparator(), conventions.keyCase() == KeyCase.UPPER);
    if (words.isEmpty()) {
      return null;
    }
    return prefix.isEmpty() ? words : prefix + ":" + words;
  }

  /** What a conventional key looks like: {@code lower-case words separated by '-', after 'p:'}. */
  static String describe(Conventions conventions, String prefix) {
    StringBuilder out = new StringBuilder();
    if (conventions.keyCase() != KeyCase.ANY) {
      out.append(conventions.keyCase().slug()).append("-case ");
    }
    out.append("words");
    if (!conventions.wordSeparator().isEmpty()) {
      out.append(" separated by ").append(quote(conventions.wordSeparator()));
    }
    if (!prefix.isEmpty()) {
      out.append(", after the prefix ").append(quote(prefix + ":"));
    }
    return out.toString();
  }
}
