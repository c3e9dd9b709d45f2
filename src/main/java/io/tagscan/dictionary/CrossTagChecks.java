package io.tagscan.dictionary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The checks no single tag can make: keys declared twice or equal but for case, aliases that clash,
 * and the key lists ({@code accounts.mandatory}, {@code sagemaker.propagate}) that name tags.
 */
final class CrossTagChecks {

  private CrossTagChecks() {}

  /** Duplicate keys, keys equal but for case, and aliases that clash with keys or each other. */
  static void check(List<DeclaredTag> declared, Problems problems) {
    Map<String, DeclaredTag> byKey = new HashMap<>();
    Map<String, DeclaredTag> byLowerKey = new HashMap<>();
    for (DeclaredTag tag : declared) {
      String key = tag.spec().key();
      DeclaredTag first = byKey.putIfAbsent(key, tag);
      if (first != null) {
        problems.at(
            tag.keyNode(),
            tag.context() + ": declared twice (first at line " + lineOf(first) + ")");
        continue;
      }
      DeclaredTag sameButCase = byLowerKey.putIfAbsent(key.toLowerCase(Locale.ROOT), tag);
      if (sameButCase != null) {
        problems.at(
            tag.keyNode(),
            tag.context()
                + ": differs from "
                + Quote.of(sameButCase.spec().key())
                + " (line "
                + lineOf(sameButCase)
                + ") only in letter case; AWS would keep both as separate keys");
      }
    }
    Map<String, DeclaredTag> aliasOwners = new HashMap<>();
    for (DeclaredTag tag : declared) {
      for (ScalarNode aliasNode : tag.aliases()) {
        String alias = aliasNode.getValue();
        String where = tag.context() + ": aliases: ";
        DeclaredTag asKey = byKey.get(alias);
        if (tag.equals(asKey)) {
          problems.at(aliasNode, where + Quote.of(alias) + " is the key itself");
        } else if (asKey != null) {
          problems.at(
              aliasNode,
              where
                  + Quote.of(alias)
                  + " is a declared key (line "
                  + lineOf(asKey)
                  + "); an alias cannot also be a key");
        } else {
          DeclaredTag owner = aliasOwners.putIfAbsent(alias, tag);
          if (owner != null && !owner.equals(tag)) {
            problems.at(
                aliasNode,
                where
                    + Quote.of(alias)
                    + " is already an alias of "
                    + Quote.of(owner.spec().key())
                    + " (line "
                    + lineOf(owner)
                    + ")");
          }
        }
      }
    }
  }

  private static int lineOf(DeclaredTag tag) {
    return tag.keyNode().getStartMark().getLine() + 1;
  }

  /** A list of keys that must each be declared in {@code tags}, such as accounts.mandatory. */
  static List<String> declaredKeys(Fields fields, String field, List<DeclaredTag> declared) {
    if (fields == null) {
      return List.of();
    }
    fields.allow(List.of(field));
    List<ScalarNode> nodes = fields.strings(field);
    if (nodes == null) {
      return List.of();
    }
    Set<String> keys = new HashSet<>();
    List<String> declaredKeys = new ArrayList<>();
    if (declared != null) {
      for (DeclaredTag tag : declared) {
        keys.add(tag.spec().key());
        declaredKeys.add(tag.spec().key());
      }
    }
    List<String> out = new ArrayList<>();
    for (ScalarNode node : fields.distinct(field, nodes)) {
      String key = node.getValue();
      if (declared != null && !keys.contains(key)) {
        String hint = Suggest.didYouMean(key, declaredKeys);
        fields.problem(
            field,
            node,
            Quote.of(key)
                + " is not a declared key"
                + (hint.isEmpty() ? "; declare it in tags" : hint));
      }
      out.add(key);
    }
    return out;
  }
}
