package io.tagscan.report;

import static io.tagscan.report.Numbers.count;
import static io.tagscan.report.Numbers.plural;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a report format needs before the resources stream past: the scan, its summary, the
 * accounts and errors (sorted), the dictionary, the options, the worst resources for the terminal
 * table and for the Markdown page, the tool's version, and with {@code --show-suppressed} the first
 * resources carrying waived findings (in report order) and how many carry any; then the costliest
 * noncompliant resources for the Markdown page, and whether any resource has a cost at all.
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
    String toolVersion,
    List<CheckedResource> suppressed,
    long suppressedResources,
    List<CheckedResource> costliestNoncompliant,
    boolean priced) {

  ReportContext {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(summary, "summary");
    accounts = Collections.unmodifiableSortedMap(new TreeMap<>(accounts));
    errors = errors.stream().sorted(ScanError.ORDER).toList();
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(options, "options");
    worst = List.copyOf(worst);
    worstNoncompliant = List.copyOf(worstNoncompliant);
    Objects.requireNonNull(toolVersion, "toolVersion");
    suppressed = List.copyOf(suppressed);
    costliestNoncompliant = List.copyOf(costliestNoncompliant);
  }

  /** A context with no resource priced by a billing export. */
  ReportContext(
      ScanInfo info,
      Summary summary,
      SortedMap<String, Account> accounts,
      List<ScanError> errors,
      Dictionary dictionary,
      ReportOptions options,
      List<CheckedResource> worst,
      List<CheckedResource> worstNoncompliant,
      String toolVersion,
      List<CheckedResource> suppressed,
      long suppressedResources) {
    this(
        info,
        summary,
        accounts,
        errors,
        dictionary,
        options,
        worst,
        worstNoncompliant,
        toolVersion,
        suppressed,
        suppressedResources,
        List.of(),
        false);
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
    if (summary.failingFindings(failOn) > 0) {
      return Verdict.FAILED;
    }
    return info.complete() ? Verdict.PASSED : Verdict.INCOMPLETE;
  }

  /**
   * The verdict in one sentence, the same in the terminal table, the Markdown page and the HTML
   * page, such as {@code 29 errors on 11 of 18 resources; 9 warnings}: the findings that decide the
   * run first, then the others, then the scan errors when the scan is incomplete.
   */
  String verdictSentence() {
    Severity failOn = options.failOn();
    Verdict verdict = verdict();
    long resources = summary.resources();
    List<String> parts = new ArrayList<>();
    switch (verdict) {
      case FAILED ->
          parts.add(
              String.join(" and ", severityCounts(failOn, true))
                  + " on "
                  + count(summary.failingResources(failOn))
                  + " of "
                  + plural(resources, "resource", "resources"));
      case PASSED ->
          parts.add(
              "no "
                  + fresh()
                  + failingNoun(failOn)
                  + " on "
                  + plural(resources, "resource", "resources"));
      case INCOMPLETE ->
          parts.add(
              "no "
                  + fresh()
                  + failingNoun(failOn)
                  + " on the "
                  + plural(resources, "resource", "resources")
                  + " read");
      case REPORT_ONLY ->
          parts.add(
              (summary.findings() == 0
                      ? "no findings"
                      : String.join(", ", severityCounts(Severity.INFO, true)))
                  + " on "
                  + (summary.findings() == 0 ? "" : count(summary.resourcesWithFindings()) + " of ")
                  + plural(resources, "resource", "resources")
                  + " (no --fail-on threshold)");
    }
    if (verdict != Verdict.REPORT_ONLY) {
      parts.addAll(severityCounts(failOn, false));
    }
    if (summary.findingsWaived() > 0) {
      List<String> rules = new ArrayList<>();
      summary.waivedByRule().forEach((rule, waived) -> rules.add(count(waived) + " " + rule));
      parts.add(count(summary.findingsWaived()) + " waived (" + String.join(", ", rules) + ")");
    }
    if (summary.baseline() != null) {
      parts.add(count(summary.baseline().covered()) + " in the baseline");
    }
    if (!info.complete()) {
      String unread = plural(errors.size(), "part", "parts") + " could not be read";
      parts.add(verdict == Verdict.INCOMPLETE ? unread : "the scan is incomplete: " + unread);
    }
    return String.join("; ", parts);
  }

  /** Counts such as {@code 9 warnings} of the severities at or above (or below) the threshold. */
  private List<String> severityCounts(Severity threshold, boolean atOrAbove) {
    // With a baseline, what decides the run is what the baseline does not hold.
    boolean fresh = atOrAbove && summary.baseline() != null && options.failOn() != null;
    String prefix = fresh ? "new " : "";
    List<String> counts = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      long found =
          fresh
              ? summary.baseline().newBySeverity().get(severity)
              : summary.findingsBySeverity().get(severity);
      if (found > 0 && severity.atLeast(threshold) == atOrAbove) {
        counts.add(
            severity == Severity.INFO
                ? count(found) + " " + prefix + "info"
                : plural(found, prefix + severity.slug(), prefix + severity.slug() + "s"));
      }
    }
    return counts;
  }

  /** {@code new } when a baseline decides what fails the run, else nothing. */
  private String fresh() {
    return summary.baseline() == null ? "" : "new ";
  }

  private static String failingNoun(Severity failOn) {
    return switch (failOn) {
      case ERROR -> "errors";
      case WARNING -> "errors or warnings";
      case INFO -> "findings";
    };
  }

  /** The account's name, or the empty string when unknown. */
  String accountName(String accountId) {
    Account account = accounts.get(accountId);
    return account == null ? "" : account.name();
  }
}
