package io.tagscan.inventory.aws;

import io.tagscan.model.Account;
import io.tagscan.model.AccountPolicy;
import io.tagscan.model.ScanError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.EffectivePolicyNotFoundException;
import software.amazon.awssdk.services.organizations.model.EffectivePolicyType;
import software.amazon.awssdk.services.organizations.model.EffectivePolicyValidationError;
import software.amazon.awssdk.services.organizations.model.ListEffectivePolicyValidationErrorsResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ListRequiredTagsResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.RequiredTag;

/**
 * Reads each account's tag policy as AWS applies it, read-only: the effective policy and its
 * validation errors from Organizations with the caller's credentials (the management account or a
 * delegated administrator), and the required keys of each region from the Tagging API's {@code
 * ListRequiredTags} through the account's role. The accounts, regions and roles are those a scan
 * with the same options covers ({@link AccountPlanner}); accounts are read in parallel up to {@link
 * AwsOptions#concurrency()}. Failures are data: a refused role or policy fails its account, a
 * refused region its region, and refused validation errors are a note.
 */
public final class PolicyReader implements AutoCloseable {

  /** The operations, as errors name them. */
  static final String DESCRIBE = "DescribeEffectivePolicy";

  static final String VALIDATION = "ListEffectivePolicyValidationErrors";
  static final String REQUIRED = "ListRequiredTags";

  /**
   * Every account read, sorted by id; the failures ({@code errors}: an account or region not read)
   * and the refusals that only leave something out ({@code notes}); and what the run covered.
   */
  public record Result(
      List<AccountPolicy> accounts,
      List<ScanError> errors,
      List<ScanError> notes,
      List<String> regions,
      int accountsRequested,
      int accountsFailed,
      boolean complete) {
    public Result {
      accounts = List.copyOf(accounts);
      errors = List.copyOf(errors);
      notes = List.copyOf(notes);
      regions = List.copyOf(regions);
    }
  }

  private final AwsOptions options;
  private final AwsClients clients;
  private final AccountPlanner planner;

  /** A reader with the SDK's default credential chain (or {@code --profile}) and retries. */
  public PolicyReader(AwsOptions options) {
    this(options, ClientSettings.defaults());
  }

  /** A reader whose clients get {@code settings}: fixed credentials and retries for tests. */
  public PolicyReader(AwsOptions options, ClientSettings settings) {
    this.options = Objects.requireNonNull(options, "options");
    this.clients = new AwsClients(options, Objects.requireNonNull(settings, "settings"));
    this.planner = AccountPlanner.of(options, clients);
  }

  /**
   * Reads every account the options name.
   *
   * @throws io.tagscan.model.UsageException when no region is configured or the options ask for
   *     accounts there is no role to get into
   * @throws io.tagscan.model.EnvironmentException when the caller's credentials are missing or
   *     expired
   */
  public Result read() throws InterruptedException {
    String home = clients.homeRegion();
    String partition = Partitions.partitionOf(home);
    List<String> regions = planner.regions(home);
    List<ScanError> listing = new ArrayList<>();
    AccountPlanner.Plan plan =
        planner.plan(new AccountDirectory(clients, partition), true, listing::add);
    ThreadPoolExecutor pool =
        DaemonPools.pool("tagscan-policy", Math.max(1, Math.min(options.concurrency(), 64)));
    List<Future<Reading>> futures = new ArrayList<>();
    try {
      for (String id : plan.ids()) {
        Account account = plan.listed().getOrDefault(id, Account.ofId(id));
        futures.add(pool.submit(() -> readAccount(account, partition, regions)));
      }
      List<AccountPolicy> accounts = new ArrayList<>();
      List<ScanError> errors = new ArrayList<>(listing);
      List<ScanError> notes = new ArrayList<>();
      int failed = 0;
      for (Future<Reading> future : futures) {
        Reading reading = join(future);
        errors.addAll(reading.errors());
        notes.addAll(reading.notes());
        if (reading.policy() == null) {
          failed++;
        } else {
          accounts.add(reading.policy());
        }
      }
      errors.sort(ScanError.ORDER);
      notes.sort(ScanError.ORDER);
      return new Result(
          accounts,
          errors,
          notes,
          regions,
          plan.ids().size(),
          failed,
          plan.complete() && errors.isEmpty());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Reading join(Future<Reading> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = AwsFailures.unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("reading a tag policy failed", cause);
    }
  }

  /** What one account gave: its policy (null when the account could not be read) and failures. */
  private record Reading(AccountPolicy policy, List<ScanError> errors, List<ScanError> notes) {}

  private Reading readAccount(Account account, String partition, List<String> regions) {
    String id = account.id();
    List<ScanError> errors = new ArrayList<>();
    List<ScanError> notes = new ArrayList<>();
    OrganizationsClient organizations = clients.organizations(partition);
    String content;
    try {
      content =
          organizations
              .describeEffectivePolicy(
                  b -> b.policyType(EffectivePolicyType.TAG_POLICY).targetId(id))
              .effectivePolicy()
              .policyContent();
    } catch (EffectivePolicyNotFoundException none) {
      content = null;
    } catch (SdkException e) {
      errors.add(failure(id, "", DESCRIBE, e));
      return new Reading(null, errors, notes);
    }
    List<AccountPolicy.ValidationError> invalid =
        validationErrors(organizations, id, errors, notes);
    AwsCredentialsProvider credentials;
    try {
      credentials = AccountEntry.credentialsFor(clients, planner.roleFor(partition, id));
    } catch (SdkException e) {
      errors.add(failure(id, "", "AssumeRole", e));
      return new Reading(null, errors, notes);
    }
    List<AccountPolicy.RequiredTags> required = new ArrayList<>();
    List<String> read = new ArrayList<>();
    for (String region : regions) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("the policy check was stopped");
      }
      List<AccountPolicy.RequiredTags> found = new ArrayList<>();
      try {
        ResourceGroupsTaggingApiClient tagging = clients.tagging(id, region, credentials);
        for (ListRequiredTagsResponse page :
            tagging.listRequiredTagsPaginator(b -> b.maxResults(200))) {
          for (RequiredTag tag : page.requiredTags()) {
            found.add(
                new AccountPolicy.RequiredTags(region, tag.resourceType(), tag.reportingTagKeys()));
          }
        }
      } catch (SdkException e) {
        errors.add(failure(id, region, REQUIRED, e));
        continue;
      }
      required.addAll(found);
      read.add(region);
    }
    return new Reading(new AccountPolicy(account, content, required, read, invalid), errors, notes);
  }

  /** The validation errors, every page; a refusal is a note, since only some callers may ask. */
  private List<AccountPolicy.ValidationError> validationErrors(
      OrganizationsClient organizations, String id, List<ScanError> errors, List<ScanError> notes) {
    List<AccountPolicy.ValidationError> found = new ArrayList<>();
    try {
      for (ListEffectivePolicyValidationErrorsResponse page :
          organizations.listEffectivePolicyValidationErrorsPaginator(
              b -> b.accountId(id).policyType(EffectivePolicyType.TAG_POLICY))) {
        for (EffectivePolicyValidationError error : page.effectivePolicyValidationErrors()) {
          found.add(
              new AccountPolicy.ValidationError(
                  error.errorCode(), error.errorMessage(), error.pathToError()));
        }
      }
    } catch (EffectivePolicyNotFoundException none) {
      return List.of();
    } catch (SdkException e) {
      ScanError error = failure(id, "", VALIDATION, e);
      if (AwsFailures.organizationsDenied(e)) {
        notes.add(error);
      } else {
        errors.add(error);
      }
      return List.of();
    }
    return found;
  }

  /** The failure as an error; first, stops the run when the caller's credentials have expired. */
  private ScanError failure(String id, String region, String operation, SdkException e) {
    if (AwsFailures.credentialsExpired(e)) {
      throw clients.expiredCredentials(AwsFailures.code(e));
    }
    return AwsFailures.error(id, region, operation, e);
  }

  /** Closes every SDK client and credentials provider. */
  @Override
  public void close() {
    clients.close();
  }
}
