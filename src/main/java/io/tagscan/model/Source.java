package io.tagscan.model;

/** Where a resource record came from. */
public enum Source {
  TAGGING_API("tagging-api"),
  SAGEMAKER("sagemaker"),
  RESOURCE_EXPLORER("resource-explorer"),
  ORGANIZATIONS("organizations");

  private final String slug;

  Source(String slug) {
    this.slug = slug;
  }

  /** The name used in reports and snapshots. */
  public String slug() {
    return slug;
  }

  /** Parses a slug; returns null for anything else. */
  public static Source fromSlug(String slug) {
    for (Source source : values()) {
      if (source.slug.equals(slug)) {
        return source;
      }
    }
    return null;
  }
}
