package io.tagscan.inventory.aws;

import io.tagscan.inventory.Arn;
import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;

/**
 * Finds the SageMaker resources of one account and region by listing them, because the Tagging API
 * never returns a resource that was never tagged, and reads the tags of those the Tagging API did
 * not return. The kinds listed are the declarations of {@link SageMakerKinds}.
 *
 * <p>Use one instance per account × region, from one thread: first {@link #discoverDomains}, before
 * the pair's {@code GetResources}, so that listeners know each domain's tags before any resource
 * created in it; then {@link #discoverResources} with the ARNs {@code GetResources} returned.
 *
 * <p>A list call (or {@code ListTags}) that fails once the client's retries are spent, or that
 * hands back a pagination token it gave before, is reported as one {@link ScanError} naming the
 * operation and ends the listing of that kind only; nothing is thrown. A resource deleted between
 * its listing and {@code ListTags} is skipped and counted. {@code ListTags} calls run on the
 * executor given (a live scan shares one among every pair), at most {@code listTagsConcurrency} of
 * this discovery's at once, and list pages are read one at a time, so memory holds one page and the
 * calls in flight.
 */
public final class SageMakerDiscovery {

  /** The name of the threads that read tags, numbered. */
  static final String TAG_THREADS = "tagscan-sagemaker-tags";

  private final SageMakerClient client;
  private final SageMakerTags tags;
  private final String accountId;
  private final String region;
  private final String partition;
  private final Instant jobsCreatedAfter;
  private final int listTagsConcurrency;
  private final Executor tagReads;

  /** Each domain's tags, in listing order; null until {@link #discoverDomains} ran. */
  private Map<String, SortedMap<String, String>> domains;

  private int domainsGone;
  private boolean resourcesDiscovered;

  /**
   * Prepares discovery for one account and region, reading tags on threads of its own (a few, for
   * each {@link #discoverResources} call).
   *
   * @param client a client already configured for the account and region (credentials, endpoint,
   *     retry mode); this class does not close it
   * @param jobsCreatedAfter only the kinds {@link SageMakerKind#timeWindowed()} created after this
   *     instant are listed (training, processing, transform, tuning and recommendation jobs); null
   *     lists them all
   * @param listTagsConcurrency how many {@code ListTags} calls may be in flight at once
   */
  public SageMakerDiscovery(
      SageMakerClient client,
      String accountId,
      String region,
      Instant jobsCreatedAfter,
      int listTagsConcurrency) {
    this(client, accountId, region, jobsCreatedAfter, listTagsConcurrency, null);
  }

  /**
   * As {@link #SageMakerDiscovery(SageMakerClient, String, String, Instant, int)}, reading tags on
   * {@code tagReads}, which may serve other discoveries too; null for threads of its own.
   */
  SageMakerDiscovery(
      SageMakerClient client,
      String accountId,
      String region,
      Instant jobsCreatedAfter,
      int listTagsConcurrency,
      Executor tagReads) {
    this.client = Objects.requireNonNull(client, "client");
    this.tags = new SageMakerTags(client);
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.region = Objects.requireNonNull(region, "region");
    if (listTagsConcurrency < 1) {
      throw new IllegalArgumentException("listTagsConcurrency must be at least 1");
    }
    this.partition = Partitions.partitionOf(region);
    this.jobsCreatedAfter = jobsCreatedAfter;
    this.listTagsConcurrency = listTagsConcurrency;
    this.tagReads = tagReads;
  }

  /**
   * Lists the domains and reads their tags, telling each through {@link ScanListener#domain}; call
   * it before the pair's {@code GetResources}.
   *
   * @return the ARNs of the domains told, in listing order
   */
  public List<String> discoverDomains(ScanListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (domains != null) {
      throw new IllegalStateException("the domains were already discovered");
    }
    domains = new LinkedHashMap<>();
    PageTokens tokens = new PageTokens("ListDomains");
    try {
      for (ListDomainsResponse page :
          client.listDomainsPaginator(r -> r.maxResults(SageMakerKinds.PAGE_SIZE))) {
        for (DomainDetails domain : page.domains()) {
          String arn = domain.domainArn();
          if (arn == null || arn.isEmpty()) {
            continue;
          }
          SortedMap<String, String> domainTags;
          try {
            domainTags = tags.read(arn);
          } catch (SdkException failure) {
            if (SageMakerTags.isGone(failure)) {
              domainsGone++;
              continue;
            }
            // Ends the domain listing, keeping the domains read so far; the other kinds are still
            // listed by discoverResources.
            listener.error(error("ListTags", failure));
            return List.copyOf(domains.keySet());
          }
          domains.put(arn, domainTags);
          listener.domain(arn, domainTags);
        }
        tokens.more(page.nextToken());
      }
    } catch (SdkException failure) {
      listener.error(error("ListDomains", failure));
    }
    return List.copyOf(domains.keySet());
  }

  /**
   * Lists every other kind of SageMaker resource and passes on, with {@link Source#SAGEMAKER} and
   * the tags {@code ListTags} gives, each one {@code alreadyFound} rejects; domains found by {@link
   * #discoverDomains} that {@code alreadyFound} rejects are passed on too, with the tags read then.
   *
   * <p>Each kind fails on its own: a list call that fails (after the client's retries, or on a
   * repeated token) ends that kind's listing with one error naming the operation, and so does the
   * first {@code ListTags} call of that kind that fails; every other kind is still listed.
   *
   * @param alreadyFound true for the ARNs the Tagging API returned for this account and region;
   *     called from this thread only
   * @throws CancellationException when the thread is interrupted while waiting for {@code ListTags}
   *     calls (the interrupt flag is kept)
   */
  public SageMakerCounts discoverResources(Predicate<String> alreadyFound, ScanListener listener) {
    Objects.requireNonNull(alreadyFound, "alreadyFound");
    Objects.requireNonNull(listener, "listener");
    if (domains == null) {
      throw new IllegalStateException("discoverDomains must run first");
    }
    if (resourcesDiscovered) {
      throw new IllegalStateException("the resources were already discovered");
    }
    resourcesDiscovered = true;
    Run run = new Run(listener, alreadyFound);
    run.listed = domainsGone;
    run.skippedDeleted.set(domainsGone);
    for (Map.Entry<String, SortedMap<String, String>> domain : domains.entrySet()) {
      run.listed++;
      if (found(alreadyFound, domain.getKey())) {
        run.alsoFromTaggingApi++;
      } else {
        run.onlyFromListing.incrementAndGet();
        listener.resource(resource(domain.getKey(), domain.getValue()));
      }
    }

    List<KindRun> started = new ArrayList<>(SageMakerKinds.ALL_KINDS.size());
    ExecutorService own =
        tagReads == null ? DaemonPools.pool(TAG_THREADS, listTagsConcurrency) : null;
    Executor executor = own != null ? own : tagReads;
    try {
      for (SageMakerKind<?, ?> kind : SageMakerKinds.ALL_KINDS) {
        KindRun kindRun = new KindRun();
        started.add(kindRun);
        if (!list(kind, run, kindRun, executor)) {
          break;
        }
      }
      // Every slot back means every ListTags call has ended.
      run.slots.acquire(listTagsConcurrency);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new CancellationException("SageMaker discovery was interrupted");
    } finally {
      if (own != null) {
        own.shutdownNow();
      }
    }
    if (run.bug.get() != null) {
      throw run.bug.get();
    }
    for (KindRun kindRun : started) {
      ScanError failure = kindRun.failure.get();
      if (failure != null) {
        listener.error(failure);
      }
    }
    return new SageMakerCounts(
        run.listed, run.alsoFromTaggingApi, run.onlyFromListing.get(), run.skippedDeleted.get());
  }

  /**
   * Lists one kind through its paginator, handing each resource the Tagging API did not return to
   * the executor for its tags.
   *
   * @return false when a listener's bug stops every kind
   */
  private <P, S> boolean list(SageMakerKind<P, S> kind, Run run, KindRun kindRun, Executor executor)
      throws InterruptedException {
    Instant after = kind.timeWindowed() ? jobsCreatedAfter : null;
    PageTokens tokens = new PageTokens(kind.operation());
    try {
      for (P page : kind.pages().apply(client, after)) {
        for (S summary : kind.summaries().apply(page)) {
          if (run.bug.get() != null) {
            return false;
          }
          if (kindRun.failure.get() != null) {
            // Its tags cannot be read, so listing more of this kind would only lose them.
            return true;
          }
          String arn = kind.arnOf(summary, after, partition, region, accountId);
          if (arn == null) {
            continue;
          }
          run.listed++;
          if (found(run.alreadyFound, arn)) {
            run.alsoFromTaggingApi++;
          } else {
            run.slots.acquire();
            try {
              executor.execute(() -> readAndReport(arn, run, kindRun));
            } catch (RuntimeException refused) {
              run.slots.release();
              throw refused;
            }
          }
        }
        tokens.more(kind.nextToken().apply(page));
      }
    } catch (SdkException failure) {
      if (failure instanceof AbortedException || Thread.currentThread().isInterrupted()) {
        // Stopped, not failed: the other kinds would be cut short just the same.
        Thread.currentThread().interrupt();
        throw new CancellationException("SageMaker discovery was interrupted");
      }
      kindRun.fail(error(kind.operation(), failure));
    }
    return true;
  }

  /** Runs on a tag-reading thread: reads one resource's tags and passes the resource on. */
  private void readAndReport(String arn, Run run, KindRun kindRun) {
    try {
      SortedMap<String, String> resourceTags = tags.read(arn);
      run.listener.resource(resource(arn, resourceTags));
      run.onlyFromListing.incrementAndGet();
    } catch (SdkException failure) {
      if (SageMakerTags.isGone(failure)) {
        run.skippedDeleted.incrementAndGet();
      } else {
        kindRun.fail(error("ListTags", failure));
      }
    } catch (RuntimeException unexpected) {
      // A listener's bug, handed back to the calling thread rather than lost on this one.
      run.bug.compareAndSet(null, unexpected);
    } finally {
      run.slots.release();
    }
  }

  /**
   * The state of one {@link #discoverResources} call: counts kept by the calling thread, counts and
   * a listener's bug written by tag-reading threads, and the permits that bound calls in flight.
   */
  private final class Run {
    final ScanListener listener;
    final Predicate<String> alreadyFound;
    final Semaphore slots = new Semaphore(listTagsConcurrency);
    final AtomicInteger onlyFromListing = new AtomicInteger();
    final AtomicInteger skippedDeleted = new AtomicInteger();
    final AtomicReference<RuntimeException> bug = new AtomicReference<>();
    int listed;
    int alsoFromTaggingApi;

    Run(ScanListener listener, Predicate<String> alreadyFound) {
      this.listener = listener;
      this.alreadyFound = alreadyFound;
    }
  }

  /** One kind's listing: the first failure of its list call or of a {@code ListTags} call. */
  private static final class KindRun {
    final AtomicReference<ScanError> failure = new AtomicReference<>();

    void fail(ScanError error) {
      failure.compareAndSet(null, error);
    }
  }

  private Resource resource(String arn, SortedMap<String, String> resourceTags) {
    String type;
    try {
      type = Arn.parse(arn).resourceType();
    } catch (IllegalArgumentException notAnArn) {
      type = "sagemaker";
    }
    return new Resource(arn, accountId, region, type, Source.SAGEMAKER, resourceTags);
  }

  /**
   * True when the Tagging API returned the resource. SageMaker writes many ARNs in lower case
   * whatever the name's case, so an ARN built from a listed name is also looked up in lower case,
   * lest one resource be reported twice.
   */
  private static boolean found(Predicate<String> alreadyFound, String arn) {
    if (alreadyFound.test(arn)) {
      return true;
    }
    String lower = arn.toLowerCase(Locale.ROOT);
    return !lower.equals(arn) && alreadyFound.test(lower);
  }

  private ScanError error(String operation, SdkException failure) {
    return AwsFailures.error(accountId, region, operation, failure);
  }
}
