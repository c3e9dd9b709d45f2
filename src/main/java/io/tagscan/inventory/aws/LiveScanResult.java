package io.tagscan.inventory.aws;

import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.SageMakerCoverage;
import java.util.ArrayList;
import java.util.List;

/**
 * How a live scan ended: accounts asked for, read whole and not, the regions covered, and whether
 * everything asked was read.
 *
 * <p>An account counts as failed when nothing of it could be read (its role was refused, or every
 * region failed), and as scanned otherwise, even when some of it could not be read; after {@link
 * LiveScanner#close()} cut a scan short, unfinished accounts count as neither. {@code complete} is
 * false when any account × region could not be read whole (one SageMaker listing failing is
 * enough), when an account's own tags could not be read, when the account list itself could not be
 * read in full, or when the scan was stopped; a region that is not enabled for an account does not
 * make a scan incomplete. {@code sagemaker} holds, sorted by account and region, what SageMaker
 * discovery found in each account × region where it ran; it is empty with {@code --no-sagemaker}.
 * {@code resourceExplorer} is what Resource Explorer gave, null when it was not read; {@code notes}
 * say what the user may want to know that is no failure (a default view without tags).
 */
public record LiveScanResult(
    int accountsRequested,
    int accountsScanned,
    int accountsFailed,
    List<String> regions,
    boolean complete,
    List<SageMakerCoverage> sagemaker,
    ExplorerCoverage resourceExplorer,
    List<String> notes) {

  /** A result that read no Resource Explorer. */
  public LiveScanResult(
      int accountsRequested,
      int accountsScanned,
      int accountsFailed,
      List<String> regions,
      boolean complete,
      List<SageMakerCoverage> sagemaker) {
    this(
        accountsRequested,
        accountsScanned,
        accountsFailed,
        regions,
        complete,
        sagemaker,
        null,
        List.of());
  }

  /** This result with what Resource Explorer gave and the notes of the scan. */
  LiveScanResult withExplorer(ExplorerCoverage figures, List<String> scanNotes) {
    return new LiveScanResult(
        accountsRequested,
        accountsScanned,
        accountsFailed,
        regions,
        complete,
        sagemaker,
        figures,
        scanNotes);
  }

  public LiveScanResult {
    notes = List.copyOf(notes);
    if (accountsRequested < 0 || accountsScanned < 0 || accountsFailed < 0) {
      throw new IllegalArgumentException("account counts cannot be negative");
    }
    if (accountsScanned + accountsFailed > accountsRequested) {
      throw new IllegalArgumentException("more accounts scanned or failed than requested");
    }
    regions = List.copyOf(regions);
    List<SageMakerCoverage> sorted = new ArrayList<>(sagemaker);
    sorted.sort(SageMakerCoverage.ORDER);
    sagemaker = List.copyOf(sorted);
  }
}
