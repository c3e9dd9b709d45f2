package io.tagscan.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the scan covered and how it went, for the report headers: when it ran, whether it read
 * everything asked, the dictionary it judged against, the sources and regions read, and how many
 * accounts were asked for, read and lost.
 */
public record ScanInfo(
    Instant startedAt,
    Instant finishedAt,
    boolean complete,
    String dictionaryPath,
    String dictionarySha256,
    List<String> sources,
    List<String> regions,
    int accountsRequested,
    int accountsScanned,
    int accountsFailed) {

  public ScanInfo {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    dictionaryPath = Objects.requireNonNullElse(dictionaryPath, "");
    dictionarySha256 = Objects.requireNonNullElse(dictionarySha256, "");
    sources = List.copyOf(sources);
    regions = List.copyOf(regions);
    if (accountsRequested < 0 || accountsScanned < 0 || accountsFailed < 0) {
      throw new IllegalArgumentException("account counts cannot be negative");
    }
  }
}
