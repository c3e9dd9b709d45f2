package io.tagscan.cli;

import io.tagscan.model.Printable;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import io.tagscan.report.ReportFormat;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.Summary;
import java.util.ArrayList;
import java.util.List;

/** The few sentences the commands print on stderr about a finished scan. */
final class Summaries {

  private Summaries() {}

  /** The report files the options write, in the order of their formats; a list to add to. */
  static List<String> files(ReportOptions report) {
    List<String> written = new ArrayList<>();
    for (ReportFormat format : report.formats()) {
      if (report.file(format) != null) {
        written.add(report.file(format).toString());
      }
    }
    return written;
  }

  /** Such as {@code 27 findings (20 error, 5 warning, 2 info)}. */
  static String findings(Summary summary) {
    long total = 0;
    List<String> parts = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      long count = summary.findingsBySeverity().getOrDefault(severity, 0L);
      total += count;
      if (count > 0) {
        parts.add(String.format("%,d %s", count, severity.slug()));
      }
    }
    if (total == 0) {
      return "no findings";
    }
    return String.format(
        "%,d finding%s (%s)", total, total == 1 ? "" : "s", String.join(", ", parts));
  }

  /**
   * One failed part of a scan, on one line; every field came from AWS or the input, so each is made
   * printable.
   */
  static String error(ScanError error) {
    StringBuilder out = new StringBuilder();
    out.append(error.accountId().isEmpty() ? "-" : Printable.of(error.accountId()));
    if (!error.region().isEmpty()) {
      out.append(' ').append(Printable.of(error.region()));
    }
    out.append(": ").append(Printable.of(error.operation()));
    if (!error.code().isEmpty()) {
      out.append(' ').append(Printable.of(error.code()));
    }
    if (!error.message().isEmpty()) {
      out.append(": ").append(Printable.of(error.message()));
    }
    return out.toString();
  }
}
