package io.tagscan.dictionary;

import io.tagscan.model.RuleId;
import io.tagscan.model.SourceLocation;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A waiver: findings of the given rules on the given keys are not held against resources whose ARN
 * matches one of the globs, until the expiry date (inclusive).
 *
 * <p>An empty {@code rules} or {@code keys} set means every rule or every key. {@code file} and
 * {@code line} say where the exemption was written, so reports can point back to it. {@code
 * addresses} are globs over what {@code tagscan check} names resources by before they exist: a
 * Terraform address or a CloudFormation logical id; {@code arns} match only resources read from AWS
 * and {@code addresses} only those, so neither can waive the other by accident.
 */
public record Exemption(
    List<Glob> arns,
    Set<RuleId> rules,
    Set<String> keys,
    String reason,
    LocalDate expires,
    String file,
    int line,
    List<Glob> addresses) {

  /** An exemption of resources read from AWS only. */
  public Exemption(
      List<Glob> arns,
      Set<RuleId> rules,
      Set<String> keys,
      String reason,
      LocalDate expires,
      String file,
      int line) {
    this(arns, rules, keys, reason, expires, file, line, List.of());
  }

  public Exemption {
    arns = List.copyOf(arns);
    addresses = List.copyOf(addresses);
    rules = Set.copyOf(rules);
    keys = Set.copyOf(keys);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(expires, "expires");
    file = Objects.requireNonNullElse(file, "");
  }

  /** True when this exemption covers the finding's rule and key on a resource with this ARN. */
  public boolean covers(String arn, RuleId rule, String key) {
    return covers(arn, false, rule, key);
  }

  /**
   * True when this exemption covers the finding's rule and key on the resource named so: by its
   * ARN, or, {@code beforeDeploy}, by its Terraform address or CloudFormation logical id.
   */
  public boolean covers(String name, boolean beforeDeploy, RuleId rule, String key) {
    if (!rules.isEmpty() && !rules.contains(rule)) {
      return false;
    }
    if (!keys.isEmpty() && (key == null || !keys.contains(key))) {
      return false;
    }
    for (Glob glob : beforeDeploy ? addresses : arns) {
      if (glob.matches(name)) {
        return true;
      }
    }
    return false;
  }

  /** True when the exemption no longer holds on the given day. */
  public boolean expiredOn(LocalDate today) {
    return today.isAfter(expires);
  }

  /**
   * How the fix of an expired exemption's finding starts when the exemption's place is known; the
   * place, {@code file:line}, ends it.
   */
  public static final String RENEW_AT = "renew or remove the exemption at ";

  /**
   * Where the exemption a fix starting {@link #RENEW_AT} names is written, read back from the fix
   * (a saved report keeps the finding, not the exemption); null when the fix names no {@code
   * file:line}.
   */
  public static SourceLocation renewedAt(String fix) {
    if (fix == null || !fix.startsWith(RENEW_AT)) {
      return null;
    }
    String origin = fix.substring(RENEW_AT.length());
    int colon = origin.lastIndexOf(':');
    if (colon <= 0 || colon == origin.length() - 1) {
      return null;
    }
    for (int i = colon + 1; i < origin.length(); i++) {
      if (origin.charAt(i) < '0' || origin.charAt(i) > '9') {
        return null;
      }
    }
    try {
      int line = Integer.parseInt(origin.substring(colon + 1));
      return line > 0 ? new SourceLocation(origin.substring(0, colon), line, 0) : null;
    } catch (NumberFormatException e) {
      return null; // more digits than a line number has: not a place tagscan wrote
    }
  }

  /** Where the exemption was written, as {@code file:line}. */
  public String origin() {
    return line > 0 ? file + ":" + line : file;
  }
}
