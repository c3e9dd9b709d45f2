package io.tagscan.report;

import io.tagscan.model.AtomicFile;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Severity;
import io.tagscan.model.UsageException;
import io.tagscan.model.WriteFailures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two saved reports: findings new, fixed and unchanged (a finding is known by
 * its resource's ARN, its rule and its key, never by its message, whose wording may change),
 * resources added and removed, and the change of the compliance rate and of each key's coverage.
 *
 * <p>Both reports are read as streams and walked side by side in the order tagscan writes them, so
 * neither is held in memory: the table and the Markdown page keep the first {@link Options#limit}
 * changes of each kind, and the JSON reads both reports a second time to list every change. The
 * findings of a resource that is gone count as fixed, those of a new resource as new.
 */
public final class ReportDiff {

  /** How a diff is written. */
  public enum Format {
    TABLE("table"),
    JSON("json"),
    MARKDOWN("markdown");

    private final String slug;

    Format(String slug) {
      this.slug = slug;
    }

    /** The name on the command line. */
    public String slug() {
      return slug;
    }

    /** Parses a slug in any letter case; null for anything else. */
    public static Format fromSlug(String slug) {
      for (Format format : values()) {
        if (format.slug.equals(slug.toLowerCase(Locale.ROOT))) {
          return format;
        }
      }
      return null;
    }
  }

  /**
   * How to write the diff: the format, the lowest severity of a new finding that fails the run
   * (null for never), how many changes of each kind the table and the Markdown page list, and the
   * table's width in columns.
   */
  public record Options(Format format, Severity failOn, int limit, int width) {
    public Options {
      Objects.requireNonNull(format, "format");
      if (limit < 1) {
        throw new UsageException("--limit must be at least 1");
      }
      width = Math.max(40, width);
    }
  }

  /** What a diff found, for the exit code: whether a new finding reached the threshold. */
  public record Outcome(long newFindings, long fixedFindings, long unchanged, boolean failed) {}

  /** Whether a finding appeared, went, or stayed. */
  enum Change {
    NEW,
    FIXED,
    UNCHANGED
  }

  /** One finding that appeared or went, with the resource it is on. */
  record Entry(Change change, CheckedResource resource, Finding finding) {}

  /** What the walk sees, in the reports' order. */
  interface Visitor {
    void added(CheckedResource resource) throws IOException;

    void removed(CheckedResource resource) throws IOException;

    void finding(Change change, CheckedResource resource, Finding finding) throws IOException;
  }

  /** The figures of a diff, and the first changes of each kind. */
  static final class Figures implements Visitor {
    final SavedReport.Header before;
    final SavedReport.Header after;
    final Path oldFile;
    final Path newFile;
    final int limit;
    long oldResources;
    long newResources;
    long added;
    long removed;
    final Map<Change, Long> findings = new EnumMap<>(Change.class);
    final Map<Severity, Long> newBySeverity = new EnumMap<>(Severity.class);
    final List<Entry> newFindings = new ArrayList<>();
    final List<Entry> fixedFindings = new ArrayList<>();
    final List<CheckedResource> addedResources = new ArrayList<>();
    final List<CheckedResource> removedResources = new ArrayList<>();

    Figures(SavedReport before, SavedReport after, int limit) {
      this.before = before.header();
      this.after = after.header();
      this.oldFile = before.file();
      this.newFile = after.file();
      this.limit = limit;
      for (Change change : Change.values()) {
        findings.put(change, 0L);
      }
      for (Severity severity : Severity.values()) {
        newBySeverity.put(severity, 0L);
      }
    }

    @Override
    public void added(CheckedResource resource) {
      added++;
      if (addedResources.size() < limit) {
        addedResources.add(resource);
      }
    }

    @Override
    public void removed(CheckedResource resource) {
      removed++;
      if (removedResources.size() < limit) {
        removedResources.add(resource);
      }
    }

    @Override
    public void finding(Change change, CheckedResource resource, Finding finding) {
      findings.merge(change, 1L, Long::sum);
      if (change == Change.NEW) {
        newBySeverity.merge(finding.severity(), 1L, Long::sum);
        if (newFindings.size() < limit) {
          newFindings.add(new Entry(change, resource, finding));
        }
      } else if (change == Change.FIXED && fixedFindings.size() < limit) {
        fixedFindings.add(new Entry(change, resource, finding));
      }
    }

    long count(Change change) {
      return findings.get(change);
    }

    /** New findings at or above the threshold; none when there is no threshold. */
    long failing(Severity failOn) {
      if (failOn == null) {
        return 0;
      }
      long failing = 0;
      for (Severity severity : Severity.values()) {
        if (severity.atLeast(failOn)) {
          failing += newBySeverity.get(severity);
        }
      }
      return failing;
    }
  }

  private ReportDiff() {}

  /**
   * Compares two saved reports and writes the diff to {@code out}.
   *
   * @throws io.tagscan.model.InputException when a report cannot be read or is not a tagscan report
   */
  public static Outcome run(Path oldReport, Path newReport, Options options, Writer out)
      throws IOException {
    Figures figures;
    try (SavedReport before = SavedReport.open(oldReport);
        SavedReport after = SavedReport.open(newReport)) {
      figures = new Figures(before, after, options.limit());
      walk(before, after, figures);
    }
    switch (options.format()) {
      case TABLE -> new DiffTable(out, options.width(), options.failOn()).write(figures);
      case MARKDOWN -> new DiffMarkdown(out, options.failOn()).write(figures);
      case JSON -> {
        try (SavedReport before = SavedReport.open(oldReport);
            SavedReport after = SavedReport.open(newReport)) {
          DiffJson json = new DiffJson(out, figures);
          walk(before, after, json);
          json.end();
        }
      }
    }
    out.flush();
    long failing = figures.failing(options.failOn());
    return new Outcome(
        figures.count(Change.NEW),
        figures.count(Change.FIXED),
        figures.count(Change.UNCHANGED),
        failing > 0);
  }

  /**
   * Compares two saved reports and writes the diff to {@code file}, under a temporary name in its
   * directory moved into place when whole, as every report is written.
   *
   * @throws io.tagscan.model.EnvironmentException when the file cannot be written
   */
  public static Outcome run(Path oldReport, Path newReport, Options options, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(dir);
      temporary = AtomicFile.createTemporary(dir, file.getFileName().toString());
      Outcome outcome;
      try (OutputStream stream = Files.newOutputStream(temporary);
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
        outcome = run(oldReport, newReport, options, writer);
        writer.flush();
        AtomicFile.sync(stream);
      }
      AtomicFile.moveIntoPlace(temporary, file);
      temporary = null;
      return outcome;
    } catch (IOException e) {
      throw WriteFailures.cannotWrite("the diff", file, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // The next run in this directory removes what is left of a process gone.
        }
      }
    }
  }

  /** Walks both reports side by side, by account, region and ARN. */
  static void walk(SavedReport before, SavedReport after, Visitor visitor) throws IOException {
    // The first walk counts the resources of each side as it reads them.
    Figures counting = visitor instanceof Figures figures ? figures : null;
    CheckedResource o = next(before, counting, true);
    CheckedResource n = next(after, counting, false);
    byte[] oKey = before.lastKey();
    byte[] nKey = after.lastKey();
    while (o != null || n != null) {
      int order = o == null ? 1 : n == null ? -1 : Arrays.compareUnsigned(oKey, nKey);
      if (order < 0) {
        visitor.removed(o);
        for (Finding finding : o.findings()) {
          visitor.finding(Change.FIXED, o, finding);
        }
      } else if (order > 0) {
        visitor.added(n);
        for (Finding finding : n.findings()) {
          visitor.finding(Change.NEW, n, finding);
        }
      } else {
        Set<List<Object>> was = identities(o);
        Set<List<Object>> is = identities(n);
        for (Finding finding : n.findings()) {
          visitor.finding(
              was.contains(identity(finding)) ? Change.UNCHANGED : Change.NEW, n, finding);
        }
        for (Finding finding : o.findings()) {
          if (!is.contains(identity(finding))) {
            visitor.finding(Change.FIXED, o, finding);
          }
        }
      }
      if (order <= 0) {
        o = next(before, counting, true);
        oKey = before.lastKey();
      }
      if (order >= 0) {
        n = next(after, counting, false);
        nKey = after.lastKey();
      }
    }
  }

  private static CheckedResource next(SavedReport report, Figures counting, boolean old) {
    CheckedResource next = report.next();
    if (next != null && counting != null) {
      if (old) {
        counting.oldResources++;
      } else {
        counting.newResources++;
      }
    }
    return next;
  }

  private static Set<List<Object>> identities(CheckedResource resource) {
    Set<List<Object>> ids = new HashSet<>();
    for (Finding finding : resource.findings()) {
      ids.add(identity(finding));
    }
    return ids;
  }

  /** A finding as the diff knows it on its resource: its rule and key, not its wording. */
  private static List<Object> identity(Finding finding) {
    return Arrays.asList(finding.rule(), finding.key());
  }
}
