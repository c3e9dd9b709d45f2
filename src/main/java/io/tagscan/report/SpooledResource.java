package io.tagscan.report;

import io.tagscan.model.CheckedResource;

/**
 * A checked resource as the spool holds it, its {@link ResourceCodec} record: the JSON report and
 * the CSV report's findings rows are written straight from the record's UTF-8 bytes ({@link
 * JsonRecordWriter}, {@link CsvRecordRows}), and the formats that need the resource itself decode
 * it through {@link #checked}, once, on their own thread. With JSON and CSV findings alone, nothing
 * is decoded at all.
 *
 * <p>The record's bytes are never changed once sorted, so a resource may be read from any thread.
 */
final class SpooledResource {

  private final byte[] bytes;
  private final int start;
  private final int length;
  // Decoded on first use. A race between two formats' threads at worst decodes twice; the record
  // it yields is immutable, so either copy is safe to share.
  private CheckedResource checked;

  SpooledResource(byte[] bytes, int start, int length) {
    this.bytes = bytes;
    this.start = start;
    this.length = length;
  }

  /** The record of {@code checked}, for a resource that was never spooled. */
  static SpooledResource of(CheckedResource checked) {
    byte[] record = ResourceCodec.encode(checked);
    SpooledResource spooled = new SpooledResource(record, 0, record.length);
    spooled.checked = checked;
    return spooled;
  }

  /** The array the record is in; the record is {@link #length} bytes from {@link #start}. */
  byte[] bytes() {
    return bytes;
  }

  int start() {
    return start;
  }

  int length() {
    return length;
  }

  /** True once {@link #checked} has decoded the record (or the resource came decoded). */
  boolean decoded() {
    return checked != null;
  }

  /** The resource itself, decoded from the record the first time it is asked for. */
  CheckedResource checked() {
    CheckedResource decoded = checked;
    if (decoded == null) {
      decoded = ResourceCodec.decode(bytes, start, length);
      checked = decoded;
    }
    return decoded;
  }
}
