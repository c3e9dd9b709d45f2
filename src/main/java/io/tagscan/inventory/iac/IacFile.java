package io.tagscan.inventory.iac;

import io.tagscan.model.PlannedResource;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one file of infrastructure as code holds: its kind, the resources to judge (in the order
 * written), the IaC types among them that the mapping table does not name, and the resources left
 * out because nothing says they take tags ({@code untaggable}, by type).
 */
public record IacFile(
    Kind kind,
    List<PlannedResource> resources,
    SortedSet<String> unmappedTypes,
    SortedSet<String> untaggableTypes,
    int untaggable) {

  /** The kinds of file {@code tagscan check} reads, told apart by their content. */
  public enum Kind {
    TERRAFORM_PLAN,
    CLOUDFORMATION
  }

  public IacFile {
    Objects.requireNonNull(kind, "kind");
    resources = List.copyOf(resources);
    unmappedTypes = new TreeSet<>(unmappedTypes);
    untaggableTypes = new TreeSet<>(untaggableTypes);
  }
}
