package io.tagscan.inventory;

import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.SageMakerCoverage;
import java.util.List;

/**
 * What inventory files say about the scan that made them, beyond its resources: whether it read
 * everything it was asked to, and the SageMaker figures of each account and region. An export of
 * the AWS CLI is complete and has no SageMaker figures; a tagscan snapshot keeps both. {@code
 * notes} are sentences for the user about what was read but is not an error (resources listed
 * twice, each counted once). {@code resourceExplorer} is what Resource Explorer gave the scans that
 * wrote the snapshots (joined as {@code report merge} joins them), null when none read it.
 */
public record InventoryResult(
    boolean complete,
    List<SageMakerCoverage> sagemaker,
    List<String> notes,
    ExplorerCoverage resourceExplorer) {

  /** A result with no Resource Explorer figures. */
  public InventoryResult(boolean complete, List<SageMakerCoverage> sagemaker, List<String> notes) {
    this(complete, sagemaker, notes, null);
  }

  public InventoryResult {
    sagemaker = sagemaker.stream().sorted(SageMakerCoverage.ORDER).toList();
    notes = List.copyOf(notes);
  }
}
