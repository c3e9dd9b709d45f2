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
   * A resource is compliant when no finding of severity error or warning stands against it; info
   * findings are advice and do not count.
   */
  public boolean compliant() {
    for (Finding finding : findings) {
      if (finding.severity() != Severity.INFO) {
        return false;
      }
    }
    return true;
  }
}
