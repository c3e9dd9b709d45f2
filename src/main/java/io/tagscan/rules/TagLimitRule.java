package io.tagscan.rules;

import static io.tagscan.rules.Texts.quote;

import io.tagscan.model.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code tag-limit}: more user tags than AWS allows on one resource (reserved keys such as {@code
 * aws:} ones do not count), and each tag whose key or value is too long or holds characters AWS
 * rejects. Such tags can appear in inventories written by hand or by tools that bypass the API.
 */
final class TagLimitRule implements ResourceRule {

  static final String EXPECTED_TAG =
      "a key of at most 128 and a value of at most 256 characters,"
          + " of letters, numbers, spaces and _ . : / = + - @";

  @Override
  public void check(ResolvedResource resource, FindingSink sink) {
    int excess = resource.userTagCount - AwsTagLimits.MAX_USER_TAGS;
    if (excess > 0) {
      sink.add(
          RuleId.TAG_LIMIT,
          null,
          null,
          "at most " + AwsTagLimits.MAX_USER_TAGS + " user tags",
          "remove at least " + excess + " user " + (excess == 1 ? "tag" : "tags"),
          "resource carries "
              + resource.userTagCount
              + " user tags, more than the "
              + AwsTagLimits.MAX_USER_TAGS
              + " AWS allows");
    }
    for (int t = 0; t < resource.size(); t++) {
      if (!resource.isUserTag(t)) {
        continue;
      }
      // A dictionary key spelled exactly was checked against the limits when the engine was built.
      boolean keyKnownGood =
          resource.match(t) == Match.EXACT && resource.claimedBy[t].keyWithinLimits;
      boolean valueMayBreak = (resource.valueTraits(t) & ResolvedResource.MAY_BREAK_LIMITS) != 0;
      if (valueMayBreak || !keyKnownGood) {
        check(resource.keys[t], resource.values[t], resource.claimedBy[t], sink);
      }
    }
  }

  private static void check(String key, String value, SpecInfo claimedBy, FindingSink sink) {
    boolean longKey = AwsTagLimits.longerThan(key, AwsTagLimits.MAX_KEY_LENGTH);
    boolean longValue = AwsTagLimits.longerThan(value, AwsTagLimits.MAX_VALUE_LENGTH);
    boolean badKey = !AwsTagLimits.allAllowed(key);
    boolean badValue = !AwsTagLimits.allAllowed(value);
    if (!(longKey || longValue || badKey || badValue)) {
      return;
    }
    List<String> problems = new ArrayList<>(4);
    List<String> fixes = new ArrayList<>(4);
    if (longKey) {
      problems.add(
          "the key is "
              + AwsTagLimits.length(key)
              + " characters long (at most "
              + AwsTagLimits.MAX_KEY_LENGTH
              + ")");
      fixes.add("shorten the key to at most " + AwsTagLimits.MAX_KEY_LENGTH + " characters");
    }
    if (badKey) {
      String characters = Texts.quotedList(List.copyOf(AwsTagLimits.rejected(key)));
      problems.add("the key holds characters AWS rejects (" + characters + ")");
      fixes.add("remove " + characters + " from the key");
    }
    if (longValue) {
      problems.add(
          "the value is "
              + AwsTagLimits.length(value)
              + " characters long (at most "
              + AwsTagLimits.MAX_VALUE_LENGTH
              + ")");
      fixes.add("shorten the value to at most " + AwsTagLimits.MAX_VALUE_LENGTH + " characters");
    }
    if (badValue) {
      Set<String> rejected = AwsTagLimits.rejected(value);
      String characters = Texts.quotedList(List.copyOf(rejected));
      problems.add("the value holds characters AWS rejects (" + characters + ")");
      fixes.add("remove " + characters + " from the value");
    }
    sink.add(
        RuleId.TAG_LIMIT,
        key,
        value,
        EXPECTED_TAG,
        String.join("; ", fixes),
        "tag "
            + quote(Texts.abbreviate(key))
            + " (value "
            + quote(Texts.abbreviate(value))
            + ") breaks AWS tag limits: "
            + String.join(", ", problems),
        claimedBy == null ? null : claimedBy.key);
  }
}
