package io.tagscan.model;

import java.util.List;
import java.util.Objects;

/** A resource together with every finding the rules raised on it, in a stable order. */
public record CheckedResource(Resource resource, List<Finding> findings) {

  public CheckedResource {
    Objects.requireNonNull(resource, "resource");
    findings = List.copyOf(findings);
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
