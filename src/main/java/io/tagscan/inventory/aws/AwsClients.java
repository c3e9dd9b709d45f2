package io.tagscan.inventory.aws;

import io.tagscan.model.EnvironmentException;
import io.tagscan.model.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the SDK clients of one scan lazily, each once (STS and Organizations for the caller, the
 * Tagging API and SageMaker per region, shared by every account through {@link PairCalls}), all
 * sharing one HTTP client, and closes every one of them.
 *
 * <p>An explicit {@code --endpoint-url} goes to every client as its endpoint override, which the
 * SDK ranks above {@code AWS_ENDPOINT_URL}, the service-specific {@code AWS_ENDPOINT_URL_*}
 * variables, their {@code aws.endpointUrl*} system properties and the profile's {@code
 * endpoint_url}; without it the SDK applies those settings itself.
 */
final class AwsClients implements AutoCloseable {

  private final AwsOptions options;
  private final ClientSettings settings;
  private final Object lock = new Object();
  private final List<SdkAutoCloseable> owned = new ArrayList<>();
  private final ConcurrentMap<String, ResourceGroupsTaggingApiClient> tagging =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, SageMakerClient> sagemaker = new ConcurrentHashMap<>();

  private boolean closed;
  private SdkHttpClient http;
  private AwsCredentialsProvider caller;
  private String homeRegion;
  private StsClient sts;
  private OrganizationsClient organizations;
  private CostExplorerClient costExplorer;

  AwsClients(AwsOptions options, ClientSettings settings) {
    this.options = options;
    this.settings = settings;
  }

  /**
   * The region calls start from: {@code --region}, else the SDK's region chain (environment, system
   * property, the profile).
   *
   * @throws UsageException when no region is configured anywhere
   */
  String homeRegion() {
    synchronized (lock) {
      if (homeRegion == null) {
        homeRegion = options.region() != null ? options.region() : regionFromChain();
      }
      return homeRegion;
    }
  }

  private String regionFromChain() {
    DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
    if (options.profile() != null) {
      requireProfile(options.profile());
      chain.profileName(options.profile());
    }
    try {
      return chain.build().getRegion().id();
    } catch (SdkClientException e) {
      throw new UsageException(
          "no AWS region is configured: pass --region, set AWS_REGION, or give the profile a"
              + " region");
    }
  }

  /**
   * The caller's own credentials: fixed by the settings, else the profile, else the chain. When
   * they cannot be loaded, at the first call or in the middle of a scan (an SSO session that
   * expires), resolving them throws {@link EnvironmentException} in the user's words, never the
   * SDK's list of providers.
   */
  AwsCredentialsProvider callerCredentials() {
    synchronized (lock) {
      ensureOpen();
      if (caller == null) {
        AwsCredentialsProvider source;
        if (settings.credentials() != null) {
          source = settings.credentials();
        } else if (options.profile() != null) {
          requireProfile(options.profile());
          source = own(ProfileCredentialsProvider.builder().profileName(options.profile()).build());
        } else {
          source = own(DefaultCredentialsProvider.builder().build());
        }
        caller = new CallerCredentials(source);
      }
      return caller;
    }
  }

  /** The caller's credentials provider, failing in the user's words when none can be loaded. */
  private final class CallerCredentials implements AwsCredentialsProvider {
    private final AwsCredentialsProvider source;

    CallerCredentials(AwsCredentialsProvider source) {
      this.source = source;
    }

    @Override
    public AwsCredentials resolveCredentials() {
      try {
        return source.resolveCredentials();
      } catch (SdkClientException unavailable) {
        // The SDK's text lists every provider with its internals; the user needs what to do.
        throw new EnvironmentException(
            "no AWS credentials could be loaded from " + chainTried() + ": " + whatToDo(),
            unavailable);
      }
    }
  }

  private static void requireProfile(String profile) {
    if (ProfileFile.defaultProfileFile().profile(profile).isEmpty()) {
      throw new EnvironmentException(
          "no profile "
              + AwsOptions.quote(profile)
              + " in the AWS config or credentials file (~/.aws/config, ~/.aws/credentials):"
              + " pass --profile with one that `aws configure list-profiles` shows, or set"
              + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
  }

  /**
   * Makes sure the caller's own credentials can be had before any AWS call, so that missing or
   * expired ones stop the run once, in the user's words, instead of failing every call.
   *
   * @throws EnvironmentException when no credentials can be loaded
   */
  void requireCallerCredentials() {
    callerCredentials().resolveCredentials();
  }

  /**
   * The failure to throw when AWS says the caller's own credentials have expired, whichever call
   * found out.
   */
  EnvironmentException expiredCredentials(String code) {
    return new EnvironmentException(
        "the AWS credentials from "
            + chainTried()
            + " have expired (AWS answered "
            + code
            + "): "
            + whatToDo());
  }

  private String chainTried() {
    if (settings.credentials() != null) {
      return "the credentials given";
    }
    if (options.profile() != null) {
      return "profile " + AwsOptions.quote(options.profile());
    }
    return "the default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE or the"
        + " default profile in ~/.aws, web identity, container and instance roles)";
  }

  private String whatToDo() {
    String profile = options.profile() == null ? "" : " --profile " + options.profile();
    return "run `aws sso login"
        + profile
        + "` if the profile uses IAM Identity Center, pass --profile NAME, or set"
        + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys)";
  }

  /** STS in the home region, with the caller's credentials. */
  StsClient sts() {
    synchronized (lock) {
      ensureOpen();
      if (sts == null) {
        sts = own(configure(StsClient.builder(), homeRegion(), callerCredentials()).build());
      }
      return sts;
    }
  }

  /** Organizations at its global endpoint for the partition, with the caller's credentials. */
  OrganizationsClient organizations(String partition) {
    synchronized (lock) {
      ensureOpen();
      if (organizations == null) {
        String region = Partitions.organizationsRegion(partition, homeRegion());
        organizations =
            own(configure(OrganizationsClient.builder(), region, callerCredentials()).build());
      }
      return organizations;
    }
  }

  /**
   * Cost Explorer for the caller, built once: its one endpoint is in us-east-1 in the commercial
   * partition, whatever region the caller works in.
   */
  CostExplorerClient costExplorer() {
    synchronized (lock) {
      ensureOpen();
      if (costExplorer == null) {
        costExplorer =
            own(configure(CostExplorerClient.builder(), "us-east-1", callerCredentials()).build());
      }
      return costExplorer;
    }
  }

  /**
   * Credentials for a role in another account, from the caller's through STS; they refresh
   * themselves before they expire, so a scan may outlast the session.
   */
  AwsCredentialsProvider assumeRole(String roleArn) {
    StsClient client = sts();
    synchronized (lock) {
      ensureOpen();
      return own(
          StsAssumeRoleCredentialsProvider.builder()
              .stsClient(client)
              .asyncCredentialUpdateEnabled(false)
              .refreshRequest(
                  request ->
                      request
                          .roleArn(roleArn)
                          .roleSessionName(options.roleSessionName())
                          .durationSeconds((int) options.roleDuration().toSeconds())
                          .externalId(options.externalId()))
              .build());
    }
  }

  /**
   * The Tagging API as one account × region calls it: the region's one client, shared by every
   * account, with the account's credentials and a retry strategy of the pair's own on each request.
   */
  ResourceGroupsTaggingApiClient tagging(
      String accountId, String region, AwsCredentialsProvider credentials) {
    ensureOpenUnlocked();
    ResourceGroupsTaggingApiClient shared =
        tagging.computeIfAbsent(
            region,
            key ->
                keep(
                    configure(ResourceGroupsTaggingApiClient.builder(), key, callerCredentials())
                        .build()));
    return PairCalls.view(
        ResourceGroupsTaggingApiClient.class,
        shared,
        credentials,
        settings.retryStrategy().get(),
        accountId + "/" + region);
  }

  /**
   * SageMaker as one account × region calls it: the region's one client, shared by every account,
   * with the account's credentials and a retry strategy of the pair's own on each request. Each
   * call returns a new view, with a new retry strategy: call it once per account × region.
   */
  SageMakerClient sagemaker(String accountId, String region, AwsCredentialsProvider credentials) {
    ensureOpenUnlocked();
    SageMakerClient shared =
        sagemaker.computeIfAbsent(
            region,
            key -> keep(configure(SageMakerClient.builder(), key, callerCredentials()).build()));
    return PairCalls.view(
        SageMakerClient.class,
        shared,
        credentials,
        settings.retryStrategy().get(),
        accountId + "/" + region);
  }

  /** Registers a regional client for closing, or closes it at once when the scan was stopped. */
  <C extends SdkAutoCloseable> C keep(C client) {
    synchronized (lock) {
      if (closed) {
        client.close();
        throw new CancellationException("the scan was stopped");
      }
      owned.add(client);
    }
    return client;
  }

  /** The number of Tagging API clients built so far; each region gets one. */
  int taggingClientCount() {
    return tagging.size();
  }

  <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, String region, AwsCredentialsProvider credentials) {
    builder
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .overrideConfiguration(
            override -> {
              override.retryStrategy(settings.retryStrategy().get());
              if (options.profile() != null) {
                // Lets the profile's own endpoint_url and services settings apply.
                override.defaultProfileName(options.profile());
              }
            });
    if (options.endpointUrl() != null) {
      builder.endpointOverride(options.endpointUrl());
    }
    builder.httpClient(httpClient());
    return builder;
  }

  private SdkHttpClient httpClient() {
    synchronized (lock) {
      if (http == null) {
        // Enough connections for every call a scan can have in flight at once, so none waits
        // for a connection or opens one it cannot keep.
        int connections =
            options.concurrency() * (1 + SageMakerDiscovery.CALLS_PER_PAIR)
                + ScanJob.lookupThreads(options.concurrency());
        http =
            own(
                ApacheHttpClient.builder()
                    .maxConnections(connections)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(30))
                    .build());
      }
      return http;
    }
  }

  private <T> T own(T resource) {
    if (resource instanceof SdkAutoCloseable closeable) {
      owned.add(closeable);
    }
    return resource;
  }

  private void ensureOpen() {
    if (closed) {
      throw new CancellationException("the scan was stopped");
    }
  }

  private void ensureOpenUnlocked() {
    synchronized (lock) {
      ensureOpen();
    }
  }

  /** Closes every client, credentials provider and the HTTP client; later calls fail fast. */
  @Override
  public void close() {
    List<SdkAutoCloseable> toClose;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(owned);
      owned.clear();
    }
    // Clients first, the HTTP client they share last (it was registered first).
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }
}
