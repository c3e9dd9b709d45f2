package io.tagscan.inventory;

import static io.tagscan.inventory.InputPlace.quote;

import io.tagscan.model.Resource;

/**
 * Resources read but not yet passed on, checked against every ARN read before a batch at a time
 * (which costs a fraction of one probe per resource); a resource listed again is counted, and the
 * first such of each file is remembered with its place, for the note that says so.
 */
final class ResourceBatch {

  private static final int SIZE = 256;

  private final InputPlace place;
  private final ScanListener listener;

  /**
   * The ARNs read so far, as 64-bit hashes: a few megabytes for a million resources, and a probe a
   * resource, so even one file is checked for resources listed twice.
   */
  private final ArnSet seen = new ArnSet();

  private final Resource[] pending = new Resource[SIZE];
  private final long[] hashes = new long[SIZE];
  private final int[] lines = new int[SIZE];
  private final int[] columns = new int[SIZE];
  private final boolean[] isNew = new boolean[SIZE];
  private int count;

  private int repeated;
  private String firstRepeated;
  private int firstLine;
  private int firstColumn;

  ResourceBatch(InputPlace place, ScanListener listener) {
    this.place = place;
    this.listener = listener;
  }

  /** Takes a resource read at this line and column; passes the batch on when it is full. */
  void add(Resource resource, int line, int column) {
    pending[count] = resource;
    hashes[count] = ArnSet.hash(resource.arn());
    lines[count] = line;
    columns[count] = column;
    if (++count == SIZE) {
      passOn();
    }
  }

  /**
   * Passes on the pending resources whose ARN is new, in the order they were read; nothing once the
   * input has a problem, since the caller then discards what it built.
   */
  void passOn() {
    seen.addAll(hashes, count, isNew);
    for (int i = 0; i < count; i++) {
      Resource resource = pending[i];
      pending[i] = null;
      if (!place.clean()) {
        continue;
      }
      if (isNew[i]) {
        listener.resource(resource);
      } else if (repeated++ == 0) {
        firstRepeated = resource.arn();
        firstLine = lines[i];
        firstColumn = columns[i];
      }
    }
    count = 0;
  }

  /**
   * The note on the resources of the file just read that were listed before, or null when there
   * were none; the count starts again for the next file.
   */
  String repeatedNote() {
    if (repeated == 0) {
      return null;
    }
    String note =
        String.format(
            "%s: %,d %s listed more than once, and counted once; the first at line %d, column %d:"
                + " %s",
            place.fileName(),
            repeated,
            repeated == 1 ? "resource is" : "resources are",
            firstLine,
            firstColumn,
            quote(firstRepeated));
    repeated = 0;
    return note;
  }
}
