package io.tagscan.inventory.aws;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;

/**
 * Finds the SageMaker resources of one account and region, because the Tagging API never returns a
 * resource that was never tagged: by {@code Search}, which returns each resource with its tags, for
 * the kinds it covers, and by listing the others and reading the tags of those the Tagging API did
 * not return. The kinds are the declarations of {@link SageMakerKinds}.
 *
 * <p>Use one instance per account × region: first {@link #discoverDomains}, before the pair's
 * {@code GetResources}, so that listeners know each domain's tags before any resource created in
 * it; then {@link #discoverResources} with the ARNs {@code GetResources} returned.
 *
 * <p>A list call (or {@code Search}, or {@code ListTags}) that fails once the client's retries are
 * spent, or that hands back a pagination token it gave before, is reported as one {@link ScanError}
 * naming the operation and ends the listing of that kind only; nothing is thrown. A resource
 * deleted between its listing and {@code ListTags} is skipped and counted. The kinds are listed at
 * once on the executor given (a live scan shares one among every pair), at most {@code
 * callsInFlight} calls of this discovery at a time, and each worker holds at most one page, so
 * memory holds a few pages and the calls in flight.
 */
public final class SageMakerDiscovery {

  /** The name of the threads that list and read tags, numbered. */
  static final String THREADS = "tagscan-sagemaker";

  /**
   * SageMaker calls in flight at once for one account × region in a live scan: listings, searches
   * and {@code ListTags} together. SageMaker throttles per account and region; eight calls keep a
   * pair's twenty listings to three rounds, and the pair's own client slows down (adaptive retry)
   * if SageMaker throttles it all the same.
   */
  static final int CALLS_PER_PAIR = 8;

  private final SageMakerClient client;
  private final SageMakerTags tags;
  private final String accountId;
  private final String region;
  private final Instant jobsCreatedAfter;
  private final int callsInFlight;
  private final Executor calls;

  /** Each domain's tags, in listing order; null until {@link #discoverDomains} ran. */
  private Map<String, SortedMap<String, String>> domains;

  private int domainsGone;
  private boolean resourcesDiscovered;

  /**
   * Prepares discovery for one account and region, making its calls on threads of its own (as many
   * as {@code callsInFlight}, for each {@link #discoverResources} call).
   *
   * @param client a client already configured for the account and region (credentials, endpoint,
   *     retry mode); this class does not close it
   * @param jobsCreatedAfter only the kinds {@link SageMakerKind#timeWindowed()} created after this
   *     instant are listed (training, processing, transform, tuning and recommendation jobs); null
   *     lists them all
   * @param callsInFlight how many SageMaker calls may be in flight at once
   */
  public SageMakerDiscovery(
      SageMakerClient client,
      String accountId,
      String region,
      Instant jobsCreatedAfter,
      int callsInFlight) {
    this(client, accountId, region, jobsCreatedAfter, callsInFlight, null);
  }

  /**
   * As {@link #SageMakerDiscovery(SageMakerClient, String, String, Instant, int)}, making its calls
   * on {@code calls}, which may serve other discoveries too; null for threads of its own.
   */
  SageMakerDiscovery(
      SageMakerClient client,
      String accountId,
      String region,
      Instant jobsCreatedAfter,
      int callsInFlight,
      Executor calls) {
    this.client = Objects.requireNonNull(client, "client");
    this.tags = new SageMakerTags(client);
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.region = Objects.requireNonNull(region, "region");
    if (callsInFlight < 1) {
      throw new IllegalArgumentException("callsInFlight must be at least 1");
    }
    this.jobsCreatedAfter = jobsCreatedAfter;
    this.callsInFlight = callsInFlight;
    this.calls = calls;
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
   * Finds every other kind of SageMaker resource and passes on, with {@link Source#SAGEMAKER}, each
   * one {@code alreadyFound} rejects: those {@code Search} returns with the tags it gives, the
   * others with the tags {@code ListTags} gives. Domains found by {@link #discoverDomains} that
   * {@code alreadyFound} rejects are passed on too, with the tags read then.
   *
   * <p>The kinds are listed at once, with at most {@code callsInFlight} calls of this discovery in
   * flight (see {@link SageMakerListings}). Each kind fails on its own: a list or search call that
   * fails (after the client's retries, or on a repeated token) ends that kind's listing with one
   * error naming the operation, and so does the first {@code ListTags} call of that kind that
   * fails; every other kind is still listed. Errors are told once every call has ended, in the
   * order of {@link SageMakerKinds#ALL_KINDS}.
   *
   * @param alreadyFound true for the ARNs the Tagging API returned for this account and region;
   *     called from the discovery's threads, so it must be safe to call from several at once
   * @throws CancellationException when the thread is interrupted while waiting for the calls (the
   *     interrupt flag is kept), or the calls were stopped
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
    int alsoFromTaggingApi = 0;
    int onlyFromListing = 0;
    for (Map.Entry<String, SortedMap<String, String>> domain : domains.entrySet()) {
      if (SageMakerListings.found(alreadyFound, domain.getKey())) {
        alsoFromTaggingApi++;
      } else {
        onlyFromListing++;
        listener.resource(
            SageMakerListings.resource(domain.getKey(), domain.getValue(), accountId, region));
      }
    }
    SageMakerCounts domainCounts =
        new SageMakerCounts(
            domains.size() + domainsGone, alsoFromTaggingApi, onlyFromListing, domainsGone);

    ExecutorService own = calls == null ? DaemonPools.pool(THREADS, callsInFlight) : null;
    try {
      SageMakerListings listings =
          new SageMakerListings(
              client,
              tags,
              accountId,
              region,
              jobsCreatedAfter,
              alreadyFound,
              listener,
              own != null ? own : calls,
              callsInFlight);
      return domainCounts.plus(listings.run(SageMakerKinds.ALL_KINDS));
    } finally {
      if (own != null) {
        own.shutdownNow();
      }
    }
  }

  private ScanError error(String operation, SdkException failure) {
    return AwsFailures.error(accountId, region, operation, failure);
  }
}
