package io.tagscan.model;

import java.util.List;
import java.util.Objects;

/**
 * A resource together with every finding the rules raised on it, in a stable order.
 *
 * <p>{@code tagsKnown} is false for a resource whose tags could not be read (an AWS account whose
 * Organizations tags were refused): it carries no finding, was not judged, and counts as neither
 * compliant nor noncompliant. {@code waived} counts the findings a live exemption dropped, so that
 * reports can say how much is waived rather than let it vanish.
 */
public record CheckedResource(
    Resource resource, List<Finding> findings, boolean tagsKnown, int waived) {

  public CheckedResource {
    Objects.requireNonNull(resource, "resource");
    findings = List.copyOf(findings);
    if (!tagsKnown && !findings.isEmpty()) {
      throw new IllegalArgumentException("a resource whose tags are unknown is not judged");
    }
    if (waived < 0 || (!tagsKnown && waived > 0)) {
      throw new IllegalArgumentException("waived findings: " + waived);
    }
  }

  /** A resource whose tags were read and judged, with no finding waived. */
  public CheckedResource(Resource resource, List<Finding> findings) {
    this(resource, findings, true, 0);
  }

  /** A resource whose tags could not be read, so it was not judged. */
  public static CheckedResource unjudged(Resource resource) {
    return new CheckedResource(resource, List.of(), false, 0);
  }

  /** The same judgement of another form of the resource (its personal data masked, say). */
  public CheckedResource with(Resource other, List<Finding> otherFindings) {
    return new CheckedResource(other, otherFindings, tagsKnown, waived);
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
