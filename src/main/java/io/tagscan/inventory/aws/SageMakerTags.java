package io.tagscan.inventory.aws;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Reads a SageMaker resource's tags with {@code ListTags}, or takes them from a {@code Search}
 * record, and tells a resource that is gone.
 */
final class SageMakerTags {

  /** {@code ListTags} takes at least 50 and at most 100 tags a page. */
  static final int PAGE_SIZE = 100;

  /** The phrases with which SageMaker's ValidationException says a resource is gone. */
  private static final List<String> GONE_PHRASES =
      List.of("does not exist", "not found", "could not find", "cannot find", "can't find");

  private final SageMakerClient client;

  SageMakerTags(SageMakerClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * The resource's tags, every page of them.
   *
   * @throws SdkException when a call fails after the client's retries, or a page hands back a token
   *     given before ({@link PageTokens.Loop})
   */
  SortedMap<String, String> read(String arn) {
    TreeMap<String, String> tags = new TreeMap<>();
    PageTokens tokens = new PageTokens("ListTags");
    for (ListTagsResponse page :
        client.listTagsPaginator(r -> r.resourceArn(arn).maxResults(PAGE_SIZE))) {
      add(tags, page.tags());
      tokens.more(page.nextToken());
    }
    return Collections.unmodifiableSortedMap(tags);
  }

  /** The tags as a {@code Search} record carries them (none when it carries no list). */
  static SortedMap<String, String> of(List<Tag> given) {
    TreeMap<String, String> tags = new TreeMap<>();
    if (given != null) {
      add(tags, given);
    }
    return Collections.unmodifiableSortedMap(tags);
  }

  private static void add(Map<String, String> tags, List<Tag> given) {
    for (Tag tag : given) {
      if (tag.key() != null) {
        tags.put(tag.key(), Objects.requireNonNullElse(tag.value(), ""));
      }
    }
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
}
