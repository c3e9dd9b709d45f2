package io.tagscan.inventory.aws;

import io.tagscan.inventory.Arn;
import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.EndpointConfigSummary;
import software.amazon.awssdk.services.sagemaker.model.EndpointSummary;
import software.amazon.awssdk.services.sagemaker.model.FeatureGroupSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListAppsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListAppsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointConfigsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointConfigsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListFeatureGroupsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListFeatureGroupsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListHyperParameterTuningJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListHyperParameterTuningJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListModelPackageGroupsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListModelPackageGroupsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListModelsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListModelsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListNotebookInstancesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListNotebookInstancesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListPipelinesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListPipelinesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListProcessingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListProcessingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTransformJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTransformJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageGroupSummary;
import software.amazon.awssdk.services.sagemaker.model.ModelSummary;
import software.amazon.awssdk.services.sagemaker.model.NotebookInstanceSummary;
import software.amazon.awssdk.services.sagemaker.model.PipelineSummary;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.TransformJobSummary;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;

/**
 * Finds the SageMaker resources of one account and region by listing them, because the Tagging API
 * never returns a resource that was never tagged, and reads the tags of those the Tagging API did
 * not return.
 *
 * <p>Use one instance per account × region, from one thread: first {@link #discoverDomains}, before
 * the pair's {@code GetResources}, so that listeners know each domain's tags before any resource
 * created in it; then {@link #discoverResources} with the ARNs {@code GetResources} returned.
 *
 * <p>A list call (or {@code ListTags}) that fails once the client's retries are spent, or that
 * hands back a pagination token it gave before, is reported as one {@link ScanError} naming the
 * operation and ends the listing of that kind only; nothing is thrown. A resource deleted between
 * its listing and {@code ListTags} is skipped and counted. {@code ListTags} calls run on a small
 * pool of threads this class owns, at most {@code listTagsConcurrency} at once, and list pages are
 * read one at a time, so memory holds one page and the calls in flight.
 */
public final class SageMakerDiscovery {

  private static final int PAGE_SIZE = 100;

  /** The phrases with which SageMaker's ValidationException says a resource is gone. */
  private static final List<String> GONE_PHRASES =
      List.of("does not exist", "not found", "could not find", "cannot find", "can't find");

  private final SageMakerClient client;
  private final String accountId;
  private final String region;
  private final String partition;
  private final Instant jobsCreatedAfter;
  private final int listTagsConcurrency;
  private final List<Kind> kinds;

  /** Each domain's tags, in listing order; null until {@link #discoverDomains} ran. */
  private Map<String, SortedMap<String, String>> domains;

  private int domainsGone;
  private boolean resourcesDiscovered;

  /**
   * Prepares discovery for one account and region.
   *
   * @param client a client already configured for the account and region (credentials, endpoint,
   *     retry mode); this class does not close it
   * @param jobsCreatedAfter only training, processing, transform and tuning jobs created after this
   *     instant are listed; null lists them all
   * @param listTagsConcurrency how many {@code ListTags} calls may be in flight at once
   */
  public SageMakerDiscovery(
      SageMakerClient client,
      String accountId,
      String region,
      Instant jobsCreatedAfter,
      int listTagsConcurrency) {
    this.client = Objects.requireNonNull(client, "client");
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.region = Objects.requireNonNull(region, "region");
    if (listTagsConcurrency < 1) {
      throw new IllegalArgumentException("listTagsConcurrency must be at least 1");
    }
    this.partition = Partitions.partitionOf(region);
    this.jobsCreatedAfter = jobsCreatedAfter;
    this.listTagsConcurrency = listTagsConcurrency;
    this.kinds = kinds();
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
    String token = null;
    boolean more;
    do {
      ListDomainsResponse page;
      try {
        page =
            client.listDomains(
                ListDomainsRequest.builder().maxResults(PAGE_SIZE).nextToken(token).build());
      } catch (SdkException failure) {
        return stop("ListDomains", failure, listener);
      }
      for (DomainDetails domain : page.domains()) {
        String arn = domain.domainArn();
        if (arn == null || arn.isEmpty()) {
          continue;
        }
        SortedMap<String, String> tags;
        try {
          tags = readTags(arn);
        } catch (SdkException failure) {
          if (isGone(failure)) {
            domainsGone++;
            continue;
          }
          return stop("ListTags", failure, listener);
        }
        domains.put(arn, tags);
        listener.domain(arn, tags);
      }
      token = page.nextToken();
      try {
        more = tokens.more(token);
      } catch (PageTokens.Loop loop) {
        return stop("ListDomains", loop, listener);
      }
    } while (more);
    return List.copyOf(domains.keySet());
  }

  /**
   * Ends the domain listing on an error, keeping the domains read so far; the other kinds are still
   * listed by {@link #discoverResources}.
   */
  private List<String> stop(String operation, SdkException failure, ScanListener listener) {
    listener.error(error(operation, failure));
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
    Run run = new Run(listener);
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

    List<KindRun> started = new ArrayList<>(kinds.size());
    ExecutorService executor =
        Executors.newFixedThreadPool(listTagsConcurrency, threads(accountId, region));
    try {
      kinds:
      for (Kind kind : kinds) {
        KindRun kindRun = new KindRun();
        started.add(kindRun);
        PageTokens tokens = new PageTokens(kind.operation());
        String token = null;
        try {
          do {
            Page page = kind.fetch().apply(token);
            for (String arn : page.arns()) {
              if (run.bug.get() != null) {
                break kinds;
              }
              if (kindRun.failure.get() != null) {
                // Its tags cannot be read, so listing more of this kind would only lose them.
                continue kinds;
              }
              run.listed++;
              if (found(alreadyFound, arn)) {
                run.alsoFromTaggingApi++;
              } else {
                run.slots.acquire();
                executor.execute(() -> readAndReport(arn, run, kindRun));
              }
            }
            token = page.nextToken();
          } while (tokens.more(token));
        } catch (SdkException failure) {
          if (failure instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            // Stopped, not failed: the other kinds would be cut short just the same.
            Thread.currentThread().interrupt();
            throw new CancellationException("SageMaker discovery was interrupted");
          }
          kindRun.fail(error(kind.operation(), failure));
        }
      }
      // Every slot back means every ListTags call has ended.
      run.slots.acquire(listTagsConcurrency);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new CancellationException("SageMaker discovery was interrupted");
    } finally {
      executor.shutdownNow();
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

  /** Runs on a pool thread: reads one resource's tags and passes the resource on. */
  private void readAndReport(String arn, Run run, KindRun kindRun) {
    try {
      SortedMap<String, String> tags = readTags(arn);
      run.listener.resource(resource(arn, tags));
      run.onlyFromListing.incrementAndGet();
    } catch (SdkException failure) {
      if (isGone(failure)) {
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
   * a listener's bug written by pool threads, and the permits that bound calls in flight.
   */
  private final class Run {
    final ScanListener listener;
    final Semaphore slots = new Semaphore(listTagsConcurrency);
    final AtomicInteger onlyFromListing = new AtomicInteger();
    final AtomicInteger skippedDeleted = new AtomicInteger();
    final AtomicReference<RuntimeException> bug = new AtomicReference<>();
    int listed;
    int alsoFromTaggingApi;

    Run(ScanListener listener) {
      this.listener = listener;
    }
  }

  /** One kind's listing: the first failure of its list call or of a {@code ListTags} call. */
  private static final class KindRun {
    final AtomicReference<ScanError> failure = new AtomicReference<>();

    void fail(ScanError error) {
      failure.compareAndSet(null, error);
    }
  }

  /** One page of a list call: the ARNs it named and the token of the next page. */
  private record Page(List<String> arns, String nextToken) {}

  /** A kind of resource: its list operation, and how to fetch the page a token points at. */
  private record Kind(String operation, Function<String, Page> fetch) {}

  /**
   * Every kind listed after the domains. User profiles, spaces and apps come back without an ARN,
   * so theirs is built in the form IAM documents for each.
   */
  private List<Kind> kinds() {
    return List.of(
        new Kind(
            "ListUserProfiles",
            token -> {
              ListUserProfilesResponse page =
                  client.listUserProfiles(
                      ListUserProfilesRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .build());
              List<String> arns = new ArrayList<>(page.userProfiles().size());
              for (UserProfileDetails profile : page.userProfiles()) {
                addBuilt(arns, "user-profile", profile.domainId(), profile.userProfileName());
              }
              return new Page(arns, page.nextToken());
            }),
        new Kind(
            "ListSpaces",
            token -> {
              ListSpacesResponse page =
                  client.listSpaces(
                      ListSpacesRequest.builder().maxResults(PAGE_SIZE).nextToken(token).build());
              List<String> arns = new ArrayList<>(page.spaces().size());
              for (SpaceDetails space : page.spaces()) {
                addBuilt(arns, "space", space.domainId(), space.spaceName());
              }
              return new Page(arns, page.nextToken());
            }),
        new Kind(
            "ListApps",
            token -> {
              ListAppsResponse page =
                  client.listApps(
                      ListAppsRequest.builder().maxResults(PAGE_SIZE).nextToken(token).build());
              List<String> arns = new ArrayList<>(page.apps().size());
              for (AppDetails app : page.apps()) {
                // A deleted app stays listed for a while, but ListTags rejects it.
                if ("Deleted".equalsIgnoreCase(app.statusAsString())) {
                  continue;
                }
                String owner =
                    app.userProfileName() != null ? app.userProfileName() : app.spaceName();
                String type = app.appTypeAsString();
                addBuilt(
                    arns,
                    "app",
                    app.domainId(),
                    owner,
                    type == null ? null : type.toLowerCase(Locale.ROOT),
                    app.appName());
              }
              return new Page(arns, page.nextToken());
            }),
        new Kind(
            "ListNotebookInstances",
            token -> {
              ListNotebookInstancesResponse page =
                  client.listNotebookInstances(
                      ListNotebookInstancesRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .build());
              return new Page(
                  arns(page.notebookInstances(), NotebookInstanceSummary::notebookInstanceArn),
                  page.nextToken());
            }),
        new Kind(
            "ListEndpoints",
            token -> {
              ListEndpointsResponse page =
                  client.listEndpoints(
                      ListEndpointsRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .build());
              return new Page(
                  arns(page.endpoints(), EndpointSummary::endpointArn), page.nextToken());
            }),
        new Kind(
            "ListEndpointConfigs",
            token -> {
              ListEndpointConfigsResponse page =
                  client.listEndpointConfigs(
                      ListEndpointConfigsRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .build());
              return new Page(
                  arns(page.endpointConfigs(), EndpointConfigSummary::endpointConfigArn),
                  page.nextToken());
            }),
        new Kind(
            "ListModels",
            token -> {
              ListModelsResponse page =
                  client.listModels(
                      ListModelsRequest.builder().maxResults(PAGE_SIZE).nextToken(token).build());
              return new Page(arns(page.models(), ModelSummary::modelArn), page.nextToken());
            }),
        new Kind(
            "ListModelPackageGroups",
            token -> {
              ListModelPackageGroupsResponse page =
                  client.listModelPackageGroups(
                      ListModelPackageGroupsRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .build());
              return new Page(
                  arns(
                      page.modelPackageGroupSummaryList(),
                      ModelPackageGroupSummary::modelPackageGroupArn),
                  page.nextToken());
            }),
        new Kind(
            "ListPipelines",
            token -> {
              ListPipelinesResponse page =
                  client.listPipelines(
                      ListPipelinesRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .build());
              return new Page(
                  arns(page.pipelineSummaries(), PipelineSummary::pipelineArn), page.nextToken());
            }),
        new Kind(
            "ListFeatureGroups",
            token -> {
              ListFeatureGroupsResponse page =
                  client.listFeatureGroups(
                      ListFeatureGroupsRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .build());
              return new Page(
                  arns(page.featureGroupSummaries(), FeatureGroupSummary::featureGroupArn),
                  page.nextToken());
            }),
        new Kind(
            "ListTrainingJobs",
            token -> {
              ListTrainingJobsResponse page =
                  client.listTrainingJobs(
                      ListTrainingJobsRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .creationTimeAfter(jobsCreatedAfter)
                          .build());
              return new Page(
                  arns(page.trainingJobSummaries(), TrainingJobSummary::trainingJobArn),
                  page.nextToken());
            }),
        new Kind(
            "ListProcessingJobs",
            token -> {
              ListProcessingJobsResponse page =
                  client.listProcessingJobs(
                      ListProcessingJobsRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .creationTimeAfter(jobsCreatedAfter)
                          .build());
              return new Page(
                  arns(page.processingJobSummaries(), ProcessingJobSummary::processingJobArn),
                  page.nextToken());
            }),
        new Kind(
            "ListTransformJobs",
            token -> {
              ListTransformJobsResponse page =
                  client.listTransformJobs(
                      ListTransformJobsRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .creationTimeAfter(jobsCreatedAfter)
                          .build());
              return new Page(
                  arns(page.transformJobSummaries(), TransformJobSummary::transformJobArn),
                  page.nextToken());
            }),
        new Kind(
            "ListHyperParameterTuningJobs",
            token -> {
              ListHyperParameterTuningJobsResponse page =
                  client.listHyperParameterTuningJobs(
                      ListHyperParameterTuningJobsRequest.builder()
                          .maxResults(PAGE_SIZE)
                          .nextToken(token)
                          .creationTimeAfter(jobsCreatedAfter)
                          .build());
              return new Page(
                  arns(
                      page.hyperParameterTuningJobSummaries(),
                      HyperParameterTuningJobSummary::hyperParameterTuningJobArn),
                  page.nextToken());
            }));
  }

  private static <T> List<String> arns(List<T> summaries, Function<T, String> arnOf) {
    List<String> arns = new ArrayList<>(summaries.size());
    for (T summary : summaries) {
      String arn = arnOf.apply(summary);
      if (arn != null && !arn.isEmpty()) {
        arns.add(arn);
      }
    }
    return arns;
  }

  /**
   * Adds {@code arn:PARTITION:sagemaker:REGION:ACCOUNT:TYPE/PART/PART...}, unless a part is
   * missing, in which case the listing gave too little to name the resource and it is left out.
   */
  private void addBuilt(List<String> arns, String type, String... parts) {
    StringBuilder arn =
        new StringBuilder("arn:")
            .append(partition)
            .append(":sagemaker:")
            .append(region)
            .append(':')
            .append(accountId)
            .append(':')
            .append(type);
    for (String part : parts) {
      if (part == null || part.isEmpty()) {
        return;
      }
      arn.append('/').append(part);
    }
    arns.add(arn.toString());
  }

  /** The resource's tags from {@code ListTags}, every page of them. */
  private SortedMap<String, String> readTags(String arn) {
    TreeMap<String, String> tags = new TreeMap<>();
    PageTokens tokens = new PageTokens("ListTags");
    String token = null;
    do {
      ListTagsResponse page =
          client.listTags(
              ListTagsRequest.builder()
                  .resourceArn(arn)
                  .maxResults(PAGE_SIZE)
                  .nextToken(token)
                  .build());
      for (Tag tag : page.tags()) {
        if (tag.key() != null) {
          tags.put(tag.key(), Objects.requireNonNullElse(tag.value(), ""));
        }
      }
      token = page.nextToken();
    } while (tokens.more(token));
    return Collections.unmodifiableSortedMap(tags);
  }

  private Resource resource(String arn, SortedMap<String, String> tags) {
    String type;
    try {
      type = Arn.parse(arn).resourceType();
    } catch (IllegalArgumentException notAnArn) {
      type = "sagemaker";
    }
    return new Resource(arn, accountId, region, type, Source.SAGEMAKER, tags);
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

  /** True when the failure says the resource no longer exists. */
  static boolean isGone(SdkException failure) {
    if (failure instanceof ResourceNotFoundException) {
      return true;
    }
    String code = AwsFailures.code(failure);
    if (code.equals("ResourceNotFound") || code.equals("ResourceNotFoundException")) {
      return true;
    }
    if (!code.equals("ValidationException")) {
      return false;
    }
    String message = AwsFailures.message(failure).toLowerCase(Locale.ROOT);
    for (String phrase : GONE_PHRASES) {
      if (message.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  private ScanError error(String operation, SdkException failure) {
    return AwsFailures.error(accountId, region, operation, failure);
  }

  private static ThreadFactory threads(String accountId, String region) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread =
          new Thread(
              task,
              "tagscan-sagemaker-tags-" + accountId + "-" + region + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
