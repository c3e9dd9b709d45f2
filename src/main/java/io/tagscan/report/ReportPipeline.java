package io.tagscan.report;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.model.Account;
import io.tagscan.model.AtomicFile;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.EnvironmentException;
import io.tagscan.model.ScanError;
import io.tagscan.model.SourceLocation;
import io.tagscan.model.ToolVersion;
import io.tagscan.model.WriteFailures;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the checked resources of one scan into every report asked for: resources are accepted from
 * any number of threads in any order, masked where {@code pii-in-tag} found personal data (unless
 * {@link ReportOptions#showPii}), summed up and spooled to sorted runs, and {@link #finish} merges
 * them into every format at once, sorted by account, region and ARN.
 *
 * <p>Memory does not grow with the number of resources. Each report file is written under a hidden
 * temporary name in its directory and moved into place only when complete; without {@code finish}
 * (an error, Ctrl-C) {@link #close} deletes every temporary file and leaves no report behind; the
 * scan calls it from its Ctrl-C hook too, and each report is then either whole or absent.
 */
public final class ReportPipeline implements AutoCloseable {

  /** Sizes of the external sort and the version written into reports. */
  record Tuning(int runEntries, long runBytes, int fanIn, String toolVersion) {
    static final Tuning DEFAULT = new Tuning(20_000, 32L << 20, 64, ToolVersion.version());
  }

  static final int MARKDOWN_WORST = 20;

  /** How many of the costliest noncompliant resources Markdown, HTML and the table rank. */
  static final int COSTLIEST = 10;

  /** The resource type of an AWS account judged as a resource, whose tags are the account's. */
  private static final String ACCOUNT_TYPE = "organizations:account";

  /** Opens the stream a report is written to under its temporary name; tests inject failures. */
  interface Opener {
    OutputStream open(Path temporary) throws IOException;

    Opener FILES = temporary -> new FileOutputStream(temporary.toFile());
  }

  private enum State {
    OPEN,
    FINISHING,
    FINISHED,
    CLOSED
  }

  private final Dictionary dictionary;
  private final ReportOptions options;
  private final PrintWriter stdout;
  private final Tuning tuning;
  private final Opener opener;
  private final TempFiles temp = new TempFiles();
  private final Map<ReportFormat, Path> pendingFiles = new EnumMap<>(ReportFormat.class);
  private final Spool spool;
  private final SummaryBuilder summary;
  private final WorstResources worst;
  private final WorstResources worstNoncompliant;
  private final WorstResources costliest;
  private volatile boolean priced;
  private final SuppressedResources suppressed;

  private final Object lock = new Object();
  // Guarded by lock.
  private final Map<String, Account> accounts = new HashMap<>();
  // Guarded by lock: what was masked in each account's own resource, to mask in its tags too.
  private final Map<String, PersonalDataMask> accountMasks = new HashMap<>();
  private State state = State.OPEN;
  // Where each resource of a plan or template is, by its name; null for a scan of AWS.
  private final Map<String, SourceLocation> locations;

  /**
   * Opens a pipeline: creates the output directory if missing and a temporary file for each report
   * file, so an unwritable directory fails now rather than after the scan.
   *
   * @throws EnvironmentException when the output directory cannot be created or written
   */
  public static ReportPipeline open(
      Dictionary dictionary, ReportOptions options, PrintWriter stdout) {
    return new ReportPipeline(dictionary, options, stdout, Tuning.DEFAULT, Opener.FILES);
  }

  /** A pipeline for plans and templates: {@code locations} places each resource by its name. */
  public static ReportPipeline open(
      Dictionary dictionary,
      ReportOptions options,
      PrintWriter stdout,
      Map<String, SourceLocation> locations) {
    return new ReportPipeline(
        dictionary, options, stdout, Tuning.DEFAULT, Opener.FILES, Map.copyOf(locations));
  }

  ReportPipeline(Dictionary dictionary, ReportOptions options, PrintWriter stdout, Tuning tuning) {
    this(dictionary, options, stdout, tuning, Opener.FILES);
  }

  ReportPipeline(
      Dictionary dictionary,
      ReportOptions options,
      PrintWriter stdout,
      Tuning tuning,
      Opener opener) {
    this(dictionary, options, stdout, tuning, opener, null);
  }

  private ReportPipeline(
      Dictionary dictionary,
      ReportOptions options,
      PrintWriter stdout,
      Tuning tuning,
      Opener opener,
      Map<String, SourceLocation> locations) {
    this.locations = locations;
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    this.options = Objects.requireNonNull(options, "options");
    this.stdout = Objects.requireNonNull(stdout, "stdout");
    this.tuning = Objects.requireNonNull(tuning, "tuning");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.summary = new SummaryBuilder(dictionary, options.baseline());
    this.worst =
        options.formats().contains(ReportFormat.TABLE)
            ? new WorstResources(options.tableLimit())
            : null;
    this.worstNoncompliant =
        options.formats().contains(ReportFormat.MARKDOWN)
            ? new WorstResources(MARKDOWN_WORST)
            : null;
    this.costliest =
        options.formats().stream().anyMatch(ReportFormat::ranksCostliest)
            ? new WorstResources(COSTLIEST, WorstResources.COSTLIEST_FIRST)
            : null;
    this.suppressed = new SuppressedResources(options.showSuppressed() ? options.tableLimit() : 0);
    Path tempDir = options.outputDir() != null ? options.outputDir() : TempFiles.systemTempDir();
    try {
      if (options.outputDir() != null) {
        TempFiles.createDirectory(options.outputDir());
      }
      for (ReportFormat format : options.formats()) {
        Path file = options.file(format);
        if (file != null) {
          pendingFiles.put(format, temp.create(options.outputDir(), file.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      temp.closeAndDeleteAll();
      throw WriteFailures.cannotWrite("reports to", options.outputDir(), e);
    }
    boolean streams =
        locations != null || options.formats().stream().anyMatch(ReportFormat::streamsResources);
    this.spool =
        streams
            ? new Spool(tempDir, temp, tuning.runEntries(), tuning.runBytes(), tuning.fanIn())
            : null;
  }

  /**
   * Takes one checked resource; thread-safe, called from every scan thread. After {@link #close}
   * (the scan was stopped, and its threads may still be delivering) the resource is dropped.
   *
   * @throws IllegalStateException after {@link #finish}
   * @throws EnvironmentException when a sorted run cannot be written to disk
   */
  public void accept(CheckedResource checked) {
    Objects.requireNonNull(checked, "resource");
    try {
      add(checked);
    } catch (RuntimeException e) {
      if (isClosed()) {
        // Closed meanwhile, so its files are gone: what failed no longer matters.
        return;
      }
      throw e;
    }
  }

  private boolean isClosed() {
    synchronized (lock) {
      return state == State.CLOSED;
    }
  }

  private void add(CheckedResource checked) {
    synchronized (lock) {
      if (state == State.CLOSED) {
        return;
      }
      if (state != State.OPEN) {
        throw new IllegalStateException("the report is " + state.name().toLowerCase(Locale.ROOT));
      }
    }
    CheckedResource resource = checked;
    if (!options.showPii()) {
      // Masked here, before the summary, the spool or any format sees the resource.
      PersonalDataMask mask = PersonalDataMask.of(checked);
      if (mask != null) {
        resource = mask.mask(checked);
        if (ACCOUNT_TYPE.equals(checked.resource().resourceType())) {
          synchronized (lock) {
            accountMasks.put(checked.resource().accountId(), mask);
          }
        }
      }
    }
    summary.add(resource);
    suppressed.offer(resource);
    if (!resource.findings().isEmpty()) {
      if (worst != null) {
        worst.offer(resource);
      }
      if (worstNoncompliant != null && !resource.compliant()) {
        worstNoncompliant.offer(resource);
      }
      if (costliest != null && !resource.compliant() && resource.cost() != null) {
        costliest.offer(resource);
      }
    }
    if (resource.cost() != null) {
      priced = true;
    }
    if (spool != null) {
      try {
        spool.add(ResourceCodec.encode(resource));
      } catch (IOException e) {
        throw WriteFailures.cannotWrite("temporary files in", spoolDir(), e);
      }
    }
  }

  private Path spoolDir() {
    return options.outputDir() != null ? options.outputDir() : TempFiles.systemTempDir();
  }

  /** Records an account the scan knows of, with its name, state and tags; the last call wins. */
  public void account(Account account) {
    Objects.requireNonNull(account, "account");
    synchronized (lock) {
      accounts.put(account.id(), account);
    }
  }

  /**
   * Sorts every resource, writes every format (files first to their temporary names, then moved
   * into place; standard output in the same pass) and returns the summary.
   *
   * @throws IllegalStateException when called twice or after {@link #close}
   * @throws EnvironmentException when a report cannot be written (naming the file and the system's
   *     reason); no report file is left half written, an earlier one of the same name stays as it
   *     was, and {@link #close} deletes what remains
   */
  public Summary finish(ScanInfo info, List<ScanError> errors) {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(errors, "errors");
    Map<String, Account> knownAccounts;
    synchronized (lock) {
      if (state != State.OPEN) {
        throw new IllegalStateException("the report is " + state.name().toLowerCase(Locale.ROOT));
      }
      state = State.FINISHING;
      knownAccounts = new HashMap<>(accounts);
      accountMasks.forEach(
          (id, mask) -> knownAccounts.computeIfPresent(id, (key, account) -> mask.mask(account)));
    }
    Summary result = summary.snapshot(knownAccounts.keySet());
    ReportContext context =
        new ReportContext(
            info,
            result,
            new java.util.TreeMap<>(knownAccounts),
            errors,
            dictionary,
            options,
            worst == null ? List.of() : worst.worstFirst(),
            worstNoncompliant == null ? List.of() : worstNoncompliant.worstFirst(),
            tuning.toolVersion(),
            suppressed.inOrder(),
            suppressed.resources(),
            costliest == null ? List.of() : costliest.worstFirst(),
            priced);
    try {
      write(context);
      moveIntoPlace();
    } catch (IOException e) {
      // A report's own failure may come wrapped by the thread that wrote it.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof ReportFile.Failure file) {
          throw WriteFailures.cannotWrite("the report", file.target(), file);
        }
      }
      throw WriteFailures.cannotWrite("temporary files in", spoolDir(), e);
    }
    synchronized (lock) {
      state = State.FINISHED;
    }
    temp.closeAndDeleteAll();
    return result;
  }

  private void write(ReportContext context) throws IOException {
    List<ReportSink> sinks = new ArrayList<>();
    List<ReportFile> files = new ArrayList<>();
    try {
      for (ReportFormat format : options.formats()) {
        if (options.toStdout(format)) {
          sinks.add(format.newSink(new KeepOpen(stdout), null, locations));
        } else {
          ReportFile file = new ReportFile(opener, pendingFiles.get(format), options.file(format));
          files.add(file);
          sinks.add(format.newSink(file.writer(), file.bytes(), locations));
        }
      }
      for (ReportSink sink : sinks) {
        sink.begin(context);
      }
      if (sinks.size() == 1) {
        ReportSink only = sinks.get(0);
        forEachSorted(only::resource);
        only.end();
      } else {
        ParallelSinks parallel = new ParallelSinks(sinks);
        boolean ended = false;
        try {
          forEachSorted(parallel::resource);
          parallel.end();
          ended = true;
        } finally {
          if (!ended) {
            parallel.abort();
          }
        }
      }
      for (ReportFile file : files) {
        file.complete();
      }
      stdout.flush();
    } finally {
      for (ReportFile file : files) {
        file.closeQuietlyOnFailure();
      }
    }
  }

  private void forEachSorted(Spool.Consumer consumer) throws IOException {
    if (spool != null) {
      spool.forEachSorted(consumer);
    }
  }

  private void moveIntoPlace() throws IOException {
    for (Map.Entry<ReportFormat, Path> pending : pendingFiles.entrySet()) {
      synchronized (lock) {
        if (state == State.CLOSED) {
          throw new IOException("the report was closed while being written");
        }
      }
      Path target = options.file(pending.getKey());
      try {
        AtomicFile.moveIntoPlace(pending.getValue(), target);
      } catch (IOException e) {
        throw new ReportFile.Failure(target, e);
      }
      temp.release(pending.getValue());
    }
  }

  /**
   * After {@link #finish}, nothing. Otherwise deletes every temporary file (spilled runs and
   * unfinished reports), so an interrupted scan leaves no report behind.
   *
   * @throws EnvironmentException when a temporary file cannot be deleted
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (state == State.FINISHED || state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
    }
    temp.closeAndDeleteAll();
  }
}
