package io.tagscan.rules;

import io.tagscan.dictionary.Exemption;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Suppressed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies exemptions to one resource's findings: a finding covered by a live exemption is dropped;
 * one covered only by expired exemptions stands, joined by an {@code exemption-expired} finding per
 * expired exemption and key (never exempted itself).
 *
 * <p>A finding about a tag that stands for a dictionary key under another spelling is covered by an
 * exemption naming either spelling, so an exemption written for {@code
 * anycompany:finance:cost-center} also waives the value of a {@code CostCenter} tag.
 */
final class ExemptionFilter {

  private record Seen(int exemption, String key) {}

  private final List<Exemption> live = new ArrayList<>();
  private final List<Exemption> expired = new ArrayList<>();
  private final Severity expiredSeverity;

  ExemptionFilter(List<Exemption> exemptions, LocalDate today, Severity expiredSeverity) {
    for (Exemption exemption : exemptions) {
      (exemption.expiredOn(today) ? expired : live).add(exemption);
    }
    this.expiredSeverity = expiredSeverity;
  }

  boolean isEmpty() {
    return live.isEmpty() && expired.isEmpty();
  }

  /**
   * The findings that stand for the resource with this ARN (unsorted), and how many were waived.
   */
  Applied apply(String arn, List<FindingSink.Pending> pending) {
    return apply(arn, false, pending);
  }

  /**
   * The same for a resource named, {@code beforeDeploy}, by its Terraform address or CloudFormation
   * logical id rather than its ARN.
   */
  Applied apply(String arn, boolean beforeDeploy, List<FindingSink.Pending> pending) {
    List<Finding> standing = new ArrayList<>(pending.size());
    List<Suppressed> waived = new ArrayList<>();
    Set<Seen> seen = null;
    for (FindingSink.Pending entry : pending) {
      Exemption waiver = covering(live, arn, beforeDeploy, entry);
      if (waiver != null) {
        waived.add(new Suppressed(entry.finding(), waiver.reason(), waiver.origin()));
        continue;
      }
      Finding finding = entry.finding();
      standing.add(finding);
      for (int i = 0; i < expired.size(); i++) {
        Exemption exemption = expired.get(i);
        if (!covers(exemption, arn, beforeDeploy, entry)) {
          continue;
        }
        if (seen == null) {
          seen = new HashSet<>();
        }
        if (expiredSeverity != null && seen.add(new Seen(i, finding.key()))) {
          standing.add(expiredFinding(exemption, finding.key()));
        }
      }
    }
    return new Applied(standing, waived);
  }

  /**
   * What stands after the exemptions (unsorted), and the findings a live exemption dropped, each
   * with the first exemption in the file that covers it.
   */
  record Applied(List<Finding> standing, List<Suppressed> waived) {}

  private static Exemption covering(
      List<Exemption> exemptions, String arn, boolean beforeDeploy, FindingSink.Pending entry) {
    for (Exemption exemption : exemptions) {
      if (covers(exemption, arn, beforeDeploy, entry)) {
        return exemption;
      }
    }
    return null;
  }

  private static boolean covers(
      Exemption exemption, String arn, boolean beforeDeploy, FindingSink.Pending entry) {
    Finding finding = entry.finding();
    if (finding.rule() == RuleId.EXEMPTION_EXPIRED) {
      return false;
    }
    return exemption.covers(arn, beforeDeploy, finding.rule(), finding.key())
        || (entry.dictionaryKey() != null
            && exemption.covers(arn, beforeDeploy, finding.rule(), entry.dictionaryKey()));
  }

  private Finding expiredFinding(Exemption exemption, String key) {
    String where =
        exemption.origin().isEmpty()
            ? "the exemption " + Texts.quote(exemption.reason())
            : "the exemption at " + exemption.origin();
    String onWhat = key == null ? "this resource" : Texts.quote(key);
    return new Finding(
        RuleId.EXEMPTION_EXPIRED,
        expiredSeverity,
        key,
        null,
        null,
        exemption.origin().isEmpty()
            ? "renew or remove " + where
            : Exemption.RENEW_AT + exemption.origin(),
        where
            + " expired on "
            + exemption.expires()
            + ", so the findings on "
            + onWhat
            + " it waived stand again");
  }
}
