package io.tagscan.inventory.aws;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/** What depends on the AWS partition: its regions, and where its global services answer. */
final class Partitions {

  /**
   * Services whose resources live in no region: the Tagging API gives their tags only in the
   * partition's global region, so they are read there and dropped from every other region.
   */
  static final Set<String> GLOBAL_SERVICES =
      Set.of(
          "iam",
          "cloudfront",
          "route53",
          "route53domains",
          "waf",
          "shield",
          "globalaccelerator",
          "networkmanager",
          "budgets",
          "ce");

  private Partitions() {}

  /** The partition a region belongs to ({@code aws} for regions the SDK does not know). */
  static String partitionOf(String region) {
    RegionMetadata metadata = Region.of(region).metadata();
    if (metadata != null) {
      return metadata.partition().id();
    }
    return PartitionMetadata.of(Region.of(region)).id();
  }

  /** Where Organizations, a global service, answers in the partition. */
  static String organizationsRegion(String partition, String homeRegion) {
    return switch (partition) {
      case "aws" -> "us-east-1";
      case "aws-us-gov" -> "us-gov-west-1";
      case "aws-cn" -> "cn-northwest-1";
      default -> homeRegion;
    };
  }

  /**
   * The region in which the Tagging API reports global resources (IAM, CloudFront, Route 53); null
   * for partitions where tagscan knows of none, where every resource is then kept where found.
   */
  static String globalResourceRegion(String partition) {
    return switch (partition) {
      case "aws" -> "us-east-1";
      case "aws-us-gov" -> "us-gov-west-1";
      case "aws-cn" -> "cn-north-1";
      default -> null;
    };
  }

  /** The partition's regions where the SDK's metadata says the Tagging API is offered, sorted. */
  static List<String> taggingRegions(String partition) {
    TreeSet<String> regions = new TreeSet<>();
    for (Region region : ResourceGroupsTaggingApiClient.serviceMetadata().regions()) {
      if (!region.isGlobalRegion()
          && !region.id().contains("fips")
          && partitionOf(region.id()).equals(partition)) {
        regions.add(region.id());
      }
    }
    return List.copyOf(regions);
  }
}
