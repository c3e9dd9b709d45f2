package io.tagscan.inventory.aws;

/**
 * What SageMaker discovery found in one account and region: every resource its list calls returned,
 * how many of those the Tagging API had already returned, how many only the listing found (and were
 * passed on with their tags), and how many vanished before their tags could be read.
 *
 * <p>{@code listed} is the sum of the other three unless discovery stopped on an error, in which
 * case resources whose tags were never read count only in {@code listed}.
 */
public record SageMakerCounts(
    int listed, int alsoFromTaggingApi, int onlyFromListing, int skippedDeleted) {

  /** Nothing found: discovery did not run or stopped before its first list call answered. */
  public static final SageMakerCounts NONE = new SageMakerCounts(0, 0, 0, 0);

  public SageMakerCounts {
    if (listed < 0 || alsoFromTaggingApi < 0 || onlyFromListing < 0 || skippedDeleted < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    if (alsoFromTaggingApi + onlyFromListing + skippedDeleted > listed) {
      throw new IllegalArgumentException("more resources accounted for than listed");
    }
  }

  /** These counts and the other's added up, for totals over many account × region pairs. */
  public SageMakerCounts plus(SageMakerCounts other) {
    return new SageMakerCounts(
        listed + other.listed,
        alsoFromTaggingApi + other.alsoFromTaggingApi,
        onlyFromListing + other.onlyFromListing,
        skippedDeleted + other.skippedDeleted);
  }
}
