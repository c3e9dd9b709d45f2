package io.tagscan.inventory.aws;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Account;
import io.tagscan.model.ScanError;
import io.tagscan.model.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * Reads live AWS accounts: finds the accounts (STS, Organizations), gets into each (its own
 * credentials or an STS role), and reads every account × region through the Tagging API, in
 * parallel up to {@link AwsOptions#concurrency()}, handing resources to a {@link ScanListener} as
 * pages arrive.
 *
 * <p>What the listener hears, from the scan's own threads: {@code unitsPlanned} once the accounts
 * and regions are known; for each account, {@code account} before any of its resources; {@code
 * resource} once per distinct ARN of the account; {@code error} for each thing that could not be
 * read; {@code unitDone} once per account × region. Errors are data and the scan goes on: a refused
 * role fails every region of its account ({@link AccountEntry}); a failing or looping listing fails
 * its account × region, and a region the account has not enabled is skipped ({@link PairReader});
 * an account Organizations cannot name or tag is kept by id, its tags unknown ({@link
 * AccountDirectory}); a failed account listing leaves out what it could not list ({@link
 * AccountPlanner}). Each of these makes the scan incomplete but a skipped region.
 *
 * <p>The work is split by job: {@link AccountPlanner} decides the accounts, regions and roles,
 * {@link AccountEntry} gets into each account, {@link PairReader} reads one account × region, and
 * {@link ScanJob} holds the threads, the listener gate and the tallies.
 *
 * <p>No SDK client exists before the first call; each is built once and closed by {@link #close()}.
 * One scanner runs one scan; {@link #close()} may be called from any thread, a shutdown hook
 * included, and cuts a running scan short.
 */
public final class LiveScanner implements AutoCloseable {

  private final AwsOptions options;
  private final AwsClients clients;
  private final AccountPlanner planner;
  private final AtomicBoolean scanStarted = new AtomicBoolean();
  private final AtomicReference<ScanJob> current = new AtomicReference<>();
  private volatile boolean closed;
  // Resource Explorer as this scan uses it; null until the scan asks for it.
  private volatile ExplorerSource explorer;

  /**
   * A scanner with the SDK's default credential chain (or {@code --profile}) and adaptive retries.
   *
   * @throws io.tagscan.model.InputException when the accounts file cannot be read or has a bad line
   */
  public LiveScanner(AwsOptions options) {
    this(options, ClientSettings.defaults());
  }

  /** A scanner whose clients get {@code settings}: fixed credentials and retries for tests. */
  public LiveScanner(AwsOptions options, ClientSettings settings) {
    this.options = Objects.requireNonNull(options, "options");
    this.clients = new AwsClients(options, Objects.requireNonNull(settings, "settings"));
    this.planner = AccountPlanner.of(options, clients);
  }

  /** As {@link #accounts(ScanListener)}, telling no one of the problems short of failing. */
  public List<Account> accounts() {
    return accounts(resource -> {});
  }

  /**
   * The accounts a scan would cover, sorted by id, with name, state and tags where Organizations
   * tells them; an account Organizations could not describe is preceded by an {@code error} to the
   * listener, which hears nothing else.
   *
   * @throws LiveScanException when the account list itself cannot be read
   * @throws UsageException when no region is configured
   */
  public List<Account> accounts(ScanListener listener) {
    Objects.requireNonNull(listener, "listener");
    ScanJob job = begin(listener);
    try {
      AccountDirectory directory =
          new AccountDirectory(clients, Partitions.partitionOf(clients.homeRegion()));
      List<ScanError> listingErrors = new ArrayList<>();
      AccountPlanner.Plan plan = planner.plan(directory, false, listingErrors::add);
      if (!listingErrors.isEmpty()) {
        throw new LiveScanException(listingErrors);
      }
      List<Account> accounts = directory.describeAll(plan, job.lookups, job.gate::error);
      job.rethrowFailure();
      return accounts;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      job.cutShort();
      throw new CancellationException("interrupted while describing accounts");
    } catch (ExecutionException e) {
      Throwable cause = AwsFailures.unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("describing accounts failed", cause);
    } finally {
      end(job);
    }
  }

  /**
   * The regions a scan would cover, sorted: {@code --regions}, the partition's regions with {@code
   * --all-regions}, else the home region. Makes no AWS call.
   *
   * @throws UsageException when no region is configured
   */
  public List<String> regions() {
    return planner.regions(clients.homeRegion());
  }

  /**
   * Reads every account × region, telling the listener as it goes, and returns when done or when
   * {@link #close()} cuts the scan short.
   *
   * @throws UsageException before the listener hears anything, when no region is configured or the
   *     options ask to scan other accounts without a role to get into them
   * @throws RuntimeException the first exception the listener threw, after the scan stopped
   */
  public LiveScanResult scan(ScanListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (!scanStarted.compareAndSet(false, true)) {
      throw new IllegalStateException("a LiveScanner runs one scan");
    }
    ScanJob job = begin(listener);
    LiveScanResult alone = null;
    try {
      alone = run(job);
    } catch (RuntimeException | Error e) {
      if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
        // Interrupted while still listing accounts on this thread: stop as close() would.
        job.cutShort();
      }
      if (!job.stopped() || job.gate.failure() != null) {
        throw e;
      }
    } finally {
      end(job);
    }
    job.rethrowFailure();
    LiveScanResult result = alone != null ? alone : job.result();
    ExplorerSource used = explorer;
    return used == null ? result : result.withExplorer(used.coverage(), used.notes());
  }

  /**
   * Stops a running scan (it returns promptly, incomplete; the listener hears nothing once this
   * returns) and closes every SDK client and credentials provider. Safe from any thread, twice.
   */
  @Override
  public void close() {
    closed = true;
    ScanJob job = current.get();
    if (job != null) {
      job.cutShort();
    }
    clients.close();
  }

  /** How many Tagging API clients exist; one per region read, shared by its accounts. */
  int taggingClientCount() {
    return clients.taggingClientCount();
  }

  /** Runs the scan; returns its result when Resource Explorer alone was read, else null. */
  private LiveScanResult run(ScanJob job) {
    String home = clients.homeRegion();
    String partition = Partitions.partitionOf(home);
    List<String> regions = planner.regions(home);
    AccountDirectory directory = new AccountDirectory(clients, partition);
    ExplorerOptions.Mode mode = options.explorer().mode();
    if (mode == ExplorerOptions.Mode.RESOURCE_EXPLORER) {
      ExplorerSource alone = new ExplorerSource(options, clients, home);
      explorer = alone;
      return ExplorerAlone.run(options, planner, directory, clients, job, alone);
    }
    AccountPlanner.Plan plan = planner.plan(directory, true, job.gate::error);
    ExplorerSource beside = null;
    if (mode != ExplorerOptions.Mode.TAGGING_API && !plan.ids().isEmpty() && !regions.isEmpty()) {
      ExplorerSource candidate = new ExplorerSource(options, clients, home);
      explorer = candidate;
      if (candidate.find(job.gate::error)) {
        if (mode == ExplorerOptions.Mode.AUTO) {
          // Never fail a scan that passed before a view was set up: a failed listing is a note.
          beside = candidate.collectOrLeave(Set.copyOf(plan.ids()), regions) ? candidate : null;
        } else {
          beside = candidate;
          if (!candidate.collect(Set.copyOf(plan.ids()), regions, job.gate::error)) {
            job.partial();
          }
        }
      } else if (mode == ExplorerOptions.Mode.COMBINED) {
        job.partial();
      }
    }
    job.planned(plan.ids().size(), regions, plan.complete());
    job.gate.unitsPlanned(Math.multiplyExact(plan.ids().size(), regions.size()));
    if (plan.ids().isEmpty() || regions.isEmpty()) {
      return null;
    }
    String globalRegion = Partitions.globalResourceRegion(partition);
    TaggingReader reader = new TaggingReader(options.resourceTypes(), globalRegion);
    PairReader pairs = new PairReader(options, clients, job, reader, home, beside);
    AccountEntry entry =
        new AccountEntry(
            job,
            clients,
            planner,
            directory,
            pairs,
            partition,
            AccountPlanner.pairOrder(regions, globalRegion));
    for (String id : plan.ids()) {
      if (job.stopped()) {
        break;
      }
      entry.start(id, plan.listed().get(id));
    }
    job.awaitFinished();
    return null;
  }

  private ScanJob begin(ScanListener listener) {
    if (closed) {
      throw new IllegalStateException("the scanner is closed");
    }
    ScanJob job = new ScanJob(listener, options.concurrency());
    if (!current.compareAndSet(null, job)) {
      job.end();
      throw new IllegalStateException("a LiveScanner does one thing at a time");
    }
    if (closed) {
      job.cutShort();
    }
    return job;
  }

  private void end(ScanJob job) {
    job.end();
    current.compareAndSet(job, null);
  }
}
