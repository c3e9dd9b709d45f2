package io.tagscan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.Severity;
import io.tagscan.model.ToolVersion;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The diff as JSON: the two reports and the figures first, then every change in one list, {@code
 * changes}, in the reports' order (by account, region and ARN), each a new or fixed finding or an
 * added or removed resource, one per line. The list is streamed as the second walk over both
 * reports finds the changes, so memory does not grow with the reports or with the changes.
 */
final class DiffJson implements ReportDiff.Visitor {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private final JsonGenerator json;

  DiffJson(Writer out, ReportDiff.Figures figures) throws IOException {
    json = FACTORY.createGenerator(out);
    json.setPrettyPrinter(new LinePerElement());
    json.setCharacterEscapes(new JsonReportSink.InvisibleCharacterEscapes());
    json.writeStartObject();
    json.writeNumberField("schemaVersion", SavedReport.SCHEMA_VERSION);
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", "tagscan");
    json.writeStringField("version", ToolVersion.version());
    json.writeEndObject();
    side("old", figures.oldFile.toString(), figures.before);
    side("new", figures.newFile.toString(), figures.after);
    json.writeObjectFieldStart("summary");
    json.writeObjectFieldStart("resources");
    json.writeNumberField("old", figures.oldResources);
    json.writeNumberField("new", figures.newResources);
    json.writeNumberField("added", figures.added);
    json.writeNumberField("removed", figures.removed);
    json.writeEndObject();
    json.writeObjectFieldStart("findings");
    json.writeNumberField("new", figures.count(ReportDiff.Change.NEW));
    json.writeNumberField("fixed", figures.count(ReportDiff.Change.FIXED));
    json.writeNumberField("unchanged", figures.count(ReportDiff.Change.UNCHANGED));
    json.writeObjectFieldStart("newBySeverity");
    for (Severity severity : Severity.values()) {
      json.writeNumberField(severity.slug(), figures.newBySeverity.get(severity));
    }
    json.writeEndObject();
    json.writeEndObject();
    rates("complianceRate", figures.before.complianceRate(), figures.after.complianceRate());
    json.writeArrayFieldStart("coverage");
    for (Map.Entry<String, BigDecimal[]> key : DiffText.coverage(figures).entrySet()) {
      json.writeStartObject();
      json.writeStringField("key", key.getKey());
      rateFields(key.getValue()[0], key.getValue()[1]);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeArrayFieldStart("changes");
  }

  private void side(String field, String file, SavedReport.Header header) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("file", file);
    json.writeStringField("startedAt", header.info().startedAt().toString());
    json.writeStringField("dictionarySha256", header.info().dictionarySha256());
    json.writeBooleanField("complete", header.info().complete());
    json.writeEndObject();
  }

  private void rates(String field, BigDecimal before, BigDecimal after) throws IOException {
    json.writeObjectFieldStart(field);
    rateFields(before, after);
    json.writeEndObject();
  }

  private void rateFields(BigDecimal before, BigDecimal after) throws IOException {
    rate("old", before);
    rate("new", after);
    rate(
        "change",
        before == null || after == null
            ? null
            : after.subtract(before).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
  }

  private void rate(String field, BigDecimal value) throws IOException {
    if (value == null) {
      json.writeNullField(field);
    } else {
      json.writeNumberField(field, value.signum() == 0 ? BigDecimal.ZERO : value);
    }
  }

  @Override
  public void added(CheckedResource resource) throws IOException {
    resource("added", resource.resource());
  }

  @Override
  public void removed(CheckedResource resource) throws IOException {
    resource("removed", resource.resource());
  }

  private void resource(String change, Resource resource) throws IOException {
    json.writeStartObject();
    json.writeStringField("change", change);
    where(resource);
    json.writeStringField("resourceType", resource.resourceType());
    json.writeEndObject();
  }

  @Override
  public void finding(ReportDiff.Change change, CheckedResource resource, Finding finding)
      throws IOException {
    if (change == ReportDiff.Change.UNCHANGED) {
      return;
    }
    json.writeStartObject();
    json.writeStringField("change", change == ReportDiff.Change.NEW ? "new" : "fixed");
    where(resource.resource());
    json.writeStringField("rule", finding.rule().slug());
    json.writeStringField("severity", finding.severity().slug());
    if (finding.key() != null) {
      json.writeStringField("key", finding.key());
    }
    if (finding.value() != null) {
      json.writeStringField("value", finding.value());
    }
    if (finding.fix() != null) {
      json.writeStringField("fix", finding.fix());
    }
    json.writeStringField("message", finding.message());
    json.writeEndObject();
  }

  private void where(Resource resource) throws IOException {
    json.writeStringField("arn", resource.arn());
    json.writeStringField("accountId", resource.accountId());
    json.writeStringField("region", resource.region());
  }

  /** Ends the list of changes and the document. */
  void end() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
    json.close();
  }
}
