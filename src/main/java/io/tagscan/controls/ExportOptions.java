package io.tagscan.controls;

import java.util.List;
import java.util.Set;

/**
 * How to export: the resource types tag policies enforce ({@code --enforce}, tag-policy types or
 * dictionary globs) and the actions the SCP leaves out ({@code --exclude-actions}).
 */
public record ExportOptions(List<String> enforce, Set<String> excludeActions) {

  public ExportOptions {
    enforce = List.copyOf(enforce);
    excludeActions = Set.copyOf(excludeActions);
  }

  /** No enforcement, every action. */
  public static ExportOptions defaults() {
    return new ExportOptions(List.of(), Set.of());
  }
}
