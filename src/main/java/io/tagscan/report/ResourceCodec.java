package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Cost;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.SortedTags;
import io.tagscan.model.Source;
import io.tagscan.model.Suppressed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of a checked resource in the spill runs; it round-trips every resource
 * exactly.
 *
 * <p>A record starts with its sort key, so that the spool orders records by comparing bytes without
 * decoding them: a 4-byte key length, then the account id, region and ARN, each followed by a NUL
 * byte (so that a shorter name sorts before a longer one it begins), then the lengths of the
 * account id and region, so they are read back exactly whatever they hold. Every other string is a
 * 4-byte length then its bytes (length -1 for null), so no string is capped at 64 KB as with {@code
 * writeUTF}. Text is UTF-8, except that an unpaired surrogate, which standard UTF-8 cannot carry,
 * is written as its own three-byte sequence (as WTF-8 does) so even such a string comes back
 * unchanged. A flags byte says whether the tags were known and whether a cost, two strings (amount
 * and currency), ends the record, so a resource without one costs no extra byte.
 */
final class ResourceCodec {

  private static final Source[] SOURCES = Source.values();
  private static final RuleId[] RULES = RuleId.values();
  private static final Severity[] SEVERITIES = Severity.values();

  /** Bits of the flags byte after the source. */
  static final int TAGS_KNOWN = 1;

  static final int PRICED = 2;

  /** Bits of the flags byte: the account id, region or ARN is plain text ({@link #PLAIN}). */
  static final int ACCOUNT_PLAIN = 4;

  static final int REGION_PLAIN = 8;

  static final int ARN_PLAIN = 16;

  /**
   * The bit of a string's length word set when the string is plain text: printable ASCII without a
   * quote or a backslash, which the JSON and CSV reports copy as it is. It is found while the
   * string is encoded, in the same pass, so the reports need not look again. Never set means only
   * that the report looks for itself.
   */
  static final int PLAIN = 1 << 30;

  private ResourceCodec() {}

  /** Where the sort key of a record begins: after its own 4-byte length. */
  static final int KEY_START = 4;

  /** The length of the sort key at the head of an encoded resource. */
  static int keyLength(byte[] record) {
    return keyLength(record, 0);
  }

  /** The length of the sort key of the record at {@code start}. */
  static int keyLength(byte[] bytes, int start) {
    return ((bytes[start] & 0xFF) << 24)
        | ((bytes[start + 1] & 0xFF) << 16)
        | ((bytes[start + 2] & 0xFF) << 8)
        | (bytes[start + 3] & 0xFF);
  }

  @SuppressWarnings("EnumOrdinal") // the spool lives within one run, so ordinals are a stable code
  static byte[] encode(CheckedResource checked) {
    Resource resource = checked.resource();
    RecordOutput out =
        new RecordOutput(128 + 64 * resource.tags().size() + 160 * checked.findings().size());
    out.writeInt(0);
    int account = out.text(resource.accountId());
    int plainKeys = out.plain ? ACCOUNT_PLAIN : 0;
    out.writeByte(0);
    int region = out.text(resource.region());
    plainKeys |= out.plain ? REGION_PLAIN : 0;
    out.writeByte(0);
    out.text(resource.arn());
    plainKeys |= out.plain ? ARN_PLAIN : 0;
    out.writeByte(0);
    out.putInt(0, out.size() - KEY_START);
    out.writeInt(account);
    out.writeInt(region);
    out.string(resource.resourceType());
    out.writeByte(resource.source().ordinal());
    Cost cost = checked.cost();
    out.writeByte((checked.tagsKnown() ? TAGS_KNOWN : 0) | (cost == null ? 0 : PRICED) | plainKeys);
    out.writeInt(resource.tags().size());
    RecordOutput.KeyMemory keys = RecordOutput.keyMemory();
    for (Map.Entry<String, String> tag : resource.tags().entrySet()) {
      out.key(tag.getKey(), keys);
      out.string(tag.getValue());
    }
    out.writeInt(checked.findings().size());
    for (Finding finding : checked.findings()) {
      finding(out, finding);
    }
    out.writeInt(checked.suppressed().size());
    for (Suppressed waived : checked.suppressed()) {
      finding(out, waived.finding());
      out.string(waived.reason());
      out.string(waived.exemption());
    }
    if (cost != null) {
      // BigDecimal's own text keeps the scale, so the amount comes back equal, digits and all.
      out.string(cost.amount().toString());
      out.string(cost.currency());
    }
    return out.toByteArray();
  }

  @SuppressWarnings("EnumOrdinal") // the spool lives within one run, so ordinals are a stable code
  private static void finding(RecordOutput out, Finding finding) {
    out.writeByte(finding.rule().ordinal());
    out.writeByte(finding.severity().ordinal());
    out.string(finding.key());
    out.string(finding.value());
    out.string(finding.expected());
    out.string(finding.fix());
    out.string(finding.message());
  }

  private static Finding finding(Input in) {
    RuleId rule = RULES[in.readByte()];
    Severity severity = SEVERITIES[in.readByte()];
    return new Finding(
        rule, severity, in.string(), in.string(), in.string(), in.string(), in.string());
  }

  static CheckedResource decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes the record of {@code length} bytes at {@code start}. */
  static CheckedResource decode(byte[] bytes, int start, int length) {
    int end = start + length;
    int keyEnd = start + KEY_START + keyLength(bytes, start);
    Input in = new Input(bytes);
    in.position = keyEnd;
    int accountLength = in.readInt();
    int regionLength = in.readInt();
    int regionStart = start + KEY_START + accountLength + 1;
    int arnStart = regionStart + regionLength + 1;
    String accountId = in.text(start + KEY_START, accountLength);
    String region = in.text(regionStart, regionLength);
    String arn = in.text(arnStart, keyEnd - 1 - arnStart);
    String resourceType = in.string();
    Source source = SOURCES[in.readByte()];
    int flags = in.readByte();
    boolean tagsKnown = (flags & TAGS_KNOWN) != 0;
    int tagCount = in.readInt();
    SortedTags.Builder tags = SortedTags.builder(tagCount);
    for (int i = 0; i < tagCount; i++) {
      tags.put(in.string(), in.string());
    }
    int findingCount = in.readInt();
    List<Finding> findings = new ArrayList<>(findingCount);
    for (int i = 0; i < findingCount; i++) {
      findings.add(finding(in));
    }
    int waivedCount = in.readInt();
    List<Suppressed> waived = new ArrayList<>(waivedCount);
    for (int i = 0; i < waivedCount; i++) {
      waived.add(new Suppressed(finding(in), in.string(), in.string()));
    }
    Cost cost = (flags & PRICED) == 0 ? null : new Cost(new BigDecimal(in.string()), in.string());
    if (in.position != end) {
      throw new IllegalStateException(
          "corrupt spill record: " + (end - in.position) + " bytes left over");
    }
    return new CheckedResource(
        new Resource(arn, accountId, region, resourceType, source, tags.build()),
        findings,
        tagsKnown,
        waived,
        cost);
  }

  /** Reads what {@link RecordOutput} wrote. */
  static final class Input {
    private final byte[] buffer;
    int position;
    // Whether the string whose length readLength() read last is plain text: see PLAIN.
    boolean plain;

    Input(byte[] buffer) {
      this.buffer = buffer;
    }

    /** The whole array the records are read from. */
    byte[] buffer() {
      return buffer;
    }

    int readByte() {
      return buffer[position++] & 0xFF;
    }

    int readInt() {
      int value =
          ((buffer[position] & 0xFF) << 24)
              | ((buffer[position + 1] & 0xFF) << 16)
              | ((buffer[position + 2] & 0xFF) << 8)
              | (buffer[position + 3] & 0xFF);
      position += 4;
      return value;
    }

    /**
     * Reads a string's length word: its length in bytes, -1 for null; {@link #plain} then says
     * whether it was found to be plain text.
     */
    int readLength() {
      int word = readInt();
      if (word < 0) {
        plain = false;
        return -1;
      }
      plain = (word & PLAIN) != 0;
      return word & ~PLAIN;
    }

    /** Steps over a string, returning its length (-1 for null). */
    int skipString() {
      int length = readLength();
      if (length > 0) {
        position += length;
      }
      return length;
    }

    String string() {
      int length = readLength();
      if (length < 0) {
        return null;
      }
      String text = text(position, length);
      position += length;
      return text;
    }

    /** The text of {@code length} bytes at {@code start}. */
    String text(int start, int length) {
      int end = start + length;
      int at = start;
      while (at < end && buffer[at] >= 0) {
        at++;
      }
      if (at == end) {
        // ASCII, nearly every string: one copy into a compact string, nothing to decode.
        return new String(buffer, start, length, StandardCharsets.ISO_8859_1);
      }
      char[] chars = new char[length];
      int count = 0;
      for (int i = start; i < at; i++) {
        chars[count++] = (char) buffer[i];
      }
      for (int i = at; i < end; ) {
        int b = buffer[i++] & 0xFF;
        if (b < 0x80) {
          chars[count++] = (char) b;
        } else if (b < 0xE0) {
          chars[count++] = (char) (((b & 0x1F) << 6) | (buffer[i++] & 0x3F));
        } else if (b < 0xF0) {
          chars[count++] =
              (char) (((b & 0x0F) << 12) | ((buffer[i++] & 0x3F) << 6) | (buffer[i++] & 0x3F));
        } else {
          int codePoint =
              ((b & 0x07) << 18)
                  | ((buffer[i++] & 0x3F) << 12)
                  | ((buffer[i++] & 0x3F) << 6)
                  | (buffer[i++] & 0x3F);
          chars[count++] = Character.highSurrogate(codePoint);
          chars[count++] = Character.lowSurrogate(codePoint);
        }
      }
      return new String(chars, 0, count);
    }
  }
}
