package io.tagscan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.tagscan.model.Cost;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes one resource of the JSON report straight from its spool record ({@link ResourceCodec}),
 * without decoding it into a resource first.
 *
 * <p>An ASCII string goes out from the record's UTF-8 bytes: plain text (no character to escape,
 * nearly every string) copied between quotes by Jackson's {@code writeRawUTF8String}, other ASCII
 * through {@code writeUTF8String}, which escapes by the same ASCII table as {@code writeString}
 * (the report's {@link JsonReportSink.InvisibleCharacterEscapes}: JSON's own escapes, and DEL), so
 * the bytes are those of the string path. A string holding anything else is decoded and written as
 * a string, so the escapes of invisible non-ASCII characters and of unpaired surrogates still
 * apply. Tag keys, a small vocabulary repeated on nearly every resource, are looked up by their
 * bytes among the keys already written, each kept quoted and encoded.
 */
final class JsonRecordWriter {

  private static final Source[] SOURCES = Source.values();
  private static final RuleId[] RULES = RuleId.values();
  private static final Severity[] SEVERITIES = Severity.values();

  /** Keys beyond this many distinct ones are written as strings, so memory stays bounded. */
  private static final int MAX_NAMES = 4096;

  private static final SerializedString TAGS = new SerializedString("tags");

  private final JsonGenerator json;
  private final Function<String, String> accountNames;
  private final Map<Name, Name> names = new HashMap<>();
  private final Name probe = new Name();
  // The key each of the first tags of the resource before had, by place: see name().
  private final Name[] lastKeys = new Name[64];
  // The account of the resource before, and its name: resources come sorted by account.
  private byte[] lastAccount;
  private String lastAccountName;

  /** A writer on {@code json}, naming each account by {@code accountNames} (empty for none). */
  JsonRecordWriter(JsonGenerator json, Function<String, String> accountNames) {
    this.json = json;
    this.accountNames = accountNames;
  }

  /** Writes the resource whose record is {@code length} bytes at {@code start}. */
  void write(byte[] bytes, int start, int length) throws IOException {
    int end = start + length;
    int keyEnd = start + ResourceCodec.KEY_START + ResourceCodec.keyLength(bytes, start);
    ResourceCodec.Input in = new ResourceCodec.Input(bytes);
    in.position = keyEnd;
    int accountStart = start + ResourceCodec.KEY_START;
    int accountLength = in.readInt();
    int regionStart = accountStart + accountLength + 1;
    int regionLength = in.readInt();
    int arnStart = regionStart + regionLength + 1;

    // The flags byte, after the resource type and the source, says which of these are plain.
    int typeAt = in.position;
    in.skipString();
    int keyFlags = bytes[in.position + 1];
    in.position = typeAt;

    json.writeStartObject();
    json.writeFieldName(JsonNames.ARN);
    text(in, arnStart, keyEnd - 1 - arnStart, (keyFlags & ResourceCodec.ARN_PLAIN) != 0);
    json.writeFieldName(JsonNames.ACCOUNT_ID);
    text(in, accountStart, accountLength, (keyFlags & ResourceCodec.ACCOUNT_PLAIN) != 0);
    String accountName = accountName(in, accountStart, accountLength);
    if (accountName != null && !accountName.isEmpty()) {
      json.writeFieldName(JsonNames.ACCOUNT_NAME);
      json.writeString(accountName);
    }
    json.writeFieldName(JsonNames.REGION);
    text(in, regionStart, regionLength, (keyFlags & ResourceCodec.REGION_PLAIN) != 0);
    json.writeFieldName(JsonNames.RESOURCE_TYPE);
    string(in);
    json.writeFieldName(JsonNames.SOURCE);
    json.writeString(JsonNames.SOURCES.get(SOURCES[in.readByte()]));
    int flags = in.readByte();
    json.writeFieldName(TAGS);
    json.writeStartObject();
    int tagCount = in.readInt();
    for (int tag = 0; tag < tagCount; tag++) {
      name(in, tag);
      string(in);
    }
    json.writeEndObject();

    // The verdict, the waived count and the cost come before the findings in the report but
    // after them in the record: a first pass steps over the findings to find them.
    int findingsAt = in.position;
    boolean compliant = true;
    for (int findings = in.readInt(); findings > 0; findings--) {
      compliant &= SEVERITIES[skipFinding(in)] != Severity.ERROR;
    }
    int suppressedAt = in.position;
    int suppressed = in.readInt();
    for (int i = 0; i < suppressed; i++) {
      skipFinding(in);
      in.skipString();
      in.skipString();
    }
    Cost cost =
        (flags & ResourceCodec.PRICED) == 0
            ? null
            : new Cost(new BigDecimal(in.string()), in.string());
    if (in.position != end) {
      throw new IllegalStateException(
          "corrupt spill record: " + (end - in.position) + " bytes left over");
    }

    if ((flags & ResourceCodec.TAGS_KNOWN) != 0) {
      json.writeFieldName(JsonNames.COMPLIANT);
      json.writeBoolean(compliant);
    } else {
      json.writeBooleanField("tagsKnown", false);
      json.writeNullField("compliant");
    }
    if (cost != null) {
      json.writeObjectFieldStart("cost");
      json.writeStringField("amount", cost.amountText());
      json.writeStringField("currency", cost.currency());
      json.writeEndObject();
    }
    if (suppressed > 0) {
      json.writeNumberField("waived", suppressed);
    }
    in.position = findingsAt;
    json.writeFieldName(JsonNames.FINDINGS);
    json.writeStartArray();
    for (int findings = in.readInt(); findings > 0; findings--) {
      json.writeStartObject();
      finding(in);
      json.writeEndObject();
    }
    json.writeEndArray();
    in.position = suppressedAt + 4;
    if (suppressed > 0) {
      json.writeArrayFieldStart("suppressed");
      for (int i = 0; i < suppressed; i++) {
        json.writeStartObject();
        finding(in);
        json.writeFieldName("reason");
        string(in);
        int exemption = in.position;
        if (in.skipString() > 0) {
          in.position = exemption;
          json.writeFieldName("exemption");
          string(in);
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** Steps over a finding, returning its severity's ordinal. */
  private static int skipFinding(ResourceCodec.Input in) {
    in.readByte();
    int severity = in.readByte();
    for (int i = 0; i < 5; i++) {
      in.skipString();
    }
    return severity;
  }

  private void finding(ResourceCodec.Input in) throws IOException {
    json.writeFieldName(JsonNames.RULE);
    json.writeString(JsonNames.RULES.get(RULES[in.readByte()]));
    json.writeFieldName(JsonNames.SEVERITY);
    json.writeString(JsonNames.SEVERITIES.get(SEVERITIES[in.readByte()]));
    stringIfNotNull(in, JsonNames.KEY);
    stringIfNotNull(in, JsonNames.VALUE);
    stringIfNotNull(in, JsonNames.EXPECTED);
    stringIfNotNull(in, JsonNames.FIX);
    json.writeFieldName(JsonNames.MESSAGE);
    string(in);
  }

  private void stringIfNotNull(ResourceCodec.Input in, SerializedString field) throws IOException {
    int at = in.position;
    if (in.readInt() >= 0) {
      in.position = at;
      json.writeFieldName(field);
      string(in);
    }
  }

  /** Writes the length-prefixed string at the reader's position as a value, null for length -1. */
  private void string(ResourceCodec.Input in) throws IOException {
    int length = in.readLength();
    if (length < 0) {
      json.writeNull();
      return;
    }
    text(in, in.position, length, in.plain);
    in.position += length;
  }

  /**
   * Writes the {@code length} bytes of text at {@code start} as a string value: plain text (nearly
   * every string) as its bytes between quotes, other ASCII escaped by Jackson from its bytes.
   */
  private void text(ResourceCodec.Input in, int start, int length, boolean plain)
      throws IOException {
    byte[] bytes = in.buffer();
    if (plain) {
      json.writeRawUTF8String(bytes, start, length);
      return;
    }
    switch (kind(bytes, start, length)) {
      case PLAIN -> json.writeRawUTF8String(bytes, start, length);
      case ASCII -> json.writeUTF8String(bytes, start, length);
      default -> json.writeString(in.text(start, length));
    }
  }

  /**
   * Writes the length-prefixed string at the reader's position as the field name of the {@code
   * index}th tag. Resources mostly carry the same keys in the same order, so the key that the tag
   * in this place had last time is tried first, by one comparison of bytes; then every key written
   * so far, by a hash of the length and the first and last eight bytes.
   */
  private void name(ResourceCodec.Input in, int index) throws IOException {
    int length = in.readLength();
    int start = in.position;
    in.position += length;
    byte[] bytes = in.buffer();
    boolean placed = index < lastKeys.length;
    if (placed) {
      Name last = lastKeys[index];
      if (last != null && last.sameAs(bytes, start, length)) {
        json.writeFieldName(last.quoted);
        return;
      }
    }
    Name known = names.get(probe.of(bytes, start, length));
    if (known != null) {
      if (placed) {
        lastKeys[index] = known;
      }
      json.writeFieldName(known.quoted);
      return;
    }
    String name = in.text(start, length);
    if (names.size() < MAX_NAMES && kind(bytes, start, length) == PLAIN) {
      Name key = new Name().of(Arrays.copyOfRange(bytes, start, start + length), 0, length);
      key.quoted = new SerializedString(name);
      names.put(key, key);
      if (placed) {
        lastKeys[index] = key;
      }
      json.writeFieldName(key.quoted);
    } else {
      json.writeFieldName(name);
    }
  }

  private String accountName(ResourceCodec.Input in, int start, int length) {
    byte[] bytes = in.buffer();
    if (lastAccount == null
        || !Arrays.equals(lastAccount, 0, lastAccount.length, bytes, start, start + length)) {
      lastAccount = Arrays.copyOfRange(bytes, start, start + length);
      lastAccountName = accountNames.apply(in.text(start, length));
    }
    return lastAccountName;
  }

  /** Printable ASCII without a quote or a backslash, which JSON writes as it is. */
  static final int PLAIN = 0;

  /**
   * ASCII with a character JSON or the report escapes: a control character, DEL, quote, backslash.
   */
  static final int ASCII = 1;

  /** Anything else: a non-ASCII character, written from its decoded text. */
  static final int OTHER = 2;

  /**
   * Which of {@link #PLAIN}, {@link #ASCII} or {@link #OTHER} the text is, eight bytes at a time
   * ({@link ByteWords#escaped}), which never misses such a byte.
   */
  static int kind(byte[] bytes, int start, int length) {
    int at = start;
    int end = start + length;
    long high = 0;
    long special = 0;
    for (; at + 8 <= end; at += 8) {
      long word = (long) ByteWords.LONGS.get(bytes, at);
      high |= word;
      special |= ByteWords.escaped(word);
    }
    for (; at < end; at++) {
      byte b = bytes[at];
      high |= b;
      if (ByteWords.escaped(b)) {
        special |= ByteWords.HIGH_BITS;
      }
    }
    if ((high & ByteWords.HIGH_BITS) != 0) {
      return OTHER;
    }
    return (special & ByteWords.HIGH_BITS) != 0 ? ASCII : PLAIN;
  }

  /**
   * Bytes of a tag key, as a map key: compared by content, hashed by its length and its first and
   * last eight bytes (keys are short and differ mostly at their ends), so a lookup costs the same
   * whatever the key's length. A key kept in the map carries its quoted form.
   */
  private static final class Name {
    private byte[] bytes;
    private int start;
    private int length;
    private int hash;
    SerializedString quoted;

    Name of(byte[] text, int from, int count) {
      bytes = text;
      start = from;
      length = count;
      long h = count;
      if (count >= 8) {
        h = h * 31 + (long) ByteWords.LONGS.get(text, from);
        h = h * 31 + (long) ByteWords.LONGS.get(text, from + count - 8);
      } else {
        for (int i = from; i < from + count; i++) {
          h = 31 * h + text[i];
        }
      }
      hash = (int) (h ^ (h >>> 32));
      return this;
    }

    boolean sameAs(byte[] text, int from, int count) {
      return count == length
          && Arrays.equals(bytes, start, start + length, text, from, from + count);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Name name && name.sameAs(bytes, start, length);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
