package io.tagscan.report;

import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Cost;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV report (RFC 4180, UTF-8, CRLF rows, a header row always): one row per finding, or with
 * {@link CsvLayout#RESOURCES} one row per resource with a column per dictionary key, for pivot
 * tables. Rows are written by {@link CsvRowWriter}, which neutralises every cell against formula
 * injection.
 */
final class CsvReportSink implements ReportSink {

  private static final List<String> FINDING_COLUMNS =
      List.of(
          "accountId",
          "accountName",
          "region",
          "arn",
          "resourceType",
          "rule",
          "severity",
          "key",
          "value",
          "expected",
          "fix",
          "message");

  private static final List<String> RESOURCE_COLUMNS =
      List.of(
          "accountId",
          "accountName",
          "region",
          "arn",
          "resourceType",
          "source",
          "compliant",
          "errors",
          "warnings",
          "infos");

  /** Present only when a billing export priced some resource, so other reports keep their bytes. */
  private static final List<String> COST_COLUMNS = List.of("cost", "currency");

  private final Writer out;
  private CsvRowWriter rows;
  private ReportContext context;
  private boolean byResource;
  private List<String> keys;
  private boolean priced;
  // One finding's cells, reused row after row: the row writer copies them out at once.
  private String[] findingCells;
  private List<String> findingRow;
  private CsvRecordRows records;

  CsvReportSink(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(ReportContext context) throws IOException {
    this.context = context;
    this.byResource = context.options().csvLayout() == CsvLayout.RESOURCES;
    this.keys = context.dictionary().tags().stream().map(TagSpec::key).toList();
    this.rows = new CsvRowWriter(out);
    this.priced = context.priced();
    this.findingCells = new String[FINDING_COLUMNS.size() + (priced ? COST_COLUMNS.size() : 0)];
    this.findingRow = Arrays.asList(findingCells);
    this.records = new CsvRecordRows(this, context::accountName, priced);
    List<String> header = new ArrayList<>(byResource ? RESOURCE_COLUMNS : FINDING_COLUMNS);
    if (priced) {
      header.addAll(COST_COLUMNS);
    }
    if (byResource) {
      header.addAll(keys);
    }
    row(header);
  }

  @Override
  public void resource(CheckedResource checked) throws IOException {
    Resource resource = checked.resource();
    String accountName = context.accountName(resource.accountId());
    if (byResource) {
      int errors = 0;
      int warnings = 0;
      int infos = 0;
      for (Finding finding : checked.findings()) {
        switch (finding.severity()) {
          case ERROR -> errors++;
          case WARNING -> warnings++;
          case INFO -> infos++;
        }
      }
      List<String> cells = new ArrayList<>(RESOURCE_COLUMNS.size() + keys.size());
      cells.add(resource.accountId());
      cells.add(accountName);
      cells.add(resource.region());
      cells.add(resource.arn());
      cells.add(resource.resourceType());
      cells.add(resource.source().slug());
      cells.add(checked.tagsKnown() ? Boolean.toString(checked.compliant()) : "unknown");
      cells.add(Integer.toString(errors));
      cells.add(Integer.toString(warnings));
      cells.add(Integer.toString(infos));
      if (priced) {
        cost(cells, checked);
      }
      for (String key : keys) {
        cells.add(resource.tags().get(key));
      }
      row(cells);
      return;
    }
    Cost cost = checked.cost();
    for (Finding finding : checked.findings()) {
      findingRow(
          RULE_AND_SEVERITY,
          resource.accountId(),
          accountName,
          resource.region(),
          resource.arn(),
          resource.resourceType(),
          finding.rule(),
          finding.severity(),
          finding.key(),
          finding.value(),
          finding.expected(),
          finding.fix(),
          finding.message(),
          cost == null ? "" : cost.amountText(),
          cost == null ? "" : cost.currency());
    }
  }

  /**
   * The findings layout reads the record itself ({@link CsvRecordRows}): a resource without
   * findings, most of them, costs a walk over its lengths, and tags, which this layout never
   * prints, are never decoded. The resources layout prints tags, so it decodes the resource.
   */
  @Override
  public void resource(SpooledResource spooled) throws IOException {
    if (byResource) {
      resource(spooled.checked());
    } else {
      records.write(spooled.bytes(), spooled.start(), spooled.length());
    }
  }

  /** Writes the row of one finding; the cost cells only when some resource was priced. */
  /** The cells of a findings row that hold a rule or a severity slug, as bits by column. */
  static final long RULE_AND_SEVERITY = (1L << 5) | (1L << 6);

  /**
   * Writes one findings row; {@code printable} has a bit set, by column, for each cell known to be
   * printable ASCII.
   */
  void findingRow(
      long printable,
      String accountId,
      String accountName,
      String region,
      String arn,
      String resourceType,
      RuleId rule,
      Severity severity,
      String key,
      String value,
      String expected,
      String fix,
      String message,
      String amount,
      String currency)
      throws IOException {
    String[] cells = findingCells;
    cells[0] = accountId;
    cells[1] = accountName;
    cells[2] = region;
    cells[3] = arn;
    cells[4] = resourceType;
    cells[5] = rule.slug();
    cells[6] = severity.slug();
    cells[7] = key;
    cells[8] = value;
    cells[9] = expected;
    cells[10] = fix;
    cells[11] = message;
    if (priced) {
      cells[12] = amount;
      cells[13] = currency;
    }
    rows.row(findingRow, printable);
  }

  /** The resource's cost cells, empty when the export did not charge it. */
  private static void cost(List<String> cells, CheckedResource checked) {
    cells.add(checked.cost() == null ? "" : checked.cost().amountText());
    cells.add(checked.cost() == null ? "" : checked.cost().currency());
  }

  private void row(List<String> cells) throws IOException {
    rows.row(cells);
  }

  @Override
  public void end() throws IOException {
    rows.flush();
    out.flush();
  }
}
