package io.tagscan.report;

import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.PersonalData;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.SortedTags;
import io.tagscan.model.Suppressed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks what {@code pii-in-tag} took for personal data everywhere a report could show it: the
 * finding's key and value, the resource's tags, and every other finding's key, value, expected
 * value, fix and message that quotes it ({@code j***@anycompany.com}). Tags are unencrypted and
 * visible to anyone who can list resources, but reports travel further (CI artefacts, e-mails,
 * spreadsheets), so the report pipeline applies this to each resource before any format sees it.
 *
 * <p>Only what the rule found is masked, with the rule's own masking ({@link PersonalData#mask}); a
 * waived {@code pii-in-tag} finding leaves its value as it is, and ARNs are never changed, since
 * they name the resource.
 */
final class PersonalDataMask {

  /** Each piece of personal data as found, with its masked form; longest first. */
  private final List<Map.Entry<String, String>> parts;

  private PersonalDataMask(Map<String, String> parts) {
    List<Map.Entry<String, String>> sorted = new ArrayList<>(parts.entrySet());
    // Longest first, so that a short piece inside a longer one cannot leave the rest of it bare.
    sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()));
    this.parts = List.copyOf(sorted);
  }

  /** What the resource's {@code pii-in-tag} findings found, or null when there is nothing. */
  static PersonalDataMask of(CheckedResource checked) {
    return of(checked.findings());
  }

  /** What these {@code pii-in-tag} findings found, or null when there is nothing. */
  static PersonalDataMask of(List<Finding> findings) {
    Map<String, String> parts = null;
    for (Finding finding : findings) {
      if (finding.rule() != RuleId.PII_IN_TAG) {
        continue;
      }
      if (parts == null) {
        parts = new LinkedHashMap<>();
      }
      if (finding.value() != null) {
        for (String found : PersonalData.found(finding.value())) {
          parts.put(found, PersonalData.mask(found));
        }
      }
      if (finding.key() != null) {
        for (String found : PersonalData.foundEmails(finding.key())) {
          parts.put(found, PersonalData.maskEmails(found));
        }
      }
    }
    return parts == null || parts.isEmpty() ? null : new PersonalDataMask(parts);
  }

  /** The resource with its personal data masked in every field but the ARN. */
  CheckedResource mask(CheckedResource checked) {
    Resource resource = checked.resource();
    Resource masked =
        new Resource(
            resource.arn(),
            resource.accountId(),
            resource.region(),
            resource.resourceType(),
            resource.source(),
            mask(resource.tags()));
    List<Finding> findings = new ArrayList<>(checked.findings().size());
    for (Finding finding : checked.findings()) {
      findings.add(mask(finding));
    }
    List<Suppressed> suppressed = new ArrayList<>(checked.suppressed().size());
    for (Suppressed waived : checked.suppressed()) {
      suppressed.add(new Suppressed(mask(waived.finding()), waived.reason(), waived.exemption()));
    }
    return checked.with(masked, findings, suppressed);
  }

  private Finding mask(Finding finding) {
    return new Finding(
        finding.rule(),
        finding.severity(),
        mask(finding.key()),
        mask(finding.value()),
        mask(finding.expected()),
        mask(finding.fix()),
        mask(finding.message()));
  }

  /** The account with the same pieces masked in its tags (an account is a resource too). */
  Account mask(Account account) {
    return new Account(
        account.id(),
        account.name(),
        account.state(),
        mask(account.tags()),
        account.arn(),
        account.tagsKnown());
  }

  private SortedTags mask(Map<String, String> tags) {
    SortedTags.Builder builder = SortedTags.builder(tags.size());
    tags.forEach((key, value) -> builder.put(mask(key), mask(value)));
    return builder.build();
  }

  private String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (Map.Entry<String, String> part : parts) {
      out = out.replace(part.getKey(), part.getValue());
    }
    return out;
  }
}
