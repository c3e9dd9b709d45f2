package io.tagscan.inventory.aws;

import io.tagscan.model.Resource;
import java.time.Instant;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reads one account × region: the Tagging API's {@code GetResources}, then SageMaker's listings
 * (domains before {@code GetResources}, the other kinds after), and tells the job how the pair
 * ended. Errors are data and the scan goes on:
 *
 * <ul>
 *   <li>{@code GetResources} failing after the SDK's retries (server errors, throttling, an expired
 *       pagination token, access denied): one error for the account × region, which ends
 *       incomplete.
 *   <li>A region not enabled for the account: one error with code {@link
 *       io.tagscan.model.ScanError#REGION_NOT_ENABLED}; the region ends complete (nothing there to
 *       read) and the scan stays complete.
 *   <li>A SageMaker listing failing: one error naming its operation; the other listings still run
 *       and the account × region ends incomplete.
 *   <li>A listing handing back a pagination token it gave before: an error with code {@code
 *       PaginationLoop} for that listing, which ends there.
 * </ul>
 */
final class PairReader {

  private final AwsOptions options;
  private final AwsClients clients;
  private final ScanJob job;
  private final TaggingReader reader;
  private final String home;
  private final boolean sagemaker;
  private final ExplorerSource explorer;

  /**
   * @param explorer Resource Explorer's results to add once each account is read; null for none
   */
  PairReader(
      AwsOptions options,
      AwsClients clients,
      ScanJob job,
      TaggingReader reader,
      String home,
      ExplorerSource explorer) {
    this.explorer = explorer;
    this.options = options;
    this.clients = clients;
    this.job = job;
    this.reader = reader;
    this.home = home;
    this.sagemaker = wantsSageMaker(options);
  }

  /** Reads the pair, on one of the job's threads. */
  void read(AccountRun run, String region) {
    if (job.stopped()) {
      return;
    }
    SageMakerPair discovery = sagemaker ? sageMakerPair(run, region) : null;
    boolean complete;
    try {
      if (discovery != null) {
        discovery.discoverDomains();
      }
      Consumer<Resource> out =
          resource -> {
            run.markRead();
            if (discovery != null) {
              discovery.fromTaggingApi(resource);
            }
            if (explorer != null) {
              run.taggingByRegion.merge(resource.region(), 1, Integer::sum);
            }
            job.gate.resource(resource);
          };
      reader.read(
          clients.tagging(run.accountId, region, run.credentials),
          run.accountId,
          region,
          run.seen,
          out,
          job::stopped);
      run.markRead();
      complete = discovery == null || discovery.discoverResources();
    } catch (SdkException e) {
      if (job.stopped()) {
        return;
      }
      if (!options.hasRole() && AwsFailures.credentialsExpired(e)) {
        job.fail(clients.expiredCredentials(AwsFailures.code(e)));
        return;
      }
      if (AwsFailures.regionNotEnabled(e, region, home)) {
        // SageMaker's refusals in a region that is not enabled say nothing more; they are dropped.
        job.gate.error(AwsFailures.regionSkipped(run.accountId, region, e));
        run.markRead();
        complete = true;
      } else {
        if (discovery != null) {
          discovery.releaseHeldErrors();
        }
        job.gate.error(AwsFailures.error(run.accountId, region, "GetResources", e));
        complete = false;
      }
    } catch (RuntimeException | Error e) {
      job.fail(e);
      return;
    }
    if (discovery != null && job.stopped()) {
      // Discovery cut short by close(): its failure says nothing about the account.
      return;
    }
    job.gate.unitDone(run.accountId, region, complete);
    if (!complete) {
      job.partial();
    }
    if (run.pairsLeft.decrementAndGet() == 0) {
      if (explorer != null) {
        try {
          explorer.accountDone(run, run.taggingByRegion, job.gate::resource);
        } catch (RuntimeException | Error e) {
          job.fail(e);
          return;
        }
      }
      job.accountFinished(run.readSomething());
    }
  }

  private SageMakerPair sageMakerPair(AccountRun run, String region) {
    SageMakerDiscovery discovery =
        new SageMakerDiscovery(
            clients.sagemaker(run.accountId, region, run.credentials),
            run.accountId,
            region,
            Instant.now().minus(options.sagemakerSince()),
            SageMakerDiscovery.CALLS_PER_PAIR,
            job.tagReads);
    return new SageMakerPair(job, run, region, discovery, this::typeWanted);
  }

  /**
   * True when SageMaker is to be listed: not turned off, and {@code --resource-types}, if given,
   * names SageMaker or one of its types.
   */
  private static boolean wantsSageMaker(AwsOptions options) {
    if (!options.sagemaker()) {
      return false;
    }
    return options.resourceTypes().isEmpty()
        || options.resourceTypes().stream().anyMatch(SageMakerPair::isSageMaker);
  }

  /** True when {@code --resource-types} lets a resource of this type through. */
  private boolean typeWanted(String resourceType) {
    if (options.resourceTypes().isEmpty()) {
      return true;
    }
    for (String type : options.resourceTypes()) {
      if (type.equals(resourceType) || type.equals("sagemaker")) {
        return true;
      }
    }
    return false;
  }
}
