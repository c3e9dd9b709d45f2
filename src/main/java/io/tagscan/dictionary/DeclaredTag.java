package io.tagscan.dictionary;

import java.util.List;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A tag read from the file, with the nodes needed to place problems found across tags. */
record DeclaredTag(TagSpec spec, ScalarNode keyNode, String context, List<ScalarNode> aliases) {}
