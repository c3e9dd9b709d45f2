package io.tagscan.inventory.aws;

import io.tagscan.inventory.Arn;
import io.tagscan.model.TagFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.FailureInfo;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Reads and changes the tags of resources named by ARN, in one account × region at a time: the
 * Tagging API ({@code GetResources} with {@code ResourceARNList}, at most 100 ARNs a call; {@code
 * TagResources} and {@code UntagResources}, at most 20), and SageMaker's own {@code ListTags},
 * {@code AddTags} and {@code DeleteTags} for SageMaker ARNs, since the Tagging API does not return
 * a SageMaker resource that was never tagged and some SageMaker types (user profiles, spaces, apps)
 * are tagged only through SageMaker. Each account is entered as a scan enters it ({@code
 * --role-name}, {@code --role-arn}); failures come back per ARN, as AWS's code and message.
 */
public final class LiveTagger implements AutoCloseable {

  /** The most ARNs {@code TagResources} and {@code UntagResources} take in one call. */
  public static final int MAX_WRITE_ARNS = 20;

  /** The most ARNs {@code GetResources} takes in its {@code ResourceARNList}. */
  public static final int MAX_READ_ARNS = 100;

  private final AwsClients clients;
  private final AwsOptions options;
  private final Map<String, Object> credentials = new ConcurrentHashMap<>();

  /** What reading tags found: the tags of each ARN AWS returned, and the ARNs it could not read. */
  public record Reading(
      Map<String, SortedMap<String, String>> tags, Map<String, TagFailure> failures) {
    public Reading {
      tags = Map.copyOf(tags);
      failures = Map.copyOf(failures);
    }
  }

  /**
   * What a write call did: the ARNs AWS said it did not change, with its error, and the ARNs of
   * calls that were sent but whose outcome AWS never told (a timeout, a connection reset, a 5xx
   * after the SDK's retries), which may or may not have been changed.
   */
  public record Written(Map<String, TagFailure> failed, Map<String, TagFailure> unknown) {
    public Written {
      failed = Map.copyOf(failed);
      unknown = Map.copyOf(unknown);
    }
  }

  /** A tagger with the SDK's default credential chain (or {@code --profile}). */
  public LiveTagger(AwsOptions options) {
    this(options, ClientSettings.defaults());
  }

  /** A tagger whose clients get {@code settings}: fixed credentials and retries for tests. */
  public LiveTagger(AwsOptions options, ClientSettings settings) {
    this.options = Objects.requireNonNull(options, "options");
    this.clients = new AwsClients(options, Objects.requireNonNull(settings, "settings"));
  }

  /** The region for resources whose ARN names none (IAM, S3): the caller's home region. */
  public String homeRegion() {
    return clients.homeRegion();
  }

  /** The current tags of the resources; an ARN AWS does not return is gone or was never tagged. */
  public Reading read(String accountId, String region, List<String> arns) {
    Map<String, SortedMap<String, String>> found = new HashMap<>();
    Map<String, TagFailure> failures = new HashMap<>();
    Object entry = enter(accountId);
    if (entry instanceof TagFailure refused) {
      arns.forEach(arn -> failures.put(arn, refused));
      return new Reading(found, failures);
    }
    AwsCredentialsProvider provider = (AwsCredentialsProvider) entry;
    List<String> tagging = new ArrayList<>();
    for (String arn : arns) {
      if (isSageMaker(arn)) {
        SageMakerTags reader = new SageMakerTags(sagemaker(accountId, region, provider));
        try {
          found.put(arn, reader.read(arn));
        } catch (SdkException e) {
          if (!SageMakerTags.isGone(e)) {
            failures.put(arn, failure("ListTags", e));
          }
        }
      } else {
        tagging.add(arn);
      }
    }
    ResourceGroupsTaggingApiClient client =
        tagging.isEmpty() ? null : clients.tagging(accountId, region, provider);
    for (List<String> chunk : chunks(tagging, MAX_READ_ARNS)) {
      try {
        GetResourcesResponse page = client.getResources(r -> r.resourceARNList(chunk));
        for (ResourceTagMapping mapping : page.resourceTagMappingList()) {
          if (chunk.contains(mapping.resourceARN())) {
            found.put(mapping.resourceARN(), tags(mapping.tags()));
          }
        }
      } catch (SdkException e) {
        chunk.forEach(arn -> failures.put(arn, failure("GetResources", e)));
      }
    }
    return new Reading(found, failures);
  }

  /**
   * Adds the tags (or gives existing keys these values) on every resource; returns the ARNs that
   * failed, with AWS's error ({@code FailedResourcesMap}, or the whole call's).
   */
  public Written tag(String accountId, String region, List<String> arns, Map<String, String> tags) {
    return write(
        accountId,
        region,
        arns,
        (client, chunk) ->
            client.tagResources(r -> r.resourceARNList(chunk).tags(tags)).failedResourcesMap(),
        "TagResources",
        (sagemaker, arn) ->
            sagemaker.addTags(
                r ->
                    r.resourceArn(arn)
                        .tags(
                            tags.entrySet().stream()
                                .map(
                                    t ->
                                        software.amazon.awssdk.services.sagemaker.model.Tag
                                            .builder()
                                            .key(t.getKey())
                                            .value(t.getValue())
                                            .build())
                                .toList())),
        "AddTags");
  }

  /** Removes the keys from every resource; returns the ARNs that failed, with AWS's error. */
  public Written untag(String accountId, String region, List<String> arns, List<String> keys) {
    return write(
        accountId,
        region,
        arns,
        (client, chunk) ->
            client.untagResources(r -> r.resourceARNList(chunk).tagKeys(keys)).failedResourcesMap(),
        "UntagResources",
        (sagemaker, arn) -> sagemaker.deleteTags(r -> r.resourceArn(arn).tagKeys(keys)),
        "DeleteTags");
  }

  private interface TaggingCall {
    Map<String, FailureInfo> send(ResourceGroupsTaggingApiClient client, List<String> chunk);
  }

  private interface SageMakerCall {
    void send(SageMakerClient client, String arn);
  }

  private Written write(
      String accountId,
      String region,
      List<String> arns,
      TaggingCall tagging,
      String taggingOperation,
      SageMakerCall sagemaker,
      String sagemakerOperation) {
    Map<String, TagFailure> failures = new TreeMap<>();
    Map<String, TagFailure> unknown = new TreeMap<>();
    Object entry = enter(accountId);
    if (entry instanceof TagFailure refused) {
      arns.forEach(arn -> failures.put(arn, refused));
      return new Written(failures, unknown);
    }
    AwsCredentialsProvider provider = (AwsCredentialsProvider) entry;
    List<String> viaTagging = new ArrayList<>();
    for (String arn : arns) {
      if (isSageMaker(arn)) {
        try {
          sagemaker.send(sagemaker(accountId, region, provider), arn);
        } catch (SdkException e) {
          (outcomeUnknown(e) ? unknown : failures).put(arn, failure(sagemakerOperation, e));
        }
      } else {
        viaTagging.add(arn);
      }
    }
    ResourceGroupsTaggingApiClient client =
        viaTagging.isEmpty() ? null : clients.tagging(accountId, region, provider);
    for (List<String> chunk : chunks(viaTagging, MAX_WRITE_ARNS)) {
      try {
        Map<String, FailureInfo> failed = tagging.send(client, chunk);
        failed.forEach(
            (arn, info) ->
                failures.put(
                    arn,
                    new TagFailure(
                        taggingOperation,
                        info.errorCodeAsString(),
                        info.errorMessage() == null ? "" : info.errorMessage())));
      } catch (SdkException e) {
        Map<String, TagFailure> into = outcomeUnknown(e) ? unknown : failures;
        chunk.forEach(arn -> into.put(arn, failure(taggingOperation, e)));
      }
    }
    return new Written(failures, unknown);
  }

  /**
   * Whether a write that failed with {@code e} may have been made all the same: AWS answered 5xx
   * (after the SDK's retries), or the request may have reached AWS before the connection failed or
   * timed out. A 4xx answer, or a connection that was never opened, changed nothing.
   */
  static boolean outcomeUnknown(SdkException e) {
    if (e instanceof AwsServiceException service) {
      return service.statusCode() >= 500;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.net.UnknownHostException) {
        return false;
      }
    }
    return e instanceof SdkClientException;
  }

  /** The account's credentials, fetched once; or why its role could not be assumed. */
  private Object enter(String accountId) {
    return credentials.computeIfAbsent(
        accountId,
        id -> {
          String partition = Partitions.partitionOf(clients.homeRegion());
          String roleArn = options.hasRole() ? options.roleArn(partition, id) : null;
          if (roleArn == null) {
            return clients.callerCredentials();
          }
          AwsCredentialsProvider role = clients.assumeRole(roleArn);
          try {
            role.resolveCredentials();
            return role;
          } catch (SdkException e) {
            return failure("AssumeRole", e);
          }
        });
  }

  private final Map<String, SageMakerClient> sagemakerViews = new ConcurrentHashMap<>();

  private SageMakerClient sagemaker(
      String accountId, String region, AwsCredentialsProvider provider) {
    return sagemakerViews.computeIfAbsent(
        accountId + "/" + region, key -> clients.sagemaker(accountId, region, provider));
  }

  private static boolean isSageMaker(String arn) {
    Arn parsed = Arn.parse(arn);
    return parsed != null && parsed.service().equals("sagemaker");
  }

  private static TagFailure failure(String operation, SdkException e) {
    return new TagFailure(operation, AwsFailures.code(e), AwsFailures.message(e));
  }

  private static SortedMap<String, String> tags(List<Tag> tags) {
    TreeMap<String, String> map = new TreeMap<>();
    for (Tag tag : tags) {
      if (tag.key() != null) {
        map.put(tag.key(), Objects.requireNonNullElse(tag.value(), ""));
      }
    }
    return Collections.unmodifiableSortedMap(map);
  }

  private static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      chunks.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
    }
    return chunks;
  }

  @Override
  public void close() {
    clients.close();
  }
}
