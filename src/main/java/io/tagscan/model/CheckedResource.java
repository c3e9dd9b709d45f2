package io.tagscan.model;

import java.util.List;
import java.util.Objects;

/**
 * A resource together with every finding the rules raised on it, in a stable order.
 *
 * <p>{@code tagsKnown} is false for a resource whose tags could not be read (an AWS account whose
 * Organizations tags were refused): it carries no finding, was not judged, and counts as neither
 * compliant nor noncompliant. {@code suppressed} holds the findings a live exemption waived, each
 * with the exemption's reason, so that reports can count and list what is waived rather than let it
 * vanish. {@code cost} is what a billing export charged for the resource over its period, or null
 * when no export was given or it does not price the resource.
 */
public record CheckedResource(
    Resource resource,
    List<Finding> findings,
    boolean tagsKnown,
    List<Suppressed> suppressed,
    Cost cost) {

  public CheckedResource {
    Objects.requireNonNull(resource, "resource");
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
    if (!tagsKnown && (!findings.isEmpty() || !suppressed.isEmpty())) {
      throw new IllegalArgumentException("a resource whose tags are unknown is not judged");
    }
  }

  /** A resource with no known cost. */
  public CheckedResource(
      Resource resource, List<Finding> findings, boolean tagsKnown, List<Suppressed> suppressed) {
    this(resource, findings, tagsKnown, suppressed, null);
  }

  /** A resource whose tags were read and judged, with no finding waived. */
  public CheckedResource(Resource resource, List<Finding> findings) {
    this(resource, findings, true, List.of());
  }

  /** A resource whose tags could not be read, so it was not judged. */
  public static CheckedResource unjudged(Resource resource) {
    return new CheckedResource(resource, List.of(), false, List.of());
  }

  /** How many findings a live exemption waived. */
  public int waived() {
    return suppressed.size();
  }

  /** The same judgement of another form of the resource (its personal data masked, say). */
  public CheckedResource with(
      Resource other, List<Finding> otherFindings, List<Suppressed> otherSuppressed) {
    return new CheckedResource(other, otherFindings, tagsKnown, otherSuppressed, cost);
  }

  /** The same resource and judgement with this cost (null for none). */
  public CheckedResource withCost(Cost newCost) {
    return new CheckedResource(resource, findings, tagsKnown, suppressed, newCost);
  }

  /**
   * A resource is compliant when no finding of severity error stands against it; warnings and info
   * findings are advice, and a rule that should count is raised to error in the dictionary.
   */
  public boolean compliant() {
    for (Finding finding : findings) {
      if (finding.severity() == Severity.ERROR) {
        return false;
      }
    }
    return true;
  }
}
