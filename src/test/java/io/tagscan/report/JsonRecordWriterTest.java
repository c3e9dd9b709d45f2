package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Cost;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import io.tagscan.model.Suppressed;
import io.tagscan.model.json.ModelJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JsonRecordWriterTest {

  private static final String HOSTILE =
      "=cmd|' /C calc'!A0 \t\r\n\u0000\u001b[31m \u007f\u0085 \"q\" \\ café 日本 \ud83d\ude80 \u202e"
          + " \u2028 \u200b lone \ud800 end";

  /** The claim the writer rests on: for ASCII, the byte path escapes exactly as the string path. */
  @Test
  void writesEveryAsciiCharacterFromBytesAsTheStringPathDoes() throws IOException {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      String text = "a" + c + "b";
      assertThat(utf8Path(text)).as("U+%04X", (int) c).isEqualTo(stringPath(text));
      all.append(c);
    }
    assertThat(utf8Path(all.toString())).isEqualTo(stringPath(all.toString()));
    assertThat(utf8Path(all.toString())).contains("\\u007F", "\\u0000", "\\n", "\\\"", "\\\\");
  }

  /**
   * Every field of a resource holding each ASCII character at each place of an 8-byte word: the
   * plain flags the spool sets as it encodes must never let a character to escape go out raw.
   */
  @Test
  void writesEveryAsciiCharacterInEveryFieldAsTheStringPathDoes() throws IOException {
    Function<String, String> names = id -> null;
    for (char c = 0; c < 0x80; c++) {
      for (int at = 0; at < 18; at++) {
        StringBuilder text = new StringBuilder("abcdefghijklmnopq");
        text.insert(at, c);
        String s = text.toString();
        Finding finding = new Finding(RuleId.UNDECLARED_KEY, Severity.WARNING, s, s, s, s, s);
        CheckedResource checked =
            new CheckedResource(
                Resource.of("arn:aws:s3:::" + s, s, s, s, Source.TAGGING_API, Map.of(s, s)),
                List.of(finding));
        SpooledResource spooled = SpooledResource.of(checked);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonReportSink.generator(bytes)) {
          new JsonRecordWriter(json, names)
              .write(spooled.bytes(), spooled.start(), spooled.length());
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
            .as("U+%04X at %d", (int) c, at)
            .isEqualTo(fromStrings(checked, names));
      }
    }
  }

  @Test
  void tellsPlainTextFromTextToEscapeWhereverTheByteFallsInAWord() {
    for (int value = 0; value < 256; value++) {
      byte b = (byte) value;
      int expected =
          value >= 0x80
              ? JsonRecordWriter.OTHER
              : value < 0x20 || value == '"' || value == '\\' || value == 0x7F
                  ? JsonRecordWriter.ASCII
                  : JsonRecordWriter.PLAIN;
      for (int at = 0; at < 19; at++) {
        byte[] text = "abcdefghijklmnopqrs".getBytes(StandardCharsets.US_ASCII);
        text[at] = b;
        assertThat(JsonRecordWriter.kind(text, 1, 17))
            .as("byte %02X at %d", value, at)
            .isEqualTo(at == 0 || at == 18 ? JsonRecordWriter.PLAIN : expected);
      }
    }
  }

  @Test
  void writesHostileResourcesByteForByteAsFromTheirStrings() throws IOException {
    List<Finding> findings = new ArrayList<>();
    int i = 0;
    for (RuleId rule : RuleId.values()) {
      findings.add(
          new Finding(
              rule,
              Severity.values()[i++ % 3],
              i % 3 == 0 ? null : HOSTILE,
              i % 2 == 0 ? null : "",
              i % 4 == 0 ? null : "one of: a, b",
              i % 5 == 0 ? null : "fix " + HOSTILE,
              "message " + i + " " + (i % 2 == 0 ? HOSTILE : "plain")));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("anycompany:workload:environment", "production");
    tags.put(HOSTILE, HOSTILE);
    tags.put("empty", "");
    tags.put("quote\"key", "v");
    tags.put("del\u007fkey", "v");
    tags.put("café", "v");
    List<CheckedResource> resources = new ArrayList<>();
    for (Source source : Source.values()) {
      Resource resource =
          Resource.of(
              "arn:aws:s3:::" + source.slug() + HOSTILE,
              "111122223333",
              "us-east-1",
              "s3:bucket",
              source,
              tags);
      resources.add(new CheckedResource(resource, findings));
    }
    Resource plain =
        Resource.of(
            "arn:aws:sqs:eu-west-1:444455556666:q",
            "444455556666",
            "eu-west-1",
            "sqs:queue",
            Source.TAGGING_API,
            Map.of("k", "v"));
    Finding error =
        new Finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, "k", null, null, null, "m");
    Finding warning =
        new Finding(RuleId.UNDECLARED_KEY, Severity.WARNING, "k", "v", null, null, "w");
    resources.add(new CheckedResource(plain, List.of(warning)));
    resources.add(
        new CheckedResource(
            plain,
            List.of(error),
            true,
            List.of(
                new Suppressed(warning, "reason " + HOSTILE, "ex-1"),
                new Suppressed(error, "why", ""),
                new Suppressed(error, "why", null)),
            new Cost(new BigDecimal("1.50E+3"), "USD")));
    resources.add(CheckedResource.unjudged(plain));
    resources.add(
        new CheckedResource(plain, List.of(), true, List.of(), new Cost(BigDecimal.ONE, "EUR")));
    Function<String, String> names =
        id -> id.equals("111122223333") ? "Prod " + HOSTILE : id.equals("444455556666") ? "" : null;

    for (CheckedResource checked : resources) {
      SpooledResource spooled = SpooledResource.of(checked);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (JsonGenerator json = JsonReportSink.generator(bytes)) {
        new JsonRecordWriter(json, names).write(spooled.bytes(), spooled.start(), spooled.length());
      }
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(fromStrings(checked, names));
    }
  }

  @Test
  void oneWriterKeepsEachKeyApartFromKeysThatLookAlikeOrMovePlace() throws IOException {
    // Same length and the same first and last eight bytes (so the same hash), different middles;
    // keys that change place from one resource to the next; more tags than places remembered.
    List<String> alike =
        List.of("anycompany:A:cost-center", "anycompany:B:cost-center", "anycompany:C:cost-center");
    List<CheckedResource> resources = new ArrayList<>();
    for (int r = 0; r < 12; r++) {
      java.util.TreeMap<String, String> tags = new java.util.TreeMap<>();
      tags.put(alike.get(r % 3), "v" + r);
      if (r % 2 == 0) {
        tags.put("a", "first");
      }
      if (r % 4 == 1) {
        for (int t = 0; t < 70; t++) {
          tags.put(String.format("key-%03d-%s", (t * 7 + r) % 70, r % 3 == 0 ? "x" : "yy"), "v");
        }
      }
      tags.put(r % 5 == 0 ? "quote\"d" : "zzz", HOSTILE);
      resources.add(
          new CheckedResource(
              Resource.of(
                  "arn:aws:sqs:eu-west-1:444455556666:q" + r,
                  "444455556666",
                  "eu-west-1",
                  "sqs:queue",
                  Source.TAGGING_API,
                  tags),
              List.of()));
    }
    Function<String, String> names = id -> null;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JsonReportSink.generator(bytes)) {
      JsonRecordWriter writer = new JsonRecordWriter(json, names);
      for (CheckedResource checked : resources) {
        int before = bytes.size();
        SpooledResource spooled = SpooledResource.of(checked);
        writer.write(spooled.bytes(), spooled.start(), spooled.length());
        json.flush();
        String written =
            new String(bytes.toByteArray(), before, bytes.size() - before, StandardCharsets.UTF_8);
        assertThat(written.stripLeading()).isEqualTo(fromStrings(checked, names));
      }
    }
  }

  @Test
  void jsonWritesASpooledResourceWithoutDecodingIt() throws IOException {
    CheckedResource checked =
        new CheckedResource(
            Resource.of(
                "arn:aws:s3:::b",
                "111122223333",
                "us-east-1",
                "s3:bucket",
                Source.TAGGING_API,
                Map.of("k", "v")),
            List.of());
    byte[] record = ResourceCodec.encode(checked);
    SpooledResource spooled = new SpooledResource(record, 0, record.length);

    JsonReportSink json = new JsonReportSink(new ByteArrayOutputStream());
    json.begin(
        new ReportContext(
            Fixtures.scanInfo(true),
            new SummaryBuilder(Fixtures.dictionary()).snapshot(Set.of()),
            new TreeMap<>(),
            List.of(),
            Fixtures.dictionary(),
            Fixtures.options(null, ReportFormat.JSON),
            List.of(),
            List.of(),
            "0.0.0-test",
            List.of(),
            0));
    json.resource(spooled);
    assertThat(spooled.decoded()).isFalse();

    List<CheckedResource> seen = new ArrayList<>();
    ReportSink other =
        new ReportSink() {
          @Override
          public void begin(ReportContext context) {}

          @Override
          public void resource(CheckedResource resource) {
            seen.add(resource);
          }

          @Override
          public void end() {}
        };
    other.resource(spooled);
    assertThat(spooled.decoded()).isTrue();
    assertThat(seen).containsExactly(checked);
  }

  private static String utf8Path(String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[utf8.length + 6];
    System.arraycopy(utf8, 0, padded, 3, utf8.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JsonReportSink.generator(out)) {
      json.writeUTF8String(padded, 3, utf8.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String stringPath(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JsonReportSink.generator(out)) {
      json.writeString(text);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The report's resource as written from its strings, field by field, before records. */
  private static String fromStrings(CheckedResource checked, Function<String, String> names)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JsonReportSink.generator(out)) {
      Resource resource = checked.resource();
      json.writeStartObject();
      json.writeStringField("arn", resource.arn());
      json.writeStringField("accountId", resource.accountId());
      String accountName = names.apply(resource.accountId());
      if (accountName != null && !accountName.isEmpty()) {
        json.writeStringField("accountName", accountName);
      }
      json.writeStringField("region", resource.region());
      json.writeStringField("resourceType", resource.resourceType());
      json.writeStringField("source", resource.source().slug());
      ModelJson.tagObject(json, "tags", resource.tags());
      if (checked.tagsKnown()) {
        json.writeBooleanField("compliant", checked.compliant());
      } else {
        json.writeBooleanField("tagsKnown", false);
        json.writeNullField("compliant");
      }
      if (checked.cost() != null) {
        json.writeObjectFieldStart("cost");
        json.writeStringField("amount", checked.cost().amountText());
        json.writeStringField("currency", checked.cost().currency());
        json.writeEndObject();
      }
      if (checked.waived() > 0) {
        json.writeNumberField("waived", checked.waived());
      }
      json.writeArrayFieldStart("findings");
      for (Finding finding : checked.findings()) {
        json.writeStartObject();
        finding(json, finding);
        json.writeEndObject();
      }
      json.writeEndArray();
      if (!checked.suppressed().isEmpty()) {
        json.writeArrayFieldStart("suppressed");
        for (Suppressed waived : checked.suppressed()) {
          json.writeStartObject();
          finding(json, waived.finding());
          json.writeStringField("reason", waived.reason());
          if (waived.exemption() != null && !waived.exemption().isEmpty()) {
            json.writeStringField("exemption", waived.exemption());
          }
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void finding(JsonGenerator json, Finding finding) throws IOException {
    json.writeStringField("rule", finding.rule().slug());
    json.writeStringField("severity", finding.severity().slug());
    for (String[] field :
        new String[][] {
          {"key", finding.key()},
          {"value", finding.value()},
          {"expected", finding.expected()},
          {"fix", finding.fix()}
        }) {
      if (field[1] != null) {
        json.writeStringField(field[0], field[1]);
      }
    }
    json.writeStringField("message", finding.message());
  }
}
