package io.tagscan.rules;

import static io.tagscan.rules.Texts.quote;

import io.tagscan.model.PersonalData;
import io.tagscan.model.RuleId;

/**
 * {@code pii-in-tag}: a value that looks like personal data, or a key that holds an e-mail address.
 * Tags are not encrypted and anyone who can list resources reads them, so the message and fix mask
 * what they found; the finding's key and value stay as the resource carries them, and the report
 * pipeline masks them (and every other place they show) in every report unless {@code --show-pii}.
 */
final class PiiInTagRule implements ResourceRule {

  @Override
  public void check(ResolvedResource resource, FindingSink sink) {
    for (int t = 0; t < resource.size(); t++) {
      if (!resource.isUserTag(t)) {
        continue;
      }
      String key = resource.keys[t];
      String value = resource.values[t];
      String maskedKey = key;
      if (key.indexOf('@') >= 0) {
        PersonalData.Hit hit = PersonalData.findEmail(key);
        if (hit != null) {
          maskedKey = PersonalData.maskEmails(key);
          sink.add(
              RuleId.PII_IN_TAG,
              key,
              value,
              null,
              "rename tag " + quote(maskedKey) + " to a key without personal data",
              "tag key " + quote(maskedKey) + " holds what looks like " + hit.kind().description());
        }
      }
      int traits = resource.valueTraits(t);
      if ((traits & ResolvedResource.HAS_AT) == 0
          && ResolvedResource.digits(traits) < PersonalData.MIN_DIGITS) {
        continue;
      }
      PersonalData.Hit hit = PersonalData.find(value);
      if (hit != null) {
        String claimed = resource.claimedBy[t] == null ? null : resource.claimedBy[t].key;
        sink.add(
            RuleId.PII_IN_TAG,
            key,
            value,
            null,
            "remove tag " + quote(maskedKey) + " or replace its value with a team or role name",
            "tag "
                + quote(maskedKey)
                + " has a value that looks like "
                + hit.kind().description()
                + " ("
                + quote(hit.masked(value))
                + ")",
            claimed);
      }
    }
  }
}
