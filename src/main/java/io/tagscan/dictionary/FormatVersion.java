package io.tagscan.dictionary;

import java.math.BigInteger;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The {@code version} field both file formats start with; only version 1 exists. */
final class FormatVersion {

  static final int CURRENT = 1;

  private FormatVersion() {}

  /** Reports a {@code version} that is not the number 1; an absent one is left to require(). */
  static void check(Fields top) {
    Node node = top.value("version");
    if (node == null) {
      return;
    }
    if (node instanceof ScalarNode scalar
        && node.getTag().equals(Tag.INT)
        && scalar.getValue().matches("[-+]?[0-9]+")) {
      if (!new BigInteger(scalar.getValue()).equals(BigInteger.valueOf(CURRENT))) {
        top.problem(
            "version",
            node,
            "unsupported version "
                + Quote.of(scalar.getValue())
                + "; this tagscan reads version "
                + CURRENT);
      }
      return;
    }
    top.problem("version", node, "expected " + CURRENT + ", got " + Fields.describe(node));
  }
}
