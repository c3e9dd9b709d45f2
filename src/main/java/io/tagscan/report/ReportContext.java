package io.tagscan.report;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.ScanError;
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

  /** The account's name, or the empty string when unknown. */
  String accountName(String accountId) {
    Account account = accounts.get(accountId);
    return account == null ? "" : account.name();
  }
}
