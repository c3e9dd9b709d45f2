package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.SortedTags;
import io.tagscan.model.Source;
import io.tagscan.model.Suppressed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of a checked resource in the spill runs; it round-trips every resource
 * exactly.
 *
 * <p>Strings are a 4-byte length then UTF-8 bytes (length -1 for null), so no string is capped at
 * 64 KB as with {@code writeUTF}. An unpaired surrogate, which standard UTF-8 cannot carry, is
 * written as its own three-byte sequence (as WTF-8 does) so even such a string comes back
 * unchanged. The account id, region and ARN come first, so the sort key can be read alone.
 */
final class ResourceCodec {

  private static final Source[] SOURCES = Source.values();
  private static final RuleId[] RULES = RuleId.values();
  private static final Severity[] SEVERITIES = Severity.values();

  private ResourceCodec() {}

  /** The sort key at the head of every encoded resource. */
  record Key(String accountId, String region, String arn) {}

  @SuppressWarnings("EnumOrdinal") // the spool lives within one run, so ordinals are a stable code
  static byte[] encode(CheckedResource checked) {
    Resource resource = checked.resource();
    Output out = new Output(128 + 64 * resource.tags().size() + 160 * checked.findings().size());
    out.string(resource.accountId());
    out.string(resource.region());
    out.string(resource.arn());
    out.string(resource.resourceType());
    out.writeByte(resource.source().ordinal());
    out.writeByte(checked.tagsKnown() ? 1 : 0);
    out.writeInt(resource.tags().size());
    for (Map.Entry<String, String> tag : resource.tags().entrySet()) {
      out.string(tag.getKey());
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
    return out.toByteArray();
  }

  @SuppressWarnings("EnumOrdinal") // the spool lives within one run, so ordinals are a stable code
  private static void finding(Output out, Finding finding) {
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

  static Key decodeKey(byte[] bytes) {
    Input in = new Input(bytes);
    return new Key(in.string(), in.string(), in.string());
  }

  static CheckedResource decode(byte[] bytes) {
    Input in = new Input(bytes);
    String accountId = in.string();
    String region = in.string();
    String arn = in.string();
    String resourceType = in.string();
    Source source = SOURCES[in.readByte()];
    boolean tagsKnown = in.readByte() == 1;
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
    if (in.position != bytes.length) {
      throw new IllegalStateException(
          "corrupt spill record: " + (bytes.length - in.position) + " bytes left over");
    }
    return new CheckedResource(
        new Resource(arn, accountId, region, resourceType, source, tags.build()),
        findings,
        tagsKnown,
        waived);
  }

  /** A growable byte buffer; cheaper than a DataOutputStream per resource. */
  private static final class Output {
    private byte[] buffer;
    private int size;

    Output(int capacity) {
      buffer = new byte[capacity];
    }

    private void ensure(int extra) {
      if (size + extra > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
      }
    }

    void writeByte(int value) {
      ensure(1);
      buffer[size++] = (byte) value;
    }

    void writeInt(int value) {
      ensure(4);
      buffer[size++] = (byte) (value >>> 24);
      buffer[size++] = (byte) (value >>> 16);
      buffer[size++] = (byte) (value >>> 8);
      buffer[size++] = (byte) value;
    }

    void string(String text) {
      if (text == null) {
        writeInt(-1);
        return;
      }
      int lengthAt = size;
      writeInt(0);
      ensure(text.length() * 3);
      int start = size;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x80) {
          buffer[size++] = (byte) c;
        } else if (c < 0x800) {
          buffer[size++] = (byte) (0xC0 | (c >> 6));
          buffer[size++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          int codePoint = Character.toCodePoint(c, text.charAt(++i));
          buffer[size++] = (byte) (0xF0 | (codePoint >> 18));
          buffer[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
          buffer[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
          buffer[size++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
          buffer[size++] = (byte) (0xE0 | (c >> 12));
          buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buffer[size++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      int length = size - start;
      buffer[lengthAt] = (byte) (length >>> 24);
      buffer[lengthAt + 1] = (byte) (length >>> 16);
      buffer[lengthAt + 2] = (byte) (length >>> 8);
      buffer[lengthAt + 3] = (byte) length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buffer, size);
    }
  }

  /** Reads what {@link Output} wrote. */
  private static final class Input {
    private final byte[] buffer;
    private int position;

    Input(byte[] buffer) {
      this.buffer = buffer;
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

    String string() {
      int length = readInt();
      if (length < 0) {
        return null;
      }
      int end = position + length;
      char[] chars = new char[length];
      int count = 0;
      while (position < end) {
        int b = buffer[position++] & 0xFF;
        if (b < 0x80) {
          chars[count++] = (char) b;
        } else if (b < 0xE0) {
          chars[count++] = (char) (((b & 0x1F) << 6) | (buffer[position++] & 0x3F));
        } else if (b < 0xF0) {
          chars[count++] =
              (char)
                  (((b & 0x0F) << 12)
                      | ((buffer[position++] & 0x3F) << 6)
                      | (buffer[position++] & 0x3F));
        } else {
          int codePoint =
              ((b & 0x07) << 18)
                  | ((buffer[position++] & 0x3F) << 12)
                  | ((buffer[position++] & 0x3F) << 6)
                  | (buffer[position++] & 0x3F);
          chars[count++] = Character.highSurrogate(codePoint);
          chars[count++] = Character.lowSurrogate(codePoint);
        }
      }
      return new String(chars, 0, count);
    }
  }
}
