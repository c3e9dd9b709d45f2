package io.tagscan.rules;

import static io.tagscan.rules.Texts.quote;

import io.tagscan.model.RuleId;

/**
 * {@code key-case-mismatch} and {@code key-alias}: a tag stands for a dictionary key under another
 * spelling. The tag that stands for the key is to be renamed; any further tag standing for the same
 * key (the exact key is already there, say) is a duplicate to be removed.
 */
final class KeySpellingRule implements ResourceRule {

  private final RuleId rule;

  private KeySpellingRule(RuleId rule) {
    this.rule = rule;
  }

  /** Tags that spell a dictionary key in another letter case. */
  static KeySpellingRule caseMismatch() {
    return new KeySpellingRule(RuleId.KEY_CASE_MISMATCH);
  }

  /** Tags that spell a dictionary key as a declared alias or a near miss. */
  static KeySpellingRule alias() {
    return new KeySpellingRule(RuleId.KEY_ALIAS);
  }

  @Override
  public void check(ResolvedResource resource, FindingSink sink) {
    for (int t = 0; t < resource.size(); t++) {
      Match match = resource.match(t);
      if (match == null
          || match == Match.EXACT
          || (match == Match.CASE) != (rule == RuleId.KEY_CASE_MISMATCH)) {
        continue;
      }
      SpecInfo info = resource.claimedBy[t];
      String key = resource.keys[t];
      String value = resource.values[t];
      String tag = "tag " + quote(key) + " (value " + quote(value) + ")";
      if (resource.isDuplicate(t)) {
        String kept = resource.standingKey(info);
        String how = match == Match.CASE ? "in another letter case" : "under another name";
        sink.add(
            rule,
            key,
            value,
            info.key,
            Texts.removeDuplicate(key, kept),
            tag + " duplicates " + quote(kept) + " " + how,
            info.key);
      } else {
        String what =
            switch (match) {
              case CASE -> " differs only in letter case from the dictionary key ";
              case ALIAS -> " is an old name (a declared alias) of the dictionary key ";
              default -> " looks like a misspelling of the dictionary key ";
            };
        sink.add(
            rule,
            key,
            value,
            info.key,
            Texts.rename(key, info.key),
            tag + what + quote(info.key),
            info.key);
      }
    }
  }
}
