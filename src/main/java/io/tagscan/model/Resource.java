package io.tagscan.model;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One cloud resource as read from a source: its ARN, where it lives and its tags.
 *
 * <p>{@code accountId} and {@code region} are empty strings when neither the ARN nor the source
 * tells them (an S3 bucket read from a file, say). Tags are kept sorted by key so every stage sees
 * them in the same order; a null value is read as the empty string.
 */
public record Resource(
    String arn,
    String accountId,
    String region,
    String resourceType,
    Source source,
    SortedMap<String, String> tags) {

  public Resource {
    Objects.requireNonNull(arn, "arn");
    accountId = Objects.requireNonNullElse(accountId, "");
    region = Objects.requireNonNullElse(region, "");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(source, "source");
    tags = SortedTags.copyOf(Objects.requireNonNull(tags, "tags"));
  }

  /** Builds a resource from any map of tags. */
  public static Resource of(
      String arn,
      String accountId,
      String region,
      String resourceType,
      Source source,
      Map<String, String> tags) {
    return new Resource(arn, accountId, region, resourceType, source, SortedTags.copyOf(tags));
  }
}
