package io.tagscan.inventory.aws;

import io.tagscan.inventory.Arn;
import io.tagscan.model.Resource;
import io.tagscan.model.Source;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesRequest;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;

/**
 * Reads one account × region through the Tagging API's {@code GetResources} paginator and hands
 * each new resource on as its page arrives.
 */
final class TaggingReader {

  /** The most resources a page may hold. */
  static final int RESOURCES_PER_PAGE = 100;

  /** The most tags a page may hold; a resource and its tags are never split across pages. */
  static final int TAGS_PER_PAGE = 500;

  private final GetResourcesRequest request;
  private final String globalResourceRegion;

  /**
   * @param resourceTypes the {@code ResourceTypeFilters}; empty for every type
   * @param globalResourceRegion where global resources are read, or null to keep them anywhere
   */
  TaggingReader(List<String> resourceTypes, String globalResourceRegion) {
    GetResourcesRequest.Builder builder =
        GetResourcesRequest.builder()
            .resourcesPerPage(RESOURCES_PER_PAGE)
            .tagsPerPage(TAGS_PER_PAGE);
    if (!resourceTypes.isEmpty()) {
      builder.resourceTypeFilters(resourceTypes);
    }
    this.request = builder.build();
    this.globalResourceRegion = globalResourceRegion;
  }

  /**
   * Reads every page; resources whose ARN is already in {@code seen} are skipped.
   *
   * @throws software.amazon.awssdk.core.exception.SdkException when a call fails after the SDK's
   *     retries, or a page hands back a token given before ({@link PageTokens.Loop})
   * @throws CancellationException when {@code stopped} turns true between pages
   */
  void read(
      ResourceGroupsTaggingApiClient client,
      String accountId,
      String region,
      Set<String> seen,
      Consumer<Resource> out,
      BooleanSupplier stopped) {
    // The paginator stops at a missing or empty PaginationToken; the tokens stop a repeated one.
    PageTokens tokens = new PageTokens("GetResources");
    for (GetResourcesResponse page : client.getResourcesPaginator(request)) {
      if (stopped.getAsBoolean()) {
        throw new CancellationException("the scan was stopped");
      }
      for (ResourceTagMapping mapping : page.resourceTagMappingList()) {
        Resource resource = toResource(mapping, accountId, region);
        if (resource != null && seen.add(resource.arn())) {
          out.accept(resource);
        }
      }
      tokens.more(page.paginationToken());
    }
  }

  /**
   * The resource, or null when it has no ARN or is a global resource met outside the region where
   * global resources are read.
   */
  Resource toResource(ResourceTagMapping mapping, String accountId, String region) {
    String text = mapping.resourceARN();
    if (text == null || text.isBlank()) {
      return null;
    }
    Arn arn = Arn.parseOrNull(text);
    boolean global =
        arn != null && arn.region().isEmpty() && Partitions.GLOBAL_SERVICES.contains(arn.service());
    if (global && globalResourceRegion != null && !globalResourceRegion.equals(region)) {
      return null;
    }
    String resourceRegion;
    if (arn != null && !arn.region().isEmpty()) {
      resourceRegion = arn.region();
    } else if (global) {
      resourceRegion = "global";
    } else {
      resourceRegion = region;
    }
    String owner = arn != null && !arn.accountId().isEmpty() ? arn.accountId() : accountId;
    String type = arn != null ? arn.resourceType() : "unknown";
    TreeMap<String, String> tags = new TreeMap<>();
    for (Tag tag : mapping.tags()) {
      if (tag.key() != null) {
        tags.put(tag.key(), tag.value() == null ? "" : tag.value());
      }
    }
    return new Resource(text, owner, resourceRegion, type, Source.TAGGING_API, tags);
  }
}
