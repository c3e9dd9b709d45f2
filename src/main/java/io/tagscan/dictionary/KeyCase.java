package io.tagscan.dictionary;

/** The letter case the conventions ask of tag keys. */
public enum KeyCase {
  LOWER("lower"),
  UPPER("upper"),
  ANY("any");

  private final String slug;

  KeyCase(String slug) {
    this.slug = slug;
  }

  /** The name used in the dictionary file. */
  public String slug() {
    return slug;
  }

  /** Parses a slug; returns null for anything else. */
  public static KeyCase fromSlug(String slug) {
    for (KeyCase value : values()) {
      if (value.slug.equals(slug)) {
        return value;
      }
    }
    return null;
  }
}
