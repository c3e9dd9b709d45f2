package io.tagscan.report;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import io.tagscan.model.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reports from saved reports: {@link #render} writes any format from one saved JSON report, {@link
 * #merge} joins the reports of scans of disjoint parts into the report of the whole, both through
 * the same {@link ReportPipeline} a scan writes with, so the bytes are the scan's own.
 *
 * <p>Each input is read as a stream, and the inputs are merged as the sorted streams they are
 * (tagscan writes resources sorted by account, region and ARN), so no input is ever held in memory
 * and the same ARN in two inputs is seen side by side: kept once when both say the same, refused
 * when they disagree. Summaries, coverage and every other figure are computed again from the
 * resources, as the scan computed them.
 */
public final class SavedReports {

  /** Errors about an account's own name or tags only, which leave the account scanned. */
  private static final Set<String> ACCOUNT_ONLY = Set.of("ListTagsForResource", "DescribeAccount");

  private SavedReports() {}

  /**
   * Writes the formats {@code options} asks for from one saved report; returns the summary.
   *
   * @throws InputException when the report cannot be read or is not a tagscan report
   */
  public static Summary render(Path report, ReportOptions options, PrintWriter stdout) {
    return merge(List.of(report), options, stdout);
  }

  /**
   * Writes the formats {@code options} asks for from the union of several saved reports.
   *
   * @throws InputException when a report cannot be read, when two were checked against different
   *     dictionaries, or when two hold the same ARN with different content
   */
  public static Summary merge(List<Path> reports, ReportOptions options, PrintWriter stdout) {
    if (reports.isEmpty()) {
      throw new UsageException("no report to read");
    }
    List<SavedReport> open = new ArrayList<>();
    try {
      for (Path report : reports) {
        open.add(SavedReport.open(report));
      }
      SavedReport first = open.get(0);
      for (SavedReport other : open.subList(1, open.size())) {
        sameDictionary(first, other);
      }
      ReportOptions asSaved = options.withPiiAsIs();
      try (ReportPipeline pipeline =
          ReportPipeline.open(first.header().dictionary(), asSaved, stdout)) {
        accounts(open).values().forEach(pipeline::account);
        Coverage coverage = feedSorted(open, pipeline);
        LinkedHashSet<ScanError> errors = new LinkedHashSet<>();
        open.forEach(report -> errors.addAll(report.errors()));
        return pipeline.finish(info(open, coverage, errors), List.copyOf(errors));
      }
    } finally {
      open.forEach(SavedReport::close);
    }
  }

  /**
   * Reports of one dictionary only: the same file (by its SHA-256) and the same keys, else the
   * figures of the parts would not add up.
   */
  private static void sameDictionary(SavedReport first, SavedReport other) {
    Dictionary a = first.header().dictionary();
    Dictionary b = other.header().dictionary();
    if (!a.sha256().equals(b.sha256()) || !keys(a).equals(keys(b))) {
      throw InputException.of(
          Diagnostic.ofFile(
              name(other.file()),
              "checked against another dictionary than "
                  + name(first.file())
                  + " (sha256 "
                  + shortSha(b.sha256())
                  + " against "
                  + shortSha(a.sha256())
                  + "); merge only reports of one dictionary"));
    }
  }

  private static List<Object> keys(Dictionary dictionary) {
    List<Object> keys = new ArrayList<>();
    for (TagSpec spec : dictionary.tags()) {
      keys.add(
          List.of(
              spec.key(),
              spec.mandatory(),
              spec.costAllocation(),
              spec.appliesTo().stream().map(Object::toString).toList()));
    }
    keys.add(dictionary.accountMandatory());
    return keys;
  }

  private static String shortSha(String sha) {
    return sha.isEmpty() ? "none" : sha.substring(0, Math.min(12, sha.length())) + "…";
  }

  /** Every account of every part; one listed by two parts must be listed alike. */
  private static Map<String, Account> accounts(List<SavedReport> reports) {
    Map<String, Account> accounts = new TreeMap<>();
    Map<String, SavedReport> from = new TreeMap<>();
    for (SavedReport report : reports) {
      for (Account account : report.header().accounts()) {
        Account earlier = accounts.putIfAbsent(account.id(), account);
        if (earlier == null) {
          from.put(account.id(), report);
        } else if (!earlier.equals(account)) {
          throw InputException.of(
              Diagnostic.ofFile(
                  name(report.file()),
                  "account '"
                      + Printable.of(account.id())
                      + "' is listed with other details in "
                      + name(from.get(account.id()).file())));
        }
      }
    }
    return accounts;
  }

  /** The accounts each part covers, and those that had a resource read, over every part. */
  private record Coverage(List<Set<String>> accountsByPart, Set<String> accountsWithResources) {}

  /** One input's stream with its current resource and that resource's sort key. */
  private static final class Cursor {
    final SavedReport report;
    final Set<String> accounts = new HashSet<>();
    CheckedResource current;
    byte[] key;
    String place;

    Cursor(SavedReport report) {
      this.report = report;
    }

    boolean advance() {
      CheckedResource next = report.next();
      if (next == null) {
        current = null;
        return false;
      }
      if (!next.resource().accountId().isEmpty()) {
        accounts.add(next.resource().accountId());
      }
      current = next;
      key = report.lastKey();
      place = report.place();
      return true;
    }
  }

  private static Coverage feedSorted(List<SavedReport> reports, ReportPipeline pipeline) {
    PriorityQueue<Cursor> queue =
        new PriorityQueue<>((a, b) -> Arrays.compareUnsigned(a.key, b.key));
    List<Cursor> cursors = new ArrayList<>();
    Set<String> withResources = new HashSet<>();
    for (SavedReport report : reports) {
      Cursor cursor = new Cursor(report);
      cursors.add(cursor);
      if (cursor.advance()) {
        queue.add(cursor);
      }
    }
    CheckedResource previous = null;
    byte[] previousKey = null;
    String previousPlace = null;
    while (!queue.isEmpty()) {
      Cursor cursor = queue.poll();
      CheckedResource resource = cursor.current;
      if (previousKey != null && Arrays.equals(previousKey, cursor.key)) {
        if (!previous.equals(resource)) {
          throw InputException.of(
              Diagnostic.ofFile(
                  cursor.place,
                  "resource '"
                      + Printable.of(resource.resource().arn())
                      + "' is also at "
                      + previousPlace
                      + " with other content; a resource must be the same in every part"));
        }
      } else {
        if (resource.resource().source() != Source.ORGANIZATIONS) {
          withResources.add(resource.resource().accountId());
        }
        pipeline.accept(resource);
        previous = resource;
        previousKey = cursor.key;
        previousPlace = cursor.place;
      }
      if (cursor.advance()) {
        queue.add(cursor);
      }
    }
    List<Set<String>> byPart = new ArrayList<>();
    for (Cursor cursor : cursors) {
      Set<String> covered = new TreeSet<>(cursor.accounts);
      cursor.report.header().accounts().forEach(account -> covered.add(account.id()));
      cursor.report.errors().forEach(error -> covered.add(error.accountId()));
      covered.remove("");
      byPart.add(covered);
    }
    return new Coverage(byPart, withResources);
  }

  /**
   * The header of the whole: from the earliest start to the latest end, complete only when every
   * part is, the sources and regions of every part, every part's SageMaker figures, and the
   * accounts: when the parts cover disjoint accounts (as {@code --shard} splits them), their counts
   * added up; when they share accounts (parts split by region, or one report given twice), counted
   * again over the union as a scan counts them, an account failed when it has an error other than
   * its own tags being unreadable and no resource in any part.
   */
  private static ScanInfo info(
      List<SavedReport> reports, Coverage coverage, Collection<ScanError> errors) {
    ScanInfo first = reports.get(0).header().info();
    Instant started = first.startedAt();
    Instant finished = first.finishedAt();
    boolean complete = true;
    LinkedHashSet<String> sources = new LinkedHashSet<>();
    TreeSet<String> regions = new TreeSet<>();
    int requested = 0;
    int scanned = 0;
    int failed = 0;
    LinkedHashSet<SageMakerCoverage> sagemaker = new LinkedHashSet<>();
    List<ExplorerCoverage> explorer = new ArrayList<>();
    LinkedHashSet<String> notes = new LinkedHashSet<>();
    for (SavedReport report : reports) {
      ScanInfo info = report.header().info();
      started = info.startedAt().isBefore(started) ? info.startedAt() : started;
      finished = info.finishedAt().isAfter(finished) ? info.finishedAt() : finished;
      complete &= info.complete();
      sources.addAll(info.sources());
      regions.addAll(info.regions());
      requested += info.accountsRequested();
      scanned += info.accountsScanned();
      failed += info.accountsFailed();
      sagemaker.addAll(info.sagemaker());
      if (info.resourceExplorer() != null) {
        explorer.add(info.resourceExplorer());
      }
      notes.addAll(info.notes());
    }
    Set<String> union = new TreeSet<>();
    int covered = 0;
    for (Set<String> part : coverage.accountsByPart()) {
      union.addAll(part);
      covered += part.size();
    }
    if (union.size() != covered) {
      Set<String> lost = new TreeSet<>();
      for (ScanError error : errors) {
        if (!error.accountId().isEmpty()
            && !ACCOUNT_ONLY.contains(error.operation())
            && !coverage.accountsWithResources().contains(error.accountId())) {
          lost.add(error.accountId());
        }
      }
      requested = union.size();
      failed = lost.size();
      scanned = requested - failed;
    }
    return new ScanInfo(
        started,
        finished,
        complete,
        first.dictionaryPath(),
        first.dictionarySha256(),
        List.copyOf(sources),
        List.copyOf(regions),
        requested,
        scanned,
        failed,
        List.copyOf(sagemaker),
        explorer.isEmpty() ? null : ExplorerCoverage.merge(explorer),
        List.copyOf(notes));
  }

  private static String name(Path file) {
    return Printable.of(file.toString());
  }
}
