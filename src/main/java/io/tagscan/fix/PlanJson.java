package io.tagscan.fix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.FixPlan;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.SkippedFix;
import io.tagscan.model.TagChange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fix plan as JSON ({@code schema/fix-plan.schema.json}): written with a checksum, SHA-256 over
 * the canonical form of everything else (keys sorted, no white space, UTF-8), and read back only
 * when it is a plan of this schema version whose checksum still matches, so that a plan edited
 * after review is refused rather than applied.
 */
public final class PlanJson {

  /** What the {@code kind} field of a plan says. */
  public static final String KIND = "tagscan-fix-plan";

  /** The one schema version this tagscan writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private PlanJson() {}

  /** A plan as the bytes of its file and the checksum they carry. */
  public static final class Encoded {
    private final byte[] bytes;
    private final String checksum;

    Encoded(byte[] bytes, String checksum) {
      this.bytes = bytes;
      this.checksum = checksum;
    }

    /** The file's bytes; the caller must not change them. */
    public byte[] bytes() {
      return bytes;
    }

    /** The checksum the file carries. */
    public String checksum() {
      return checksum;
    }
  }

  /** A plan as read, with the checksum its file carries (and that matched its content). */
  public record Loaded(FixPlan plan, String checksum) {}

  /** The plan as the bytes of its file, checksum included, ending with a newline. */
  public static byte[] bytes(FixPlan plan) {
    return encode(plan).bytes();
  }

  /** The plan's file and its checksum, worked out once. */
  public static Encoded encode(FixPlan plan) {
    ObjectNode body = body(plan);
    String checksum = checksum(body);
    body.put("checksum", checksum);
    try {
      return new Encoded(
          (MAPPER.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8), checksum);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan always serialises", e);
    }
  }

  /** The checksum the plan's file carries. */
  public static String checksum(FixPlan plan) {
    return checksum(body(plan));
  }

  /**
   * Reads a plan, refusing anything that is not one: not JSON, another kind or schema version, a
   * field missing or of the wrong type, changes that do not fit the tags, or a checksum that does
   * not match.
   *
   * @throws InputException naming the file and the problem
   */
  public static FixPlan read(Path file) {
    return load(file).plan();
  }

  /**
   * Reads a plan as {@link #read} does, with its checksum.
   *
   * @throws InputException naming the file and the problem
   */
  public static Loaded load(Path file) {
    String name = file.toString();
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw bad(name, "cannot read the plan: no such file");
    } catch (JsonProcessingException e) {
      throw InputException.of(
          new Diagnostic(
              name,
              e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
              e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
              "not a JSON fix plan: " + Printable.of(e.getOriginalMessage())));
    } catch (IOException e) {
      throw bad(name, "cannot read the plan: " + Printable.of(String.valueOf(e.getMessage())));
    }
    if (root == null || !root.isObject()) {
      throw bad(name, "not a fix plan: expected a JSON object");
    }
    ObjectNode object = (ObjectNode) root;
    if (!KIND.equals(object.path("kind").asText(null))) {
      throw bad(name, "not a fix plan: 'kind' must be '" + KIND + "'");
    }
    if (!object.path("schemaVersion").isInt()
        || object.path("schemaVersion").intValue() != SCHEMA_VERSION) {
      throw bad(
          name,
          "a fix plan of schema version "
              + Printable.of(object.path("schemaVersion").toString())
              + "; this tagscan reads version "
              + SCHEMA_VERSION);
    }
    JsonNode given = object.remove("checksum");
    if (given == null || !given.isTextual()) {
      throw bad(name, "the plan has no checksum: make it again with 'tagscan fix plan'");
    }
    if (!given.textValue().equals(checksum(object))) {
      throw bad(
          name,
          "the plan's checksum does not match its content: it was changed after it was made;"
              + " make it again with 'tagscan fix plan'");
    }
    try {
      return new Loaded(parse(object), given.textValue());
    } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
      throw bad(name, "not a valid fix plan: " + Printable.of(String.valueOf(e.getMessage())));
    }
  }

  private static InputException bad(String file, String message) {
    return InputException.of(Diagnostic.ofFile(file, message));
  }

  private static ObjectNode body(FixPlan plan) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("kind", KIND);
    root.put("schemaVersion", SCHEMA_VERSION);
    root.putObject("tool").put("name", "tagscan").put("version", plan.toolVersion());
    root.put("createdAt", plan.createdAt().toString());
    root.putObject("dictionary")
        .put("path", plan.dictionaryPath())
        .put("sha256", plan.dictionarySha256());
    root.put("source", plan.source());
    if (plan.undoOf() != null) {
      root.put("undoOf", plan.undoOf());
    }
    root.putObject("summary")
        .put("resources", plan.resources().size())
        .put("changes", plan.changeCount())
        .put("skipped", plan.skipped().size());
    ArrayNode resources = root.putArray("resources");
    for (ResourceFix fix : plan.resources()) {
      ObjectNode node = resources.addObject();
      node.put("arn", fix.arn());
      node.put("accountId", fix.accountId());
      node.put("region", fix.region());
      node.put("resourceType", fix.resourceType());
      ObjectNode tags = node.putObject("tags");
      fix.tags().forEach(tags::put);
      ArrayNode changes = node.putArray("changes");
      for (TagChange change : fix.changes()) {
        ObjectNode c = changes.addObject();
        c.put("action", change.action().slug());
        c.put("key", change.key());
        if (change.value() != null) {
          c.put("value", change.value());
        }
        if (change.newKey() != null) {
          c.put("newKey", change.newKey());
        }
        if (change.newValue() != null) {
          c.put("newValue", change.newValue());
        }
        c.put("rule", change.rule());
        c.put("reason", change.reason());
      }
    }
    ArrayNode skipped = root.putArray("skipped");
    for (SkippedFix skip : plan.skipped()) {
      skipped
          .addObject()
          .put("arn", skip.arn())
          .put("accountId", skip.accountId())
          .put("region", skip.region())
          .put("rule", skip.rule())
          .put("key", skip.key())
          .put("reason", skip.reason());
    }
    return root;
  }

  private static FixPlan parse(ObjectNode root) {
    List<ResourceFix> resources = new ArrayList<>();
    for (JsonNode node : array(root, "resources")) {
      TreeMap<String, String> tags = new TreeMap<>();
      JsonNode tagNode = node.get("tags");
      if (tagNode == null || !tagNode.isObject()) {
        throw new IllegalArgumentException("each resource needs its 'tags' as an object");
      }
      for (Map.Entry<String, JsonNode> tag : tagNode.properties()) {
        tags.put(tag.getKey(), text(tag.getValue(), "a tag value"));
      }
      List<TagChange> changes = new ArrayList<>();
      for (JsonNode c : array(node, "changes")) {
        TagChange.Action action = TagChange.Action.fromSlug(text(c.get("action"), "'action'"));
        if (action == null) {
          throw new IllegalArgumentException("unknown action " + c.get("action"));
        }
        changes.add(
            new TagChange(
                action,
                text(c.get("key"), "'key'"),
                optional(c, "value"),
                optional(c, "newKey"),
                optional(c, "newValue"),
                text(c.get("rule"), "'rule'"),
                optional(c, "reason")));
      }
      resources.add(
          new ResourceFix(
              text(node.get("arn"), "'arn'"),
              text(node.get("accountId"), "'accountId'"),
              text(node.get("region"), "'region'"),
              text(node.get("resourceType"), "'resourceType'"),
              tags,
              changes));
    }
    List<SkippedFix> skipped = new ArrayList<>();
    for (JsonNode node : array(root, "skipped")) {
      skipped.add(
          new SkippedFix(
              text(node.get("arn"), "'arn'"),
              text(node.get("accountId"), "'accountId'"),
              text(node.get("region"), "'region'"),
              text(node.get("rule"), "'rule'"),
              text(node.get("key"), "'key'"),
              text(node.get("reason"), "'reason'")));
    }
    JsonNode dictionary = root.path("dictionary");
    return new FixPlan(
        text(root.path("tool").get("version"), "'tool.version'"),
        Instant.parse(text(root.get("createdAt"), "'createdAt'")),
        optional(dictionary, "path"),
        optional(dictionary, "sha256"),
        optional(root, "source"),
        optional(root, "undoOf"),
        resources,
        skipped);
  }

  private static Iterable<JsonNode> array(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("'" + field + "' must be an array");
    }
    return node;
  }

  private static String text(JsonNode node, String what) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(what + " must be a string");
    }
    return node.textValue();
  }

  private static String optional(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    return node == null || node.isNull() ? null : text(node, "'" + field + "'");
  }

  /** SHA-256 of the canonical form: object keys sorted at every level, no white space, UTF-8. */
  static String checksum(JsonNode body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (JsonGenerator out = COMPACT.getFactory().createGenerator(new DigestStream(digest))) {
        writeCanonical(out, body);
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Writes the tree with every object's keys in order, straight into the digest. */
  private static void writeCanonical(JsonGenerator out, JsonNode node) throws IOException {
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.writeStartObject();
      for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
        out.writeFieldName(field.getKey());
        writeCanonical(out, field.getValue());
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode child : node) {
        writeCanonical(out, child);
      }
      out.writeEndArray();
    } else {
      COMPACT.writeTree(out, node);
    }
  }

  /** The bytes written, fed to a digest and kept nowhere. */
  private static final class DigestStream extends OutputStream {
    private final MessageDigest digest;

    DigestStream(MessageDigest digest) {
      this.digest = digest;
    }

    @Override
    public void write(int b) {
      digest.update((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      digest.update(bytes, offset, length);
    }
  }
}
