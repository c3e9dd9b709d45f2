package io.tagscan.report;

import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.SageMakerCoverage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the scan covered and how it went, for the report headers: when it ran, whether it read
 * everything asked, the dictionary it judged against, the sources and regions read, and how many
 * accounts were asked for, read and lost, and per account × region how many SageMaker resources the
 * Tagging API and the SageMaker listing each found; {@code resourceExplorer} is what Resource
 * Explorer gave, null when it was not read; {@code notes} are sentences for the user about what the
 * scan did that are no failure (Resource Explorer left out after its listing failed in {@code auto}
 * mode, account tags that Organizations would not tell).
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
    int accountsFailed,
    List<SageMakerCoverage> sagemaker,
    ExplorerCoverage resourceExplorer,
    List<String> notes) {

  /** Figures for a scan that listed no SageMaker, read no Resource Explorer and has no notes. */
  public ScanInfo(
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
    this(
        startedAt,
        finishedAt,
        complete,
        dictionaryPath,
        dictionarySha256,
        sources,
        regions,
        accountsRequested,
        accountsScanned,
        accountsFailed,
        List.of(),
        null,
        List.of());
  }

  public ScanInfo {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    dictionaryPath = Objects.requireNonNullElse(dictionaryPath, "");
    dictionarySha256 = Objects.requireNonNullElse(dictionarySha256, "");
    sources = List.copyOf(sources);
    regions = List.copyOf(regions);
    notes = List.copyOf(notes);
    List<SageMakerCoverage> sorted = new ArrayList<>(sagemaker);
    sorted.sort(SageMakerCoverage.ORDER);
    sagemaker = List.copyOf(sorted);
    if (accountsRequested < 0 || accountsScanned < 0 || accountsFailed < 0) {
      throw new IllegalArgumentException("account counts cannot be negative");
    }
  }

  /** SageMaker resources the listing found, over every account and region. */
  public long sagemakerListed() {
    return sagemaker.stream().mapToLong(SageMakerCoverage::listing).sum();
  }

  /** SageMaker resources only the listing found: never tagged, so the Tagging API missed them. */
  public long sagemakerListedOnly() {
    return sagemaker.stream().mapToLong(SageMakerCoverage::listingOnly).sum();
  }
}
