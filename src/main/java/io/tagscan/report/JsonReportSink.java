package io.tagscan.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Glob;
import io.tagscan.dictionary.Mark;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Cost;
import io.tagscan.model.Printable;
import io.tagscan.model.Severity;
import io.tagscan.model.json.ModelJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The JSON report (schema version 1, described by {@code schema/report.schema.json}), streamed: the
 * summary comes before the resources, and each top-level field and each element of the {@code
 * accounts}, {@code resources} and {@code errors} arrays sits on its own line, so a report of a
 * million resources stays compact yet diffable and greppable.
 *
 * <p>It is written as UTF-8 bytes by Jackson's byte generator, the quickest it has; on standard
 * output (text) the same bytes are decoded onto the writer, so both carry the same characters. A
 * surrogate pair is written as its one four-byte character, an unpaired surrogate (which UTF-8
 * cannot carry) as its {@code \\uXXXX} escape, so the text parses back unchanged.
 */
final class JsonReportSink implements ReportSink {

  static final int SCHEMA_VERSION = 1;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private final JsonGenerator json;
  private ReportContext context;
  private JsonRecordWriter records;

  JsonReportSink(Writer out) {
    this(new DecodingOutputStream(out));
  }

  JsonReportSink(OutputStream out) {
    json = generator(out);
    json.setPrettyPrinter(new LinePerElement());
  }

  /** A generator writing the report's UTF-8 with its escapes, without the line layout. */
  static JsonGenerator generator(OutputStream out) {
    JsonGenerator json;
    try {
      json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.enable(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    json.setCharacterEscapes(new InvisibleCharacterEscapes());
    return json;
  }

  @Override
  public void begin(ReportContext context) throws IOException {
    this.context = context;
    this.records = new JsonRecordWriter(json, context::accountName);
    json.writeStartObject();
    json.writeNumberField("schemaVersion", SCHEMA_VERSION);
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", "tagscan");
    json.writeStringField("version", context.toolVersion());
    json.writeEndObject();
    writeScan(context.info(), context.dictionary());
    writeSummary(context.summary());
    json.writeArrayFieldStart("accounts");
    for (Account account : context.accounts().values()) {
      writeAccount(account);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("resources");
  }

  private void writeScan(ScanInfo info, Dictionary dictionary) throws IOException {
    json.writeObjectFieldStart("scan");
    json.writeStringField("startedAt", instant(info.startedAt()));
    json.writeStringField("finishedAt", instant(info.finishedAt()));
    json.writeBooleanField("complete", info.complete());
    json.writeObjectFieldStart("dictionary");
    json.writeStringField("path", info.dictionaryPath());
    json.writeStringField("sha256", info.dictionarySha256());
    writeKeys(dictionary);
    json.writeEndObject();
    writeStrings("sources", info.sources());
    writeStrings("regions", info.regions());
    json.writeObjectFieldStart("accounts");
    json.writeNumberField("requested", info.accountsRequested());
    json.writeNumberField("scanned", info.accountsScanned());
    json.writeNumberField("failed", info.accountsFailed());
    json.writeEndObject();
    ModelJson.sagemaker(json, "sagemaker", info.sagemaker());
    ModelJson.explorer(json, "resourceExplorer", info.resourceExplorer());
    if (!info.notes().isEmpty()) {
      writeStrings("notes", info.notes());
    }
    json.writeEndObject();
  }

  /**
   * What of the dictionary the other formats need, so that they can be rendered from this report
   * alone: every declared key with its flags, scope and place, the keys accounts must carry, and
   * where the conventions are written.
   */
  private void writeKeys(Dictionary dictionary) throws IOException {
    json.writeArrayFieldStart("keys");
    for (TagSpec spec : dictionary.tags()) {
      json.writeStartObject();
      json.writeStringField("key", spec.key());
      json.writeBooleanField("mandatory", spec.mandatory());
      json.writeBooleanField("costAllocation", spec.costAllocation());
      json.writeArrayFieldStart("appliesTo");
      for (Glob glob : spec.appliesTo()) {
        json.writeString(glob.pattern());
      }
      json.writeEndArray();
      writeMark(spec.mark());
      json.writeEndObject();
    }
    json.writeEndArray();
    writeStrings("accountMandatory", dictionary.accountMandatory());
    if (dictionary.conventionsMark().isKnown()) {
      json.writeObjectFieldStart("conventionsAt");
      writeMark(dictionary.conventionsMark());
      json.writeEndObject();
    }
  }

  /** A place in the dictionary, so that a rendered SARIF log points where the scan's did. */
  private void writeMark(Mark mark) throws IOException {
    if (mark.isKnown()) {
      json.writeNumberField("line", mark.line());
      json.writeNumberField("column", mark.column());
    }
  }

  private static String instant(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private void writeStrings(String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private void writeSummary(Summary summary) throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeNumberField("resources", summary.resources());
    json.writeNumberField("compliant", summary.compliant());
    json.writeNumberField("noncompliant", summary.noncompliant());
    writeRate("complianceRate", summary.complianceRate());
    writeSeverities("findingsBySeverity", summary.findingsBySeverity());
    json.writeObjectFieldStart("findingsByRule");
    for (Map.Entry<String, Long> rule : summary.findingsByRule().entrySet()) {
      json.writeNumberField(rule.getKey(), rule.getValue());
    }
    json.writeEndObject();
    json.writeNumberField("findingsWaived", summary.findingsWaived());
    if (summary.baseline() != null) {
      json.writeNumberField("findingsInBaseline", summary.baseline().covered());
    }
    json.writeObjectFieldStart("findingsWaivedByRule");
    for (Map.Entry<String, Long> rule : summary.waivedByRule().entrySet()) {
      json.writeNumberField(rule.getKey(), rule.getValue());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("findingsByAccount");
    for (Map.Entry<String, Summary.AccountFigures> entry : summary.findingsByAccount().entrySet()) {
      Summary.AccountFigures account = entry.getValue();
      json.writeObjectFieldStart(entry.getKey());
      json.writeNumberField("resources", account.resources());
      json.writeNumberField("compliant", account.compliant());
      json.writeNumberField("noncompliant", account.noncompliant());
      writeRate("complianceRate", account.complianceRate());
      writeSeverities("findingsBySeverity", account.findingsBySeverity());
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeFieldName("coverage");
    writeCoverage(summary.coverage());
    json.writeObjectFieldStart("coverageByAccount");
    for (Map.Entry<String, List<Summary.KeyCoverage>> entry :
        summary.coverageByAccount().entrySet()) {
      json.writeFieldName(entry.getKey());
      writeCoverage(entry.getValue());
    }
    json.writeEndObject();
    if (summary.unallocatable() != null) {
      writeUnallocatable(summary.unallocatable());
    }
    json.writeEndObject();
  }

  private void writeUnallocatable(UnallocatableSpend spend) throws IOException {
    json.writeObjectFieldStart("unallocatableSpend");
    writeCosts("priced", spend.priced());
    json.writeArrayFieldStart("keys");
    for (UnallocatableSpend.KeyAmounts key : spend.keys()) {
      json.writeStartObject();
      json.writeStringField("key", key.key());
      writeCosts("totals", key.totals());
      json.writeObjectFieldStart("byAccount");
      for (Map.Entry<String, List<Cost>> account : key.byAccount().entrySet()) {
        writeCosts(account.getKey(), account.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeCosts(String field, List<Cost> costs) throws IOException {
    json.writeArrayFieldStart(field);
    for (Cost cost : costs) {
      json.writeStartObject();
      json.writeStringField("amount", cost.amountText());
      json.writeStringField("currency", cost.currency());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeRate(String field, BigDecimal rate) throws IOException {
    if (rate == null) {
      json.writeNullField(field);
    } else {
      json.writeNumberField(field, rate);
    }
  }

  private void writeSeverities(String field, Map<Severity, Long> counts) throws IOException {
    json.writeObjectFieldStart(field);
    for (Severity severity : Severity.values()) {
      json.writeNumberField(severity.slug(), counts.get(severity));
    }
    json.writeEndObject();
  }

  private void writeCoverage(List<Summary.KeyCoverage> coverage) throws IOException {
    json.writeStartArray();
    for (Summary.KeyCoverage key : coverage) {
      json.writeStartObject();
      json.writeStringField("key", key.key());
      json.writeBooleanField("mandatory", key.mandatory());
      json.writeBooleanField("costAllocation", key.costAllocation());
      json.writeNumberField("inScope", key.inScope());
      json.writeNumberField("tagged", key.tagged());
      writeRate("rate", key.rate());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void writeAccount(Account account) throws IOException {
    json.writeStartObject();
    ModelJson.accountFields(json, account, ModelJson.AccountShape.REPORT);
    json.writeEndObject();
  }

  @Override
  public void resource(CheckedResource checked) throws IOException {
    resource(SpooledResource.of(checked));
  }

  @Override
  public void resource(SpooledResource spooled) throws IOException {
    records.write(spooled.bytes(), spooled.start(), spooled.length());
  }

  @Override
  public void end() throws IOException {
    json.writeEndArray();
    ModelJson.errors(json, "errors", context.errors());
    json.writeEndObject();
    json.writeRaw('\n');
    json.close();
  }

  /**
   * JSON's own escapes plus every other invisible character ({@link Printable#isInvisible}: DEL,
   * the C1 controls, the Unicode line separators, bidirectional and zero-width format characters),
   * so that no raw control or text-reordering character reaches a terminal running {@code cat} or
   * {@code grep} on the report; the data, once parsed, is unchanged.
   */
  static final class InvisibleCharacterEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;

    private static final int[] ASCII;

    static {
      ASCII = standardAsciiEscapesForJSON();
      ASCII[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      // Jackson asks one UTF-16 unit at a time, so surrogate pairs (emoji) pass through whole.
      if (Printable.isInvisible(c)) {
        return new SerializedString(String.format("\\u%04X", c));
      }
      return null;
    }
  }
}
