package io.tagscan.rules;

import static io.tagscan.rules.Texts.quote;

import io.tagscan.model.RuleId;

/**
 * {@code undeclared-key}: a key that is not reserved and stands for no dictionary key (not even as
 * a case variant, alias or near miss).
 */
final class UndeclaredKeyRule implements ResourceRule {

  @Override
  public void check(ResolvedResource resource, FindingSink sink) {
    for (int t = 0; t < resource.size(); t++) {
      if (resource.isUserTag(t) && resource.claimedBy[t] == null) {
        String key = resource.keys[t];
        String value = resource.values[t];
        sink.add(
            RuleId.UNDECLARED_KEY,
            key,
            value,
            null,
            "declare " + quote(key) + " in the tag dictionary or remove the tag",
            "tag "
                + quote(key)
                + " (value "
                + quote(value)
                + ") is not declared in the tag dictionary");
      }
    }
  }
}
