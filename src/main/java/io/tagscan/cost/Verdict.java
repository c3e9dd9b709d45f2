package io.tagscan.cost;

/** How spend stands against a cost-allocation key of the dictionary. */
public enum Verdict {
  /** Its value is one the dictionary accepts. */
  VALID,
  /** Its value breaks one of the dictionary's value rules. */
  INVALID,
  /** It carries no value for the key. */
  UNTAGGED;

  /** The word reports use. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
