package io.tagscan.report;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a report format needs before the resources stream past: the scan, its summary, the
 * accounts and errors (sorted), the dictionary, the options, the worst resources for the terminal
 * table and for the Markdown page, and the tool's version.
 */
record ReportContext(
    ScanInfo info,
    Summary summary,
    SortedMap<String, Account> accounts,
    List<ScanError> errors,
    Dictionary dictionary,
    ReportOptions options,
    List<CheckedResource> worst,
    List<CheckedResource> worstNoncompliant,
    String toolVersion) {

  static final Comparator<ScanError> ERROR_ORDER =
      Comparator.comparing(ScanError::accountId)
          .thenComparing(ScanError::region)
          .thenComparing(ScanError::operation)
          .thenComparing(ScanError::code)
          .thenComparing(ScanError::message);

  ReportContext {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(summary, "summary");
    accounts = Collections.unmodifiableSortedMap(new TreeMap<>(accounts));
    errors = errors.stream().sorted(ERROR_ORDER).toList();
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(options, "options");
    worst = List.copyOf(worst);
    worstNoncompliant = List.copyOf(worstNoncompliant);
    Objects.requireNonNull(toolVersion, "toolVersion");
  }

  /** How a scan stands against {@code --fail-on}, which every format for people says first. */
  enum Verdict {
    /** No failure threshold was set. */
    REPORT_ONLY,
    /** A finding reached the threshold. */
    FAILED,
    /** Nothing reached the threshold in what could be read, but not everything could be. */
    INCOMPLETE,
    /** Nothing reached the threshold, and everything was read. */
    PASSED
  }

  /** The scan's verdict; findings that fail the run win over an incomplete scan. */
  Verdict verdict() {
    Severity failOn = options.failOn();
    if (failOn == null) {
      return Verdict.REPORT_ONLY;
    }
    if (summary.findingsAtOrAbove(failOn) > 0) {
      return Verdict.FAILED;
    }
    return info.complete() ? Verdict.PASSED : Verdict.INCOMPLETE;
  }

  /** The account's name, or the empty string when unknown. */
  String accountName(String accountId) {
    Account account = accounts.get(accountId);
    return account == null ? "" : account.name();
  }
}
