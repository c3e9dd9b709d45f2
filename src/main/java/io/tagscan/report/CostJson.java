package io.tagscan.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.tagscan.cost.CostReport;
import io.tagscan.cost.FocusSpend;
import io.tagscan.cost.KeySpend;
import io.tagscan.cost.SpendRow;
import io.tagscan.cost.SpendTotals;
import io.tagscan.model.Cost;
import io.tagscan.model.Finding;
import io.tagscan.model.ScanError;
import io.tagscan.model.ToolVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The cost report as JSON ({@code schema/cost-report.schema.json}): amounts as exact decimal
 * strings, never binary floating point; invisible characters escaped as in the scan report.
 */
final class CostJson {

  static final int SCHEMA_VERSION = 1;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private CostJson() {}

  static void write(CostReport report, OutputStream out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.enable(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
      json.setPrettyPrinter(new DefaultPrettyPrinter());
      json.setCharacterEscapes(new JsonReportSink.InvisibleCharacterEscapes());
      json.writeStartObject();
      json.writeNumberField("schemaVersion", SCHEMA_VERSION);
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", "tagscan");
      json.writeStringField("version", ToolVersion.version());
      json.writeEndObject();
      writeRun(report, json);
      json.writeArrayFieldStart("findings");
      for (Finding f : report.findings()) {
        json.writeStartObject();
        json.writeStringField("rule", f.rule().slug());
        json.writeStringField("severity", f.severity().slug());
        json.writeStringField("key", f.key());
        json.writeStringField("expected", f.expected());
        json.writeStringField("fix", f.fix());
        json.writeStringField("message", f.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("keys");
      for (KeySpend key : report.keys()) {
        writeKey(report, key, json);
      }
      json.writeEndArray();
      if (report.focus() != null) {
        writeFocus(report, report.focus(), json);
      }
      json.writeArrayFieldStart("errors");
      for (ScanError e : report.errors()) {
        json.writeStartObject();
        json.writeStringField("operation", e.operation());
        json.writeStringField("code", e.code());
        json.writeStringField("message", e.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("notes");
      for (String note : report.notes()) {
        json.writeString(note);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  private static void writeRun(CostReport report, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("cost");
    json.writeStringField("source", report.source());
    if (report.hasCostExplorer()) {
      json.writeStringField("start", report.query().start().toString());
      json.writeStringField("end", report.query().end().toString());
      json.writeStringField("granularity", report.query().granularity().name());
      json.writeStringField("metric", report.query().metric());
    }
    json.writeObjectFieldStart("dictionary");
    json.writeStringField("path", report.dictionaryPath());
    json.writeStringField("sha256", report.dictionarySha256());
    json.writeEndObject();
    json.writeObjectFieldStart("requests");
    json.writeNumberField("estimated", report.requestsEstimated());
    json.writeNumberField("made", report.requestsMade());
    json.writeEndObject();
    json.writeBooleanField("complete", report.complete());
    json.writeEndObject();
  }

  private static void writeKey(CostReport report, KeySpend key, JsonGenerator json)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("key", key.key());
    writeTotals("totals", key.totals(), json);
    if (key.folded()) {
      json.writeObjectFieldStart("folded");
      json.writeNumberField("valueLimit", key.valueLimit());
      json.writeNumberField("lines", key.foldedLines());
      json.writeEndObject();
    }
    json.writeArrayFieldStart("accounts");
    for (Map.Entry<String, List<SpendTotals>> account : key.byAccount().entrySet()) {
      json.writeStartObject();
      json.writeStringField("accountId", account.getKey());
      json.writeStringField("accountName", report.accountName(account.getKey()));
      writeTotals("totals", account.getValue(), json);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("values");
    for (SpendRow row : key.rows()) {
      json.writeStartObject();
      json.writeStringField("accountId", row.accountId());
      json.writeStringField("value", row.value());
      json.writeStringField("verdict", row.verdict().slug());
      if (row.finding() != null) {
        json.writeStringField("rule", row.finding().rule().slug());
        json.writeStringField("fix", row.finding().fix());
      }
      json.writeStringField("amount", row.amount().toPlainString());
      json.writeStringField("currency", row.currency());
      if (row.isFolded()) {
        json.writeNumberField("foldedLines", row.folded());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeFocus(CostReport report, FocusSpend focus, JsonGenerator json)
      throws IOException {
    json.writeObjectFieldStart("focus");
    json.writeArrayFieldStart("files");
    for (String file : focus.files()) {
      json.writeString(file);
    }
    json.writeEndArray();
    json.writeStringField("metric", focus.metric());
    json.writeNumberField("rows", focus.rows());
    json.writeStringField("firstChargePeriodStart", focus.firstChargePeriod());
    json.writeStringField("lastChargePeriodStart", focus.lastChargePeriod());
    json.writeArrayFieldStart("keys");
    for (KeySpend key : focus.keys()) {
      writeKey(report, key, json);
    }
    json.writeEndArray();
    json.writeObjectFieldStart("withoutResourceId");
    writeAmounts("totals", focus.withoutResource(), json);
    json.writeArrayFieldStart("accounts");
    for (Map.Entry<String, List<Cost>> account : focus.withoutResourceByAccount().entrySet()) {
      json.writeStartObject();
      json.writeStringField("accountId", account.getKey());
      json.writeStringField("accountName", report.accountName(account.getKey()));
      writeAmounts("totals", account.getValue(), json);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeAmounts(String name, List<Cost> amounts, JsonGenerator json)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (Cost cost : amounts) {
      json.writeStartObject();
      json.writeStringField("currency", cost.currency());
      json.writeStringField("amount", cost.amountText());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeTotals(String name, List<SpendTotals> totals, JsonGenerator json)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (SpendTotals t : totals) {
      json.writeStartObject();
      json.writeStringField("currency", t.currency());
      json.writeStringField("valid", t.valid().toPlainString());
      json.writeStringField("invalid", t.invalid().toPlainString());
      json.writeStringField("untagged", t.untagged().toPlainString());
      json.writeStringField("total", t.total().toPlainString());
      json.writeStringField("unallocatedPercent", t.unallocatedPercent().toPlainString());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
