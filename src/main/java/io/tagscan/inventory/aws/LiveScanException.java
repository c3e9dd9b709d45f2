package io.tagscan.inventory.aws;

import io.tagscan.model.IncompleteScanException;
import io.tagscan.model.ScanError;
import java.util.List;

/**
 * The accounts a scan would cover could not be listed (STS or Organizations refused or failed), so
 * {@link LiveScanner#accounts()} has no answer to give; {@link #errors()} says what failed.
 */
public final class LiveScanException extends IncompleteScanException {

  private static final long serialVersionUID = 1L;

  public LiveScanException(List<ScanError> errors) {
    super("the accounts to scan could not be listed", errors);
  }
}
