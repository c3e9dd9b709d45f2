package io.tagscan.dictionary;

import io.tagscan.model.Diagnostic;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem found in one file, so the user sees them all at once. */
final class Problems {

  private final String file;
  // A set, because a node reached through several aliases would otherwise be reported each time.
  private final Set<Diagnostic> found = new LinkedHashSet<>();
  private final Set<Node> rejected = Collections.newSetFromMap(new IdentityHashMap<>());

  Problems(String file) {
    this.file = file;
  }

  /** A problem placed at the start of a node. */
  void at(Node node, String message) {
    at(node.getStartMark(), message);
  }

  /** A problem placed at a parser mark, whose line and column count from zero. */
  void at(Mark mark, String message) {
    if (mark == null) {
      ofFile(message);
    } else {
      found.add(new Diagnostic(file, mark.getLine() + 1, mark.getColumn() + 1, message));
    }
  }

  /** A problem at a 1-based line and column. */
  void at(int line, int column, String message) {
    found.add(new Diagnostic(file, line, column, message));
  }

  /** A problem with the file as a whole. */
  void ofFile(String message) {
    found.add(Diagnostic.ofFile(file, message));
  }

  /**
   * Marks a node already reported as unusable, so readers skip it instead of reporting it again.
   */
  void reject(Node node) {
    rejected.add(node);
  }

  boolean isRejected(Node node) {
    return rejected.contains(node);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Every problem, sorted by line and column. */
  List<Diagnostic> sorted() {
    return found.stream().sorted().toList();
  }
}
