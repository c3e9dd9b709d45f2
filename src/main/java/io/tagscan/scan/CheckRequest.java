package io.tagscan.scan;

import io.tagscan.report.ReportOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * What {@code tagscan check} is asked: the dictionary, the exemptions file (null for none), the
 * plans and templates to read, the stack-level tags CloudFormation adds to every resource of a
 * template, the reports, and the clock exemptions are judged by.
 */
public record CheckRequest(
    Path dictionary,
    Path exemptions,
    List<Path> files,
    SortedMap<String, String> stackTags,
    ReportOptions report,
    Clock clock) {

  public CheckRequest {
    Objects.requireNonNull(dictionary, "dictionary");
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("check needs at least one file");
    }
    stackTags = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(stackTags));
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(clock, "clock");
  }
}
