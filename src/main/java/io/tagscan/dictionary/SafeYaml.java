package io.tagscan.dictionary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a YAML file into a node tree without ever constructing an object from it: only the core
 * types are accepted, aliases and size are capped, and every mapping is checked for keys given
 * twice, each problem placed at its line and column.
 */
final class SafeYaml {

  /** The largest file accepted; dictionaries and exemption lists are a few kilobytes. */
  static final int MAX_BYTES = 1024 * 1024;

  /** Aliases to lists or mappings: enough for shared lists, too few for an alias bomb. */
  static final int MAX_ALIASES = 50;

  /** Nodes visited with aliases expanded; caps what a few aliases can multiply. */
  static final int MAX_NODES = 100_000;

  static final int MAX_DEPTH = 50;

  private static final Set<Tag> CORE_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT, Tag.NULL, Tag.SEQ, Tag.MAP);

  private SafeYaml() {}

  /** A file's raw bytes (for its checksum) and its text. */
  @SuppressWarnings("ArrayRecordComponent") // a carrier never compared or hashed
  record Source(byte[] bytes, String text) {}

  /** Reads a UTF-8 file of at most {@link #MAX_BYTES}; null after recording why it cannot be. */
  static Source read(Path file, Problems problems) {
    try {
      if (Files.isDirectory(file)) {
        problems.ofFile("this is a directory, not a file");
        return null;
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.ofFile(tooLarge(size));
        return null;
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        // Read one byte past the limit, in case the file grew since its size was taken.
        bytes = in.readNBytes(MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        problems.ofFile(tooLarge(bytes.length));
        return null;
      }
      String text = decode(bytes, problems);
      return text == null ? null : new Source(bytes, text);
    } catch (NoSuchFileException e) {
      problems.ofFile("no such file");
    } catch (AccessDeniedException e) {
      problems.ofFile("cannot read the file: permission denied");
    } catch (IOException e) {
      problems.ofFile("cannot read the file: " + Quote.of(String.valueOf(e.getMessage())));
    }
    return null;
  }

  /** Text given in code (tests, examples), with the same size limit as a file. */
  static Source ofText(String text, Problems problems) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      problems.ofFile(tooLarge(bytes.length));
      return null;
    }
    return new Source(bytes, text);
  }

  private static String tooLarge(long size) {
    return "file is larger than 1 MiB (" + size + " bytes)";
  }

  private static String decode(byte[] bytes, Problems problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      String text = decoder.decode(in).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      problems.ofFile("file is not UTF-8 text (invalid byte at offset " + in.position() + ")");
      return null;
    }
  }

  /**
   * The document's root node; null when the document is empty or unusable, the reason (if any)
   * recorded. A tree returned may still hold rejected nodes, recorded as problems.
   */
  static Node compose(String text, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setProcessComments(false);
    // Nothing is ever constructed from a tag; checkTree rejects every non-core tag with its place.
    options.setTagInspector(tag -> true);
    TrackingParser parser = new TrackingParser(new ParserImpl(new StreamReader(text), options));
    Node root;
    try {
      root = new Composer(parser, new CoreSchemaResolver(), options).getSingleNode();
    } catch (MarkedYAMLException e) {
      problems.at(e.getProblemMark(), YamlErrors.describe(e));
      return null;
    } catch (ReaderException e) {
      int[] place = YamlErrors.place(text, e.getPosition());
      problems.at(
          place[0], place[1], "invalid YAML: " + YamlErrors.describeCharacter(e.getCodePoint()));
      return null;
    } catch (YAMLException e) {
      problems.at(parser.lastMark(), YamlErrors.describeLimit(e.getMessage()));
      return null;
    }
    return root == null || checkTree(root, problems) ? root : null;
  }

  /**
   * Checks every node once per path that reaches it: core tags only, scalar keys, no key twice in a
   * mapping. False when the tree is too big to read further.
   */
  private static boolean checkTree(Node root, Problems problems) {
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    int visited = 0;
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (++visited > MAX_NODES) {
        problems.ofFile(
            "the document has more than "
                + MAX_NODES
                + " values once its aliases are expanded; write it out plainly");
        return false;
      }
      if (!CORE_TAGS.contains(node.getTag())) {
        problems.at(node, rejectedTag(node.getTag()));
        problems.reject(node);
        continue;
      }
      if (node instanceof SequenceNode sequence) {
        sequence.getValue().forEach(pending::push);
      } else if (node instanceof MappingNode mapping) {
        Map<String, Node> keys = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          Node key = tuple.getKeyNode();
          if (!(key instanceof ScalarNode scalar)) {
            problems.at(key, "a mapping key must be a plain value, not a list or a mapping");
            continue;
          }
          if (!CORE_TAGS.contains(key.getTag())) {
            problems.at(key, rejectedTag(key.getTag()));
            problems.reject(key);
            continue;
          }
          Node first = keys.putIfAbsent(scalar.getValue(), key);
          if (first != null) {
            problems.at(
                key,
                Quote.of(scalar.getValue())
                    + " is given twice in this mapping (first at "
                    + Fields.placeOf(first, key)
                    + ")");
          }
          pending.push(tuple.getValueNode());
        }
      }
    }
    return true;
  }

  private static String rejectedTag(Tag tag) {
    String written = tag.getValue();
    if (written.startsWith(Tag.PREFIX)) {
      written = "!!" + written.substring(Tag.PREFIX.length());
    }
    return "the tag "
        + Quote.of(written)
        + " is not allowed; only plain YAML values are (text, numbers, true or false, null, lists"
        + " and mappings)";
  }

  /** Remembers where the parser was, to place errors that SnakeYAML raises without a mark. */
  private static final class TrackingParser implements Parser {
    private final Parser delegate;
    private Mark lastMark;

    TrackingParser(Parser delegate) {
      this.delegate = delegate;
    }

    Mark lastMark() {
      return lastMark;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      Event event = delegate.peekEvent();
      if (event != null) {
        lastMark = event.getStartMark();
      }
      return event;
    }

    @Override
    public Event getEvent() {
      Event event = delegate.getEvent();
      if (event != null) {
        lastMark = event.getStartMark();
      }
      return event;
    }
  }
}
