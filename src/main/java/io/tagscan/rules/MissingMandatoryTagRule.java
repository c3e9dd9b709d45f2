package io.tagscan.rules;

import static io.tagscan.rules.Texts.quote;

import io.tagscan.model.RuleId;

/**
 * {@code missing-mandatory-tag}: a mandatory key in scope for the resource type that no tag stands
 * for; a case variant or alias of the key counts as present (its own rule reports the spelling).
 */
final class MissingMandatoryTagRule implements ResourceRule {

  @Override
  public void check(ResolvedResource resource, FindingSink sink) {
    for (SpecInfo info : resource.scope.mandatory) {
      if (resource.standing(info) < 0) {
        sink.add(
            RuleId.MISSING_MANDATORY_TAG,
            info.key,
            null,
            info.expectedPresent(),
            info.addFix,
            "mandatory tag " + quote(info.key) + " is missing");
      }
    }
  }
}
