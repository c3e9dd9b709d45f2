package io.tagscan.controls;

import io.tagscan.dictionary.TagSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The create actions that take tags in the request, with the resource type each makes and the
 * action that removes its tags ({@code create-actions.tsv}, SageMaker first).
 */
final class CreateActions {

  /** One row of the table; {@code untag} is empty where no action names the keys it removes. */
  record Action(String name, String resourceType, String untag) {}

  private static final List<Action> ACTIONS =
      Tables.read("create-actions.tsv", 3).stream()
          .map(row -> new Action(row[0], row[1], "-".equals(row[2]) ? "" : row[2]))
          .toList();

  private CreateActions() {}

  /** The create actions in the key's scope, less the excluded ones, in table order. */
  static List<Action> inScope(TagSpec spec, Set<String> excluded) {
    return ACTIONS.stream()
        .filter(a -> spec.appliesTo(a.resourceType()) && !excluded.contains(a.name()))
        .toList();
  }

  /** The untag actions of those create actions, sorted and distinct. */
  static List<String> untagActions(List<Action> actions) {
    TreeSet<String> untag = new TreeSet<>();
    actions.stream().map(Action::untag).filter(u -> !u.isEmpty()).forEach(untag::add);
    return List.copyOf(untag);
  }

  /** Every action name in the table, for checking {@code --exclude-actions}. */
  static Set<String> names() {
    TreeSet<String> names = new TreeSet<>();
    ACTIONS.forEach(a -> names.add(a.name()));
    return names;
  }
}
