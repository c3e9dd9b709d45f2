package io.tagscan.inventory.aws;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Account;
import io.tagscan.model.Resource;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import io.tagscan.model.UsageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reads live AWS accounts: finds the accounts (STS, Organizations), gets into each (its own
 * credentials or an STS role), and reads every account × region through the Tagging API, in
 * parallel up to {@link AwsOptions#concurrency()}, handing resources to a {@link ScanListener} as
 * pages arrive.
 *
 * <p>What the listener hears, from the scan's own threads: {@code unitsPlanned} once the accounts
 * and regions are known; for each account, {@code account} before any of its resources; {@code
 * resource} once per distinct ARN of the account; {@code error} for each thing that could not be
 * read; {@code unitDone} once per account × region. Errors are data and the scan goes on:
 *
 * <ul>
 *   <li>{@code AssumeRole} refused: one error (region empty); every region of that account ends
 *       incomplete.
 *   <li>{@code GetResources} failing after the SDK's retries (server errors, throttling, an expired
 *       pagination token, access denied): one error for the account × region, which ends
 *       incomplete.
 *   <li>A region not enabled for the account: one error with code {@link
 *       ScanError#REGION_NOT_ENABLED}; the region ends complete (nothing there to read) and the
 *       scan stays complete.
 *   <li>A SageMaker listing failing: one error naming its operation; the other listings still run
 *       and the account × region ends incomplete.
 *   <li>A listing handing back a pagination token it gave before: an error with code {@code
 *       PaginationLoop} for that listing, which ends there.
 *   <li>Organizations unable to name or tag an account: an error with operation {@code
 *       DescribeAccount} or {@code ListTagsForResource}, before that account's {@code account}
 *       call, naming the account, or naming none when Organizations refuses the caller outright
 *       (then every account is kept by id alone). An account whose tags are unknown makes the scan
 *       incomplete.
 *   <li>The account list itself failing ({@code GetCallerIdentity}, {@code ListAccounts}, {@code
 *       ListAccountsForParent}, {@code ListOrganizationalUnitsForParent}): an error with no
 *       account; the accounts that could be listed are scanned and the scan is incomplete.
 * </ul>
 *
 * <p>No SDK client exists before the first call; each is built once and closed by {@link #close()}.
 * One scanner runs one scan; {@link #close()} may be called from any thread, a shutdown hook
 * included, and cuts a running scan short.
 */
public final class LiveScanner implements AutoCloseable {

  /** The {@link ScanError#code()} of a region skipped because the account has not enabled it. */

  /** {@code ListTags} calls in flight at once for each account × region's SageMaker listing. */
  static final int SAGEMAKER_TAGS_CONCURRENCY = 4;

  private static final String SAGEMAKER = "sagemaker";

  private final AwsOptions options;
  private final AwsClients clients;
  private final List<String> fileAccounts;
  private final AtomicBoolean scanStarted = new AtomicBoolean();
  private final AtomicReference<Job> current = new AtomicReference<>();
  private volatile boolean closed;

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
    this.fileAccounts =
        options.accountsFile() == null ? List.of() : AccountsFile.read(options.accountsFile());
  }

  /**
   * The accounts a scan would cover, sorted by id, with name, state and tags where Organizations
   * tells them; problems short of that go nowhere (use {@link #accounts(ScanListener)} to hear
   * them).
   *
   * @throws LiveScanException when the account list itself cannot be read
   * @throws UsageException when no region is configured
   */
  public List<Account> accounts() {
    return accounts(resource -> {});
  }

  /**
   * The accounts a scan would cover, sorted by id; an account Organizations could not describe is
   * preceded by an {@code error} to the listener, which hears nothing else.
   *
   * @throws LiveScanException when the account list itself cannot be read
   * @throws UsageException when no region is configured
   */
  public List<Account> accounts(ScanListener listener) {
    Objects.requireNonNull(listener, "listener");
    Job job = begin(listener);
    try {
      String partition = Partitions.partitionOf(clients.homeRegion());
      AccountDirectory directory = new AccountDirectory(clients, partition);
      List<ScanError> listingErrors = new ArrayList<>();
      AccountPlan plan = planAccounts(directory, false, partition, listingErrors::add);
      if (!listingErrors.isEmpty()) {
        throw new LiveScanException(listingErrors);
      }
      List<CompletableFuture<Account>> described = new ArrayList<>();
      for (String id : plan.ids()) {
        described.add(directory.describe(id, plan.listed().get(id), job.lookups, job.gate::error));
      }
      List<Account> accounts = new ArrayList<>();
      for (CompletableFuture<Account> account : described) {
        accounts.add(account.get());
      }
      rethrowFailure(job);
      return List.copyOf(accounts);
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
    String home = clients.homeRegion();
    return regionsToScan(home, Partitions.partitionOf(home));
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
    Job job = begin(listener);
    try {
      run(job);
    } catch (RuntimeException | Error e) {
      if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
        // Interrupted while still listing accounts on this thread: stop as close() would.
        job.cutShort();
      }
      if (!job.stopped || job.gate.failure() != null) {
        throw e;
      }
    } finally {
      end(job);
    }
    rethrowFailure(job);
    return job.result();
  }

  /**
   * Stops a running scan (it returns promptly, incomplete; the listener hears nothing once this
   * returns) and closes every SDK client and credentials provider. Safe from any thread, twice.
   */
  @Override
  public void close() {
    closed = true;
    Job job = current.get();
    if (job != null) {
      job.cutShort();
    }
    clients.close();
  }

  /** How many SageMaker clients exist; one per account × region where SageMaker was listed. */
  int sagemakerClientCount() {
    return clients.sagemakerClientCount();
  }

  /** How many Tagging API clients exist; one per account × region read. */
  int taggingClientCount() {
    return clients.taggingClientCount();
  }

  private void run(Job job) {
    String home = clients.homeRegion();
    String partition = Partitions.partitionOf(home);
    job.regions = regionsToScan(home, partition);
    AccountDirectory directory = new AccountDirectory(clients, partition);
    AccountPlan plan = planAccounts(directory, true, partition, job.gate::error);
    job.listingComplete = plan.complete();
    job.requested = plan.ids().size();
    job.gate.unitsPlanned(Math.multiplyExact(plan.ids().size(), job.regions.size()));
    if (plan.ids().isEmpty() || job.regions.isEmpty()) {
      return;
    }
    job.accountsLeft.set(plan.ids().size());
    String globalRegion = Partitions.globalResourceRegion(partition);
    TaggingReader reader = new TaggingReader(options.resourceTypes(), globalRegion);
    List<String> pairOrder = pairOrder(job.regions, globalRegion);
    for (String id : plan.ids()) {
      if (job.stopped) {
        break;
      }
      startAccount(job, directory, plan.listed().get(id), id, partition, home, reader, pairOrder);
    }
    try {
      job.finished.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      job.cutShort();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the scan's completion cannot fail", e);
    }
  }

  /**
   * Gets the account's name and tags and its credentials side by side; when both are in, tells the
   * listener of the account and queues its regions.
   */
  private void startAccount(
      Job job,
      AccountDirectory directory,
      Account listed,
      String id,
      String partition,
      String home,
      TaggingReader reader,
      List<String> regions) {
    try {
      CompletableFuture<Account> described =
          directory.describe(id, listed, job.lookups, job.gate::error);
      CompletableFuture<Entry> entered =
          CompletableFuture.supplyAsync(() -> credentialsFor(id, partition), job.pairs)
              .handle((provider, failure) -> new Entry(provider, failure));
      described
          .thenCombine(
              entered,
              (account, entry) -> {
                enter(job, account, entry, home, reader, regions);
                return account;
              })
          .whenComplete(
              (account, failure) -> {
                if (failure != null) {
                  job.fail(failure);
                }
              });
    } catch (RuntimeException e) {
      job.fail(e);
    }
  }

  private void enter(
      Job job,
      Account account,
      Entry entry,
      String home,
      TaggingReader reader,
      List<String> regions) {
    if (job.stopped) {
      return;
    }
    job.gate.account(account);
    if (!account.tagsKnown()) {
      // Its own tags could not be read: the account is there, the scan is not whole.
      job.partial = true;
    }
    if (entry.failure() != null) {
      Throwable failure = AwsFailures.unwrap(entry.failure());
      if (!(failure instanceof SdkException sdk)) {
        job.fail(failure);
        return;
      }
      if (AwsFailures.credentialsExpired(sdk)) {
        // AssumeRole is signed with the caller's own credentials: no account can be entered.
        job.fail(clients.expiredCredentials(AwsFailures.code(sdk)));
        return;
      }
      job.gate.error(AwsFailures.error(account.id(), "", "AssumeRole", sdk));
      for (String region : regions) {
        job.gate.unitDone(account.id(), region, false);
      }
      job.accountFinished(false);
      return;
    }
    AccountRun run = new AccountRun(account.id(), entry.provider(), regions.size());
    for (String region : regions) {
      job.pairs.execute(() -> readPair(job, run, region, home, reader));
    }
  }

  private void readPair(Job job, AccountRun run, String region, String home, TaggingReader reader) {
    if (job.stopped) {
      return;
    }
    SageMakerPair sagemaker = wantsSageMaker() ? new SageMakerPair(job, run, region) : null;
    boolean complete;
    try {
      if (sagemaker != null) {
        sagemaker.discoverDomains();
      }
      Consumer<Resource> out =
          sagemaker == null
              ? resource -> {
                run.markRead();
                job.gate.resource(resource);
              }
              : resource -> {
                run.markRead();
                sagemaker.fromTaggingApi(resource);
                job.gate.resource(resource);
              };
      reader.read(
          clients.tagging(run.accountId, region, run.credentials),
          run.accountId,
          region,
          run.seen,
          out,
          () -> job.stopped);
      run.markRead();
      complete = true;
      if (sagemaker != null) {
        complete = sagemaker.discoverResources();
      }
    } catch (SdkException e) {
      if (job.stopped) {
        return;
      }
      if (!options.hasRole() && AwsFailures.credentialsExpired(e)) {
        job.fail(clients.expiredCredentials(AwsFailures.code(e)));
        return;
      }
      if (AwsFailures.regionNotEnabled(e, region, home)) {
        // SageMaker's refusals in a region that is not enabled say nothing more; they are dropped.
        job.gate.error(
            new ScanError(
                run.accountId,
                region,
                "GetResources",
                ScanError.REGION_NOT_ENABLED,
                "region "
                    + region
                    + " is not enabled for this account, so it was skipped (AWS answered "
                    + AwsFailures.code(e)
                    + ": "
                    + AwsFailures.message(e)
                    + ")"));
        run.markRead();
        complete = true;
      } else {
        if (sagemaker != null) {
          sagemaker.releaseHeldErrors();
        }
        job.gate.error(AwsFailures.error(run.accountId, region, "GetResources", e));
        complete = false;
      }
    } catch (RuntimeException | Error e) {
      job.fail(e);
      return;
    }
    if (sagemaker != null && job.stopped) {
      // Discovery cut short by close(): its failure says nothing about the account.
      return;
    }
    job.gate.unitDone(run.accountId, region, complete);
    if (!complete) {
      job.partial = true;
    }
    if (run.pairsLeft.decrementAndGet() == 0) {
      job.accountFinished(run.readSomething);
    }
  }

  /**
   * True when SageMaker is to be listed: not turned off, and {@code --resource-types}, if given,
   * names SageMaker or one of its types.
   */
  private boolean wantsSageMaker() {
    if (!options.sagemaker()) {
      return false;
    }
    if (options.resourceTypes().isEmpty()) {
      return true;
    }
    for (String type : options.resourceTypes()) {
      if (type.equals(SAGEMAKER) || type.startsWith(SAGEMAKER + ":")) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code --resource-types} lets a resource of this type through. */
  private boolean typeWanted(String resourceType) {
    if (options.resourceTypes().isEmpty()) {
      return true;
    }
    for (String type : options.resourceTypes()) {
      if (type.equals(resourceType) || type.equals(SAGEMAKER)) {
        return true;
      }
    }
    return false;
  }

  /**
   * SageMaker discovery in one account × region, around the pair's {@code GetResources}: domains
   * first, so the listener knows their tags before any resource; then the listing, passing on what
   * the Tagging API did not return. Its errors make the pair incomplete.
   */
  private final class SageMakerPair implements ScanListener {
    private final Job job;
    private final AccountRun run;
    private final String region;
    private final SageMakerDiscovery discovery;
    // Lower case, as SageMaker writes many ARNs whatever the name's case; dropped with the pair.
    private final Set<String> fromTaggingApi = ConcurrentHashMap.newKeySet();
    private final List<ScanError> heldErrors = new ArrayList<>();
    private volatile boolean holdErrors = true;
    private volatile boolean failed;

    SageMakerPair(Job job, AccountRun run, String region) {
      this.job = job;
      this.run = run;
      this.region = region;
      this.discovery =
          new SageMakerDiscovery(
              clients.sagemaker(run.accountId, region, run.credentials),
              run.accountId,
              region,
              Instant.now().minus(options.sagemakerSince()),
              SAGEMAKER_TAGS_CONCURRENCY);
    }

    void discoverDomains() {
      discovery.discoverDomains(this);
    }

    void fromTaggingApi(Resource resource) {
      if (resource.resourceType().equals(SAGEMAKER)
          || resource.resourceType().startsWith(SAGEMAKER + ":")) {
        fromTaggingApi.add(resource.arn().toLowerCase(Locale.ROOT));
      }
    }

    /** Lists the rest after {@code GetResources}; false when SageMaker could not be read whole. */
    boolean discoverResources() {
      releaseHeldErrors();
      SageMakerCounts counts =
          discovery.discoverResources(
              arn -> fromTaggingApi.contains(arn.toLowerCase(Locale.ROOT)), this);
      if (!job.stopped && (!fromTaggingApi.isEmpty() || counts.listed() > 0)) {
        job.coverage.add(
            new SageMakerCoverage(
                run.accountId,
                region,
                fromTaggingApi.size(),
                counts.listed(),
                counts.onlyFromListing()));
      }
      return !failed;
    }

    /**
     * Tells the errors met while listing domains, held until {@code GetResources} showed whether
     * the region is enabled at all.
     */
    synchronized void releaseHeldErrors() {
      holdErrors = false;
      for (ScanError error : heldErrors) {
        job.gate.error(error);
      }
      heldErrors.clear();
    }

    @Override
    public void resource(Resource resource) {
      if (typeWanted(resource.resourceType()) && run.seen.add(resource.arn())) {
        job.gate.resource(resource);
      }
    }

    @Override
    public void domain(String domainArn, SortedMap<String, String> tags) {
      job.gate.domain(domainArn, tags);
    }

    @Override
    public void error(ScanError error) {
      failed = true;
      synchronized (this) {
        if (holdErrors) {
          heldErrors.add(error);
          return;
        }
      }
      job.gate.error(error);
    }
  }

  /**
   * Credentials for the account: the caller's own without a role; else the role's, fetched now so
   * that a refusal fails the account once rather than each of its regions.
   */
  private AwsCredentialsProvider credentialsFor(String accountId, String partition) {
    if (!options.hasRole()) {
      return clients.callerCredentials();
    }
    AwsCredentialsProvider role = clients.assumeRole(options.roleArn(partition, accountId));
    role.resolveCredentials();
    return role;
  }

  private AccountPlan planAccounts(
      AccountDirectory directory,
      boolean forScan,
      String partition,
      Consumer<ScanError> listingErrors) {
    boolean role = options.hasRole();
    if (forScan && !role && (options.org() || !options.ous().isEmpty())) {
      throw new UsageException(
          "--org and --ou scan other accounts, which needs --role-name or --role-arn to get into"
              + " each of them");
    }
    clients.requireCallerCredentials();
    TreeSet<String> named = new TreeSet<>(options.accounts());
    named.addAll(fileAccounts);
    String caller = null;
    if (!options.namesAccounts() || (forScan && !role)) {
      try {
        caller = directory.callerAccount();
      } catch (AccountDirectory.FailedCall failed) {
        rejectExpired(failed.failure());
        listingErrors.accept(failed.toError(""));
        return new AccountPlan(List.of(), Map.of(), false);
      }
    }
    if (forScan && !role) {
      Set<String> others = new TreeSet<>(named);
      others.remove(caller);
      if (!others.isEmpty()) {
        throw new UsageException(
            "without --role-name or --role-arn only the caller's own account ("
                + caller
                + ") can be scanned, but the accounts asked for include "
                + others.stream().limit(5).collect(Collectors.joining(", "))
                + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : ""));
      }
    }
    boolean complete = true;
    Map<String, Account> listed = new TreeMap<>();
    if (options.org()) {
      try {
        directory.listOrganization(listed);
      } catch (AccountDirectory.FailedCall failed) {
        rejectExpired(failed.failure());
        listingErrors.accept(failed.toError(""));
        complete = false;
      }
    }
    for (String ou : options.ous()) {
      try {
        directory.listUnder(ou, listed);
      } catch (AccountDirectory.FailedCall failed) {
        rejectExpired(failed.failure());
        listingErrors.accept(failed.toError(""));
        complete = false;
      }
    }
    TreeSet<String> ids = new TreeSet<>(named);
    ids.addAll(listed.keySet());
    if (!options.namesAccounts()) {
      ids.add(caller);
    }
    ids.removeAll(options.excludeAccounts());
    if (forScan && role && !options.roleArnVariesByAccount() && ids.size() > 1) {
      throw new UsageException(
          "--role-arn has no {account} placeholder, so it names one role for "
              + ids.size()
              + " accounts; write it as arn:{partition}:iam::{account}:role/NAME");
    }
    listed.keySet().retainAll(ids);
    return new AccountPlan(List.copyOf(ids), listed, complete);
  }

  /** Stops the run when AWS says the caller's own credentials have expired. */
  private void rejectExpired(SdkException failure) {
    if (AwsFailures.credentialsExpired(failure)) {
      throw clients.expiredCredentials(AwsFailures.code(failure));
    }
  }

  private List<String> regionsToScan(String home, String partition) {
    if (!options.regions().isEmpty()) {
      return List.copyOf(new TreeSet<>(options.regions()));
    }
    if (options.allRegions()) {
      List<String> regions = Partitions.taggingRegions(partition);
      return regions.isEmpty() ? List.of(home) : regions;
    }
    return List.of(home);
  }

  /**
   * The global-resource region first (it usually holds the most resources, and the longest chain of
   * pages should start early), then the others in name order.
   */
  private static List<String> pairOrder(List<String> regions, String globalRegion) {
    List<String> order = new ArrayList<>(regions.size());
    if (globalRegion != null && regions.contains(globalRegion)) {
      order.add(globalRegion);
    }
    for (String region : regions) {
      if (!region.equals(globalRegion)) {
        order.add(region);
      }
    }
    return List.copyOf(order);
  }

  private Job begin(ScanListener listener) {
    if (closed) {
      throw new IllegalStateException("the scanner is closed");
    }
    Job job = new Job(listener, options.concurrency());
    if (!current.compareAndSet(null, job)) {
      job.end();
      throw new IllegalStateException("a LiveScanner does one thing at a time");
    }
    if (closed) {
      job.cutShort();
    }
    return job;
  }

  private void end(Job job) {
    job.end();
    current.compareAndSet(job, null);
  }

  private static void rethrowFailure(Job job) {
    Throwable failure = job.gate.failure() != null ? job.gate.failure() : job.internal.get();
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException("the scan failed", failure);
    }
  }

  private record AccountPlan(List<String> ids, Map<String, Account> listed, boolean complete) {}

  private record Entry(AwsCredentialsProvider provider, Throwable failure) {}

  /** One account being read: its credentials, its regions still running, the ARNs it has seen. */
  private static final class AccountRun {
    final String accountId;
    final AwsCredentialsProvider credentials;
    final AtomicInteger pairsLeft;
    // Per account, dropped with it, so memory follows the accounts in flight, not all of them.
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    // True once any of its pairs read a page or was skipped as not enabled.
    volatile boolean readSomething;

    AccountRun(String accountId, AwsCredentialsProvider credentials, int pairs) {
      this.accountId = accountId;
      this.credentials = credentials;
      this.pairsLeft = new AtomicInteger(pairs);
    }

    void markRead() {
      if (!readSomething) {
        readSomething = true;
      }
    }
  }

  /** One call of {@link #scan} or {@link #accounts}: its threads, listener gate and tallies. */
  private static final class Job {
    static final int ORGANIZATIONS_CONCURRENCY = 4;

    final ListenerGate gate;
    final ThreadPoolExecutor pairs;
    final ThreadPoolExecutor lookups;
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    final AtomicReference<Throwable> internal = new AtomicReference<>();
    final AtomicInteger accountsLeft = new AtomicInteger();
    final AtomicInteger scanned = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final Queue<SageMakerCoverage> coverage = new ConcurrentLinkedQueue<>();
    volatile List<String> regions = List.of();
    volatile int requested;
    volatile boolean listingComplete = true;
    // An account × region or an account's own tags could not be read whole.
    volatile boolean partial;
    volatile boolean stopped;

    Job(ScanListener listener, int concurrency) {
      this.gate = new ListenerGate(listener, this::cutShort);
      // Account × region pairs and role sessions share one bound. Organizations lookups get
      // threads of their own, so they never hold a pair back, but few: the whole organization
      // shares one endpoint and one low request quota.
      this.pairs = pool("tagscan-aws", concurrency);
      this.lookups = pool("tagscan-org", Math.min(concurrency, ORGANIZATIONS_CONCURRENCY));
    }

    /** Counts the account as scanned when anything of it was read, else as failed. */
    void accountFinished(boolean readAnything) {
      (readAnything ? scanned : failed).incrementAndGet();
      if (accountsLeft.decrementAndGet() == 0) {
        finished.complete(null);
      }
    }

    /** Something that is not an AWS failure went wrong (a bug): stop and report it. */
    void fail(Throwable failure) {
      if (stopped) {
        return;
      }
      internal.compareAndSet(null, AwsFailures.unwrap(failure));
      cutShort();
    }

    /** Stops everything at once: no more listener calls, threads interrupted. */
    void cutShort() {
      stopped = true;
      finished.complete(null);
      gate.close();
      pairs.shutdownNow();
      lookups.shutdownNow();
    }

    void end() {
      gate.close();
      pairs.shutdownNow();
      lookups.shutdownNow();
    }

    LiveScanResult result() {
      int whole = scanned.get();
      int broken = failed.get();
      boolean complete =
          !stopped && listingComplete && !partial && broken == 0 && whole == requested;
      return new LiveScanResult(requested, whole, broken, regions, complete, List.copyOf(coverage));
    }

    private static ThreadPoolExecutor pool(String name, int size) {
      AtomicInteger count = new AtomicInteger();
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              size,
              size,
              10,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              task -> {
                Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }
}
