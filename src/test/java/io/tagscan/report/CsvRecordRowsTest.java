package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Cost;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import io.tagscan.model.Suppressed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRecordRowsTest {

  private static final String HOSTILE =
      "=cmd|' /C calc'!A0 \t\r\n\u0000\u001b[31m \u007f\u0085 \"q\" , \\ café 日本 \ud83d\ude80"
          + " \u202e \u2028 \u200b lone \ud800 end \udc00";

  /** Cells a spreadsheet would run, or that are credits it must not guard. */
  private static final List<String> FIRSTS =
      List.of("=1+2", "+1", "-1.50", "-1.5.0", "@x", "\tx", "\rx", "\u202ex", "", "plain");

  @ParameterizedTest(name = "{0} layout, priced {1}")
  @CsvSource({"FINDINGS, false", "FINDINGS, true", "RESOURCES, false", "RESOURCES, true"})
  void writesHostileResourcesFromTheirRecordsByteForByteAsFromTheResources(
      CsvLayout layout, boolean priced) throws IOException {
    List<CheckedResource> resources = hostileResources();

    StringWriter decoded = new StringWriter();
    CsvReportSink fromResources = begin(decoded, layout, priced);
    StringWriter recorded = new StringWriter();
    CsvReportSink fromRecords = begin(recorded, layout, priced);
    for (CheckedResource checked : resources) {
      fromResources.resource(checked);
      fromRecords.resource(spooledAmidOtherBytes(checked));
    }
    fromResources.end();
    fromRecords.end();

    assertThat(recorded.toString()).isEqualTo(decoded.toString());
    // The rows are there: one per finding (or resource), hostile text and guards included.
    assertThat(decoded.toString())
        .contains("'=1+2", "'@x", ",-1.50", "\\u202E", "\\uD800", "\"", "Prod =cmd")
        .contains(priced ? "1500,USD" : "'=HYPERLINK(1)")
        .hasLineCount(
            layout == CsvLayout.FINDINGS ? 1 + findings(resources) : 1 + resources.size());
  }

  @Test
  void theFindingsLayoutDecodesNoRecordAndTheResourcesLayoutDecodesEach() throws IOException {
    for (CsvLayout layout : CsvLayout.values()) {
      CsvReportSink csv = begin(new StringWriter(), layout, true);
      for (CheckedResource checked : hostileResources()) {
        SpooledResource spooled = spooledAmidOtherBytes(checked);
        csv.resource(spooled);
        assertThat(spooled.decoded()).as(layout.slug()).isEqualTo(layout == CsvLayout.RESOURCES);
      }
    }
  }

  /** What the report pipeline does for {@code --format json,csv}: no record is decoded at all. */
  @Test
  void jsonAndCsvFindingsWrittenTogetherDecodeNoRecord() throws IOException {
    ReportOptions options =
        new ReportOptions(
            Set.of(ReportFormat.JSON, ReportFormat.CSV),
            Path.of("reports"),
            CsvLayout.FINDINGS,
            Severity.ERROR,
            10,
            false);
    ReportContext context = context(options, true);
    StringWriter csvText = new StringWriter();
    ByteArrayOutputStream jsonBytes = new ByteArrayOutputStream();
    List<ReportSink> sinks =
        List.of(
            ReportFormat.JSON.newSink(new StringWriter(), jsonBytes, null),
            ReportFormat.CSV.newSink(csvText, null, null));
    for (ReportSink sink : sinks) {
      sink.begin(context);
    }
    List<SpooledResource> spooled = new ArrayList<>();
    ParallelSinks parallel = new ParallelSinks(sinks);
    for (int round = 0; round < 100; round++) {
      for (CheckedResource checked : hostileResources()) {
        SpooledResource record = spooledAmidOtherBytes(checked);
        spooled.add(record);
        parallel.resource(record);
      }
    }
    parallel.end();

    assertThat(spooled)
        .hasSize(100 * hostileResources().size())
        .noneMatch(SpooledResource::decoded);
    assertThat(csvText.toString()).hasLineCount(1 + 100 * findings(hostileResources()));
    assertThat(jsonBytes.size()).isPositive();
  }

  private static int findings(List<CheckedResource> resources) {
    return resources.stream().mapToInt(checked -> checked.findings().size()).sum();
  }

  /**
   * The resource's record as the spool holds it, inside a larger array, so that a reader that
   * ignores the record's start or reads past its end shows.
   */
  private static SpooledResource spooledAmidOtherBytes(CheckedResource checked) {
    byte[] record = ResourceCodec.encode(checked);
    byte[] chunk = new byte[record.length + 64];
    java.util.Arrays.fill(chunk, (byte) 0x7F);
    System.arraycopy(record, 0, chunk, 23, record.length);
    return new SpooledResource(chunk, 23, record.length);
  }

  private static CsvReportSink begin(StringWriter out, CsvLayout layout, boolean priced)
      throws IOException {
    ReportOptions options =
        new ReportOptions(
            Set.of(ReportFormat.CSV), Path.of("reports"), layout, Severity.ERROR, 10, false);
    CsvReportSink sink = new CsvReportSink(out);
    sink.begin(context(options, priced));
    return sink;
  }

  private static ReportContext context(ReportOptions options, boolean priced) {
    TreeMap<String, Account> accounts = new TreeMap<>();
    accounts.put(
        "111122223333", new Account("111122223333", "Prod " + HOSTILE, "", new TreeMap<>()));
    accounts.put("444455556666", new Account("444455556666", "=HYPERLINK(1)", "", new TreeMap<>()));
    return new ReportContext(
        Fixtures.scanInfo(true),
        new SummaryBuilder(Fixtures.dictionary()).snapshot(Set.of()),
        accounts,
        List.of(),
        Fixtures.dictionary(),
        options,
        List.of(),
        List.of(),
        "0.0.0-test",
        List.of(),
        0,
        List.of(),
        priced);
  }

  /**
   * Resources of three accounts and four regions in report order (runs of the same account and
   * region, then a change of one or the other), with hostile text in every string the CSV prints,
   * null and empty cells, waived findings, priced and unpriced, unjudged and without findings.
   */
  private static List<CheckedResource> hostileResources() {
    List<Finding> findings = new ArrayList<>();
    int i = 0;
    for (RuleId rule : RuleId.values()) {
      String first = FIRSTS.get(i % FIRSTS.size());
      findings.add(
          new Finding(
              rule,
              Severity.values()[i % 3],
              i % 3 == 0 ? null : first + HOSTILE,
              i % 2 == 0 ? null : first,
              i % 4 == 0 ? null : "one of: a, b",
              i % 5 == 0 ? null : "fix " + HOSTILE,
              first + " message " + i));
      i++;
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(Fixtures.OWNER, "=1+2");
    tags.put(Fixtures.ENVIRONMENT, HOSTILE);
    tags.put(Fixtures.NAME, "-1.50");
    tags.put(Fixtures.CLASSIFICATION, "@x");
    tags.put(HOSTILE, HOSTILE);
    tags.put("café", "日本 \ud800");
    Finding error =
        new Finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, "k", null, null, null, "@x");
    Finding warning =
        new Finding(RuleId.UNDECLARED_KEY, Severity.WARNING, "k", "-1.50", null, null, "\tw");
    List<Suppressed> waived =
        List.of(
            new Suppressed(warning, "reason " + HOSTILE, "ex-1"),
            new Suppressed(error, "why", ""),
            new Suppressed(error, "why", null));

    List<CheckedResource> resources = new ArrayList<>();
    String[][] places = {
      {"111122223333", "eu-west-1"},
      {"111122223333", "eu-west-1"},
      {"111122223333", "us-east-1"},
      {"444455556666", "us-east-1"},
      {"444455556666", "us-east-1"},
      {"777788889999", "us-east-1"},
      {"777788889999", "ap-southeast-2" + HOSTILE},
      {"", ""}
    };
    int n = 0;
    for (String[] place : places) {
      for (Source source : Source.values()) {
        String arn = "arn:aws:s3:::" + n + "-" + source.slug() + (n % 2 == 0 ? HOSTILE : "");
        Resource resource =
            Resource.of(
                arn, place[0], place[1], n % 3 == 0 ? "=s3:bucket" : "s3:bucket", source, tags);
        Cost cost =
            switch (n % 4) {
              case 0 -> new Cost(new BigDecimal("1.50E+3"), "USD");
              case 1 -> new Cost(new BigDecimal("-1.50"), "EUR" + HOSTILE);
              default -> null;
            };
        List<Finding> some = n % 5 == 4 ? List.of() : findings.subList(0, 1 + n % findings.size());
        resources.add(
            new CheckedResource(resource, some, true, n % 2 == 0 ? waived : List.of(), cost));
        n++;
      }
    }
    Resource plain =
        Resource.of(
            "arn:aws:sqs:eu-west-1:444455556666:q",
            "444455556666",
            "eu-west-1",
            "sqs:queue",
            Source.TAGGING_API,
            Map.of("k", "v"));
    resources.add(CheckedResource.unjudged(plain));
    resources.add(
        new CheckedResource(plain, List.of(), true, waived, new Cost(BigDecimal.ONE, "X")));
    resources.add(new CheckedResource(plain, List.of(error, warning), true, waived, null));
    return resources;
  }
}
