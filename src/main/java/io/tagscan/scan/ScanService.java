package io.tagscan.scan;

import io.tagscan.billing.FocusCosts;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.dictionary.Exemption;
import io.tagscan.dictionary.ExemptionsLoader;
import io.tagscan.inventory.InventoryReader;
import io.tagscan.inventory.InventoryResult;
import io.tagscan.inventory.ScanListener;
import io.tagscan.inventory.SnapshotWriter;
import io.tagscan.inventory.aws.ExplorerOptions;
import io.tagscan.inventory.aws.LiveScanResult;
import io.tagscan.inventory.aws.LiveScanner;
import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.Printable;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import io.tagscan.model.Shard;
import io.tagscan.model.UsageException;
import io.tagscan.report.Baseline;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.ReportPipeline;
import io.tagscan.report.ScanInfo;
import io.tagscan.report.Summary;
import io.tagscan.rules.RuleEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one scan from end to end: loads the dictionary and exemptions (so bad input fails before any
 * AWS call), reads resources from files or AWS, checks each as it arrives, and writes the reports.
 * Reports and snapshots appear only when the scan completes; a scan cut short by an error or Ctrl-C
 * leaves none behind.
 */
public final class ScanService {

  private ScanService() {}

  /**
   * Runs the scan; {@code observer} sees every event too (for a progress bar) and may be null.
   *
   * @throws io.tagscan.model.InputException when the dictionary, exemptions or inventory are bad
   * @throws io.tagscan.model.EnvironmentException when a report or the snapshot cannot be written
   * @throws java.util.concurrent.CancellationException when the process was stopped (Ctrl-C,
   *     SIGTERM) during the scan; nothing was written then
   */
  public static ScanOutcome run(ScanRequest request, PrintWriter stdout, ScanListener observer)
      throws InterruptedException {
    Instant startedAt = request.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
    Dictionary dictionary = DictionaryLoader.load(request.dictionary());
    List<Exemption> exemptions =
        request.exemptions() == null ? List.of() : ExemptionsLoader.load(request.exemptions());
    RuleEngine engine = new RuleEngine(dictionary, exemptions, today);
    refuseSnapshotOverInput(request);
    // Read whole before anything is written, so a bad export fails the run with no report.
    FocusCosts costs =
        request.focus().isEmpty() ? null : FocusCosts.read(request.focus(), request.costMetric());
    if (request.baseline() != null) {
      request =
          withReport(request, request.report().withBaseline(Baseline.load(request.baseline())));
    }

    try (Interruption interruption = Interruption.onShutdown()) {
      try {
        return scan(request, stdout, observer, dictionary, engine, costs, startedAt, interruption);
      } catch (RuntimeException e) {
        throw interruption.explain(e);
      }
    }
  }

  private static ScanRequest withReport(ScanRequest request, ReportOptions report) {
    return new ScanRequest(
        request.dictionary(),
        request.exemptions(),
        request.inventory(),
        request.aws(),
        report,
        request.saveInventory(),
        request.clock(),
        request.inventoryAccount(),
        request.shard(),
        request.baseline(),
        request.focus(),
        request.costMetric());
  }

  private static ScanOutcome scan(
      ScanRequest request,
      PrintWriter stdout,
      ScanListener observer,
      Dictionary dictionary,
      RuleEngine engine,
      FocusCosts costs,
      Instant startedAt,
      Interruption interruption)
      throws InterruptedException {
    try (ReportPipeline pipeline =
            interruption.closesLast(ReportPipeline.open(dictionary, request.report(), stdout));
        SnapshotWriter snapshot =
            request.saveInventory() == null
                ? null
                : interruption.closesLast(SnapshotWriter.open(request.saveInventory()))) {
      CheckingListener checking = new CheckingListener(engine, costs, pipeline);
      ScanListener everyone = Listeners.tee(checking, snapshot, observer);
      Header header =
          request.offline()
              ? readFiles(
                  request.inventory(),
                  request.inventoryAccount(),
                  request.shard(),
                  everyone,
                  checking)
              : readAws(request, everyone, interruption::alsoClose);
      everyone.finished();
      List<ScanError> errors = checking.errors();
      boolean complete = header.complete;
      ScanInfo info =
          new ScanInfo(
              startedAt,
              request.clock().instant().truncatedTo(ChronoUnit.MILLIS),
              complete,
              dictionary.path(),
              dictionary.sha256(),
              header.sources,
              header.regions,
              header.accountsRequested,
              header.accountsScanned,
              header.accountsFailed,
              header.sagemaker,
              header.explorer,
              header.reportedNotes);
      Summary summary =
          interruption.unlessInterrupted(
              () -> {
                if (snapshot != null) {
                  snapshot.commit(complete, header.sagemaker, header.explorer);
                }
                return pipeline.finish(info, errors);
              });
      return new ScanOutcome(summary, complete, errors, checking.skipped(), header.notes);
    }
  }

  /**
   * A snapshot saved over one of the files being read would replace the export the user may have no
   * other copy of, so it is refused before anything is read. Existing files are compared as the
   * file system sees them: through symbolic links, {@code ./x} and {@code x}, and hard links.
   */
  private static void refuseSnapshotOverInput(ScanRequest request) {
    Path target = request.saveInventory();
    if (target == null) {
      return;
    }
    for (Path input : request.inventory()) {
      if (sameFile(target, input)) {
        String which =
            target.equals(input)
                ? " is also an --inventory file"
                : " is the same file as the --inventory file " + quote(input);
        throw new UsageException(
            "--save-inventory "
                + quote(target)
                + which
                + "; saving the snapshot would overwrite it, so choose another file");
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      // Unreadable attributes: the read or the write will report the path itself.
      return false;
    }
  }

  private static String quote(Path path) {
    return "'" + Printable.of(path.toString()) + "'";
  }

  private static Header readFiles(
      List<Path> files,
      String account,
      Shard shard,
      ScanListener everyone,
      CheckingListener checking)
      throws InterruptedException {
    ParallelChecker parallel =
        new ParallelChecker(
            shard == null ? everyone : new ShardFilter(shard, everyone),
            ParallelChecker.defaultThreads());
    InventoryResult read;
    try {
      read = InventoryReader.read(files, account, parallel);
      parallel.finish();
    } finally {
      parallel.abandon();
    }
    int accounts = checking.accounts().size();
    int failed = checking.failedAccounts().size();
    return new Header(
        files.stream().map(Path::toString).toList(),
        checking.regions(),
        accounts,
        accounts - failed,
        failed,
        read.complete(),
        shard == null
            ? read.sagemaker()
            : read.sagemaker().stream().filter(pair -> shard.holds(pair.accountId())).toList(),
        shard == null || read.resourceExplorer() == null
            ? read.resourceExplorer()
            : read.resourceExplorer().inShard(shard::holds),
        read.notes(),
        List.of());
  }

  private static Header readAws(
      ScanRequest request, ScanListener everyone, Consumer<AutoCloseable> onInterrupt) {
    try (LiveScanner scanner =
        new LiveScanner(
            request.shard() == null ? request.aws() : request.aws().withShard(request.shard()))) {
      onInterrupt.accept(scanner);
      LiveScanResult result = scanner.scan(everyone);
      List<String> sources = new ArrayList<>();
      if (request.aws().explorer().mode() != ExplorerOptions.Mode.RESOURCE_EXPLORER) {
        sources.add("tagging-api");
        if (request.aws().sagemaker()) {
          sources.add("sagemaker");
        }
      }
      if (result.resourceExplorer() != null) {
        sources.add("resource-explorer");
      }
      return new Header(
          sources,
          result.regions(),
          result.accountsRequested(),
          result.accountsScanned(),
          result.accountsFailed(),
          result.complete(),
          result.sagemaker(),
          result.resourceExplorer(),
          result.notes(),
          result.notes());
    }
  }

  /**
   * The figures the report header takes from the source; {@code notes} go to stderr, {@code
   * reportedNotes} into the report too (a live scan's, not those about the files read).
   */
  private record Header(
      List<String> sources,
      List<String> regions,
      int accountsRequested,
      int accountsScanned,
      int accountsFailed,
      boolean complete,
      List<SageMakerCoverage> sagemaker,
      ExplorerCoverage explorer,
      List<String> notes,
      List<String> reportedNotes) {}
}
