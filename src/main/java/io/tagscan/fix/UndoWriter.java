package io.tagscan.fix;

import io.tagscan.model.FixPlan;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.TagChange;
import io.tagscan.model.ToolVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.LongSupplier;

/**
 * The undo plan of a running {@code fix apply}: kept in memory, one entry per resource, and written
 * whole (to a temporary file moved into place, so the file is always a plan {@code fix apply}
 * accepts) after the first change, then at most once a second, once more at the end, and when the
 * run is stopped (Ctrl-C closes it). Rewriting it after every call would cost calls × plan size;
 * this way the writes stay few however many calls there are, at the price of the last second's
 * calls when the process is killed outright.
 *
 * <p>A resource is recorded as where it will stand before the call that changes it is sent, so
 * every write covers the calls in flight too; a call that AWS refused puts the entry back. An undo
 * of a change that never happened is harmless: {@code fix apply} skips a resource whose tags are
 * not those its undo expects.
 */
final class UndoWriter implements AutoCloseable {

  /** The least time between two writes of the undo plan while the apply runs. */
  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final FixPlan plan;
  private final String checksum;
  private final Path file;
  private final Clock clock;
  private final LongSupplier nanos;
  private final Map<String, ResourceFix> entries = new HashMap<>();
  private boolean dirty;
  private boolean written;
  private long lastWrite;
  private boolean closed;
  private String lastChecksum;

  UndoWriter(FixPlan plan, String checksum, Path file, Clock clock, LongSupplier nanos) {
    this.plan = plan;
    this.checksum = checksum;
    this.file = file;
    this.clock = clock;
    this.nanos = nanos;
  }

  /**
   * Records that the resource stands (or, once the call in flight lands, will stand) at {@code at}.
   */
  synchronized void reached(ResourceFix fix, SortedMap<String, String> at) {
    List<TagChange> back =
        ResourceFix.between(
            at, fix.tags(), "undo", "restores the tags read when the plan was made");
    if (back.isEmpty()) {
      dirty |= entries.remove(fix.arn()) != null;
    } else {
      entries.put(
          fix.arn(),
          new ResourceFix(fix.arn(), fix.accountId(), fix.region(), fix.resourceType(), at, back));
      dirty = true;
    }
  }

  /** Writes the undo plan when it changed and the last write is at least a second old. */
  synchronized void maybeWrite() {
    if (dirty && (!written || nanos.getAsLong() - lastWrite >= INTERVAL.toNanos())) {
      write();
    }
  }

  /** Writes the undo plan if it changed since the last write; its checksum, or null if empty. */
  synchronized String finish() {
    if (dirty) {
      write();
    }
    return lastChecksum;
  }

  /** Writes what is known and writes no more: the run is being stopped. */
  @Override
  public synchronized void close() {
    finish();
    closed = true;
  }

  private void write() {
    dirty = false;
    if (closed || (entries.isEmpty() && !written)) {
      return;
    }
    PlanJson.Encoded encoded =
        PlanJson.encode(
            new FixPlan(
                ToolVersion.version(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                plan.dictionaryPath(),
                plan.dictionarySha256(),
                "undo of " + checksum,
                checksum,
                List.copyOf(entries.values()),
                List.of()));
    lastChecksum = entries.isEmpty() ? null : encoded.checksum();
    if (file != null) {
      PlanFilesOut.write("the undo plan", file, encoded.bytes());
    }
    written = true;
    lastWrite = nanos.getAsLong();
  }
}
