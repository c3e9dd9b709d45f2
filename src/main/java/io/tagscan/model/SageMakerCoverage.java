package io.tagscan.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * How many SageMaker resources of one account and region each source found: the Tagging API, the
 * SageMaker listing, and the listing alone (resources never tagged, which the Tagging API cannot
 * see).
 */
public record SageMakerCoverage(
    String accountId, String region, int taggingApi, int listing, int listingOnly) {

  /** By account, then region. */
  public static final Comparator<SageMakerCoverage> ORDER =
      Comparator.comparing(SageMakerCoverage::accountId).thenComparing(SageMakerCoverage::region);

  public SageMakerCoverage {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    if (taggingApi < 0 || listing < 0 || listingOnly < 0) {
      throw new IllegalArgumentException("SageMaker counts cannot be negative");
    }
    if (listingOnly > listing) {
      throw new IllegalArgumentException("more resources found only by the listing than listed");
    }
  }
}
