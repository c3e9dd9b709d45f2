package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The findings of a saved report ({@code --baseline}), known as {@code tagscan report diff} knows
 * them: by the resource's ARN, the rule and the key, never by their wording. Kept as sorted 64-bit
 * hashes, 8 bytes a finding, so a baseline of millions of findings fits in a few tens of megabytes;
 * two different findings sharing a hash is a chance of about one in ten million for a baseline of
 * three million findings, accepted for bounded memory.
 */
public final class Baseline {

  private final Path file;
  private final long[] hashes;

  private Baseline(Path file, long[] hashes) {
    this.file = file;
    this.hashes = hashes;
  }

  /**
   * Reads the findings of a saved report as a stream.
   *
   * @throws io.tagscan.model.InputException when it cannot be read or is not a tagscan report
   */
  public static Baseline load(Path file) {
    long[] hashes = new long[1024];
    int size = 0;
    try (SavedReport report = SavedReport.open(file)) {
      for (CheckedResource resource = report.next(); resource != null; resource = report.next()) {
        for (Finding finding : resource.findings()) {
          if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
          }
          hashes[size++] = hash(resource.resource().arn(), finding);
        }
      }
    }
    long[] sorted = Arrays.copyOf(hashes, size);
    Arrays.sort(sorted);
    return new Baseline(file, sorted);
  }

  /** The saved report the baseline was read from. */
  public Path file() {
    return file;
  }

  /** True when the baseline holds this finding of the resource named by {@code arn}. */
  public boolean covers(String arn, Finding finding) {
    return Arrays.binarySearch(hashes, hash(arn, finding)) >= 0;
  }

  /** FNV-1a over the ARN, the rule and the key, each ended by a NUL (a missing key by a 1). */
  static long hash(String arn, Finding finding) {
    long hash = 0xcbf29ce484222325L;
    hash = mix(hash, arn);
    hash = mix(hash, finding.rule().slug());
    if (finding.key() == null) {
      hash = (hash ^ 1) * 0x100000001b3L;
    } else {
      hash = mix(hash, finding.key());
    }
    return hash;
  }

  private static long mix(long hash, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      hash = (hash ^ (c & 0xFF)) * 0x100000001b3L;
      hash = (hash ^ (c >>> 8)) * 0x100000001b3L;
    }
    return (hash ^ 0) * 0x100000001b3L;
  }
}
