package io.tagscan.inventory.aws;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Resource;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * SageMaker discovery in one account × region, around the pair's {@code GetResources}: domains
 * first, so the listener knows their tags before any resource; then the listing, passing on what
 * the Tagging API did not return. Its errors make the pair incomplete.
 */
final class SageMakerPair implements ScanListener {
  private static final String SAGEMAKER = "sagemaker";

  private final ScanJob job;
  private final AccountRun run;
  private final String region;
  private final SageMakerDiscovery discovery;
  private final Predicate<String> typeWanted;
  // Lower case, as SageMaker writes many ARNs whatever the name's case; dropped with the pair.
  private final Set<String> fromTaggingApi = ConcurrentHashMap.newKeySet();
  private final List<ScanError> heldErrors = new ArrayList<>();
  private volatile boolean holdErrors = true;
  private volatile boolean failed;

  /**
   * @param typeWanted true for the resource types {@code --resource-types} lets through
   */
  SageMakerPair(
      ScanJob job,
      AccountRun run,
      String region,
      SageMakerDiscovery discovery,
      Predicate<String> typeWanted) {
    this.job = job;
    this.run = run;
    this.region = region;
    this.discovery = discovery;
    this.typeWanted = typeWanted;
  }

  /** True for a resource type of SageMaker. */
  static boolean isSageMaker(String resourceType) {
    return resourceType.equals(SAGEMAKER) || resourceType.startsWith(SAGEMAKER + ":");
  }

  void discoverDomains() {
    discovery.discoverDomains(this);
  }

  void fromTaggingApi(Resource resource) {
    if (isSageMaker(resource.resourceType())) {
      fromTaggingApi.add(resource.arn().toLowerCase(Locale.ROOT));
    }
  }

  /** Lists the rest after {@code GetResources}; false when SageMaker could not be read whole. */
  boolean discoverResources() {
    releaseHeldErrors();
    SageMakerCounts counts =
        discovery.discoverResources(
            arn -> fromTaggingApi.contains(arn.toLowerCase(Locale.ROOT)), this);
    if (!job.stopped() && (!fromTaggingApi.isEmpty() || counts.listed() > 0)) {
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
   * Tells the errors met while listing domains, held until {@code GetResources} showed whether the
   * region is enabled at all.
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
    if (typeWanted.test(resource.resourceType()) && run.seen.add(resource.arn())) {
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
