package io.tagscan.cost;

import io.tagscan.model.CostTagStatus;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.rules.RuleEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges what Billing says of each cost-allocation key: {@code cost-allocation-tag-inactive} for a
 * key not active (its spend is invisible to Cost Explorer and exports), with the exact command that
 * activates it, and {@code cost-allocation-tag-unused} for an active key never seen on spend.
 */
public final class ActivationCheck {

  private ActivationCheck() {}

  /** The findings, one per key at most, in the order of {@code statuses}. */
  public static List<Finding> check(List<CostTagStatus> statuses, RuleEngine engine) {
    Severity inactive = engine.severity(RuleId.COST_ALLOCATION_TAG_INACTIVE);
    Severity unused = engine.severity(RuleId.COST_ALLOCATION_TAG_UNUSED);
    List<Finding> findings = new ArrayList<>();
    for (CostTagStatus status : statuses) {
      String tag = "cost allocation tag '" + status.key() + "'";
      if (!status.active() && inactive != null) {
        findings.add(
            new Finding(
                RuleId.COST_ALLOCATION_TAG_INACTIVE,
                inactive,
                status.key(),
                null,
                "active in Billing",
                activateCommand(status.key()),
                status.known()
                    ? tag + " is inactive: its spend is not grouped in Cost Explorer or exports"
                    : tag
                        + " is unknown to Billing (never seen on spend, or not yet activated):"
                        + " its spend is not grouped in Cost Explorer or exports"));
      } else if (status.active() && status.lastUsedDate() == null && unused != null) {
        findings.add(
            new Finding(
                RuleId.COST_ALLOCATION_TAG_UNUSED,
                unused,
                status.key(),
                null,
                "used on spend",
                "tag the resources whose spend '" + status.key() + "' should allocate",
                tag + " is active but no spend has carried it yet"));
      }
    }
    return findings;
  }

  /** The AWS CLI command that activates a key, quoted for a POSIX shell. */
  static String activateCommand(String key) {
    String argument = "TagKey=" + key + ",Status=Active";
    return "aws ce update-cost-allocation-tags-status --cost-allocation-tags-status "
        + "'"
        + argument.replace("'", "'\\''")
        + "'";
  }

  /** True when a status lets the key's spend be read from Cost Explorer. */
  public static boolean readable(CostTagStatus status) {
    return status.active();
  }
}
