package io.tagscan.report;

import io.tagscan.model.Cost;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Writes the findings rows of the CSV report straight from a resource's spool record ({@link
 * ResourceCodec}), without decoding it into a resource first.
 *
 * <p>The findings count comes after the tags in the record, so the tags are stepped over by their
 * lengths; a resource without findings, most of a large scan, writes no row and decodes no string.
 * For the others only what the rows print is decoded: the account id, region, ARN and resource
 * type, each finding's strings, and the cost when the report has cost columns. Tags and waived
 * findings, which this layout never prints, stay bytes. Resources come sorted by account and
 * region, so the account's id, name and region are decoded once for a run of resources sharing
 * them.
 */
final class CsvRecordRows {

  private static final RuleId[] RULES = RuleId.values();
  private static final Severity[] SEVERITIES = Severity.values();

  /** A finding in the record: rule and severity bytes, then key, value, expected, fix, message. */
  private static final int FINDING_STRINGS = 5;

  private final CsvReportSink sink;
  private final Function<String, String> accountNames;
  private final boolean priced;
  private final Recent account = new Recent();
  private final Recent region = new Recent();
  private String accountName;

  /** Rows for {@code sink}, naming accounts by {@code accountNames}, cost cells when priced. */
  CsvRecordRows(CsvReportSink sink, Function<String, String> accountNames, boolean priced) {
    this.sink = sink;
    this.accountNames = accountNames;
    this.priced = priced;
  }

  /** Writes a row per finding of the resource whose record is {@code length} bytes at start. */
  void write(byte[] bytes, int start, int length) throws IOException {
    int keyEnd = start + ResourceCodec.KEY_START + ResourceCodec.keyLength(bytes, start);
    ResourceCodec.Input in = new ResourceCodec.Input(bytes);
    in.position = keyEnd;
    int accountLength = in.readInt();
    int regionLength = in.readInt();
    int typeAt = in.position;
    in.skipString();
    in.readByte(); // the source, which this layout does not print
    int flags = in.readByte();
    for (int tags = in.readInt(); tags > 0; tags--) {
      in.skipString();
      in.skipString();
    }
    int findings = in.readInt();
    if (findings == 0) {
      return;
    }
    int findingsAt = in.position;

    int accountStart = start + ResourceCodec.KEY_START;
    int regionStart = accountStart + accountLength + 1;
    int arnStart = regionStart + regionLength + 1;
    if (account.changes(bytes, accountStart, accountLength)) {
      account.text = in.text(accountStart, accountLength);
      account.plain = (flags & ResourceCodec.ACCOUNT_PLAIN) != 0;
      accountName = accountNames.apply(account.text);
    }
    if (region.changes(bytes, regionStart, regionLength)) {
      region.text = in.text(regionStart, regionLength);
      region.plain = (flags & ResourceCodec.REGION_PLAIN) != 0;
    }
    int arnLength = keyEnd - 1 - arnStart;
    String arn = in.text(arnStart, arnLength);
    in.position = typeAt;
    String resourceType = in.string();
    boolean plainType = in.plain;
    // Which cells are known to be printable ASCII, so the row writer need not look for characters
    // to make visible: see CsvRowWriter#row. The rule and severity are slugs.
    long known =
        CsvReportSink.RULE_AND_SEVERITY
            | (account.plain ? 1L : 0)
            | (region.plain ? 1L << 2 : 0)
            | ((flags & ResourceCodec.ARN_PLAIN) != 0 ? 1L << 3 : 0)
            | (plainType ? 1L << 4 : 0);

    String amount = "";
    String currency = "";
    if (priced && (flags & ResourceCodec.PRICED) != 0) {
      // The cost ends the record, after the findings and the waived ones.
      in.position = findingsAt;
      for (int i = 0; i < findings; i++) {
        skipFinding(in);
      }
      for (int waived = in.readInt(); waived > 0; waived--) {
        skipFinding(in);
        in.skipString();
        in.skipString();
      }
      Cost cost = new Cost(new BigDecimal(in.string()), in.string());
      amount = cost.amountText();
      currency = cost.currency();
    }

    in.position = findingsAt;
    for (int i = 0; i < findings; i++) {
      RuleId rule = RULES[in.readByte()];
      Severity severity = SEVERITIES[in.readByte()];
      long plain = known;
      int at = in.position;
      for (int cell = 7; cell < 7 + FINDING_STRINGS; cell++) {
        int stringLength = in.readLength();
        if (stringLength > 0 && in.plain) {
          plain |= 1L << cell;
        }
        in.position += Math.max(stringLength, 0);
      }
      in.position = at;
      sink.findingRow(
          plain,
          account.text,
          accountName,
          region.text,
          arn,
          resourceType,
          rule,
          severity,
          in.string(),
          in.string(),
          in.string(),
          in.string(),
          in.string(),
          amount,
          currency);
    }
  }

  private static void skipFinding(ResourceCodec.Input in) {
    in.readByte();
    in.readByte();
    for (int i = 0; i < FINDING_STRINGS; i++) {
      in.skipString();
    }
  }

  /** The bytes of the last account id or region seen, and their text. */
  private static final class Recent {
    private byte[] bytes;
    String text;
    boolean plain;

    /** True, remembering the new bytes, when they differ from the last ones. */
    boolean changes(byte[] record, int start, int length) {
      if (bytes != null && Arrays.equals(bytes, 0, bytes.length, record, start, start + length)) {
        return false;
      }
      bytes = Arrays.copyOfRange(record, start, start + length);
      return true;
    }
  }
}
