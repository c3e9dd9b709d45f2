package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionsTest {

  @Test
  void knowsThePartitionOfARegion() {
    assertThat(Partitions.partitionOf("eu-west-1")).isEqualTo("aws");
    assertThat(Partitions.partitionOf("us-gov-west-1")).isEqualTo("aws-us-gov");
    assertThat(Partitions.partitionOf("cn-north-1")).isEqualTo("aws-cn");
  }

  @Test
  void takesARegionItDoesNotKnowForTheCommercialPartition() {
    assertThat(Partitions.partitionOf("xx-test-1")).isEqualTo("aws");
  }

  @Test
  void asksOrganizationsAtItsGlobalEndpoint() {
    assertThat(Partitions.organizationsRegion("aws", "eu-west-1")).isEqualTo("us-east-1");
    assertThat(Partitions.organizationsRegion("aws-us-gov", "us-gov-east-1"))
        .isEqualTo("us-gov-west-1");
    assertThat(Partitions.organizationsRegion("aws-cn", "cn-north-1")).isEqualTo("cn-northwest-1");
  }

  @Test
  void readsGlobalResourcesWhereTheTaggingApiReportsThem() {
    assertThat(Partitions.globalResourceRegion("aws")).isEqualTo("us-east-1");
    assertThat(Partitions.globalResourceRegion("aws-us-gov")).isEqualTo("us-gov-west-1");
    assertThat(Partitions.globalResourceRegion("aws-iso")).isNull();
  }

  @Test
  void listsThePartitionsTaggingRegionsFromTheSdkMetadata() {
    assertThat(Partitions.taggingRegions("aws-us-gov"))
        .containsExactly("us-gov-east-1", "us-gov-west-1");
    assertThat(Partitions.taggingRegions("aws"))
        .contains("us-east-1", "eu-west-1", "af-south-1", "ap-southeast-2")
        .doesNotContain("cn-north-1", "us-gov-west-1", "aws-global")
        .allMatch(region -> !region.contains("fips"))
        .isSorted();
  }
}
