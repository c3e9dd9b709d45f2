package io.tagscan.fix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagscan.model.ApplyOutcome;
import io.tagscan.model.ToolVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The result report of {@code fix apply}: per resource applied, skipped (and why) or failed (with
 * AWS's operation, code and message, credentials redacted), and the counts.
 */
public final class ResultJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultJson() {}

  /** The result as the bytes of its file. */
  public static byte[] bytes(
      ApplyOutcome outcome, String planChecksum, Instant startedAt, Instant finishedAt) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("kind", "tagscan-fix-result");
    root.put("schemaVersion", 1);
    root.putObject("tool").put("name", "tagscan").put("version", ToolVersion.version());
    root.put("plan", planChecksum);
    root.put("dryRun", outcome.dryRun());
    root.put("startedAt", startedAt.toString());
    root.put("finishedAt", finishedAt.toString());
    if (outcome.undoChecksum() != null) {
      root.put("undoPlan", outcome.undoChecksum());
    }
    ObjectNode summary = root.putObject("summary");
    for (ApplyOutcome.Status status : ApplyOutcome.Status.values()) {
      // "unknown" only when there is one, so results with none keep their bytes.
      if (status != ApplyOutcome.Status.UNKNOWN || outcome.count(status) > 0) {
        summary.put(status.slug(), outcome.count(status));
      }
    }
    ArrayNode resources = root.putArray("resources");
    for (ApplyOutcome.Result result : outcome.results()) {
      ObjectNode node = resources.addObject();
      node.put("arn", result.fix().arn());
      node.put("accountId", result.fix().accountId());
      node.put("region", result.fix().region());
      node.put("status", result.status().slug());
      if (!result.reason().isEmpty()) {
        node.put("reason", result.reason());
      }
      if (result.error() != null) {
        node.putObject("error")
            .put("operation", result.error().operation())
            .put("code", result.error().code())
            .put("message", result.error().message());
      }
    }
    try {
      return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a result always serialises", e);
    }
  }
}
