package io.tagscan.report;

/** The shape of the CSV report: one row per finding, or one row per resource for pivot tables. */
public enum CsvLayout {
  FINDINGS("findings"),
  RESOURCES("resources");

  private final String slug;

  CsvLayout(String slug) {
    this.slug = slug;
  }

  /** The name used on the command line. */
  public String slug() {
    return slug;
  }

  /** Parses a slug such as {@code resources}; returns null for anything else. */
  public static CsvLayout fromSlug(String slug) {
    for (CsvLayout layout : values()) {
      if (layout.slug.equals(slug)) {
        return layout;
      }
    }
    return null;
  }
}
