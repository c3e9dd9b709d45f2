package io.tagscan.rules;

/** How a tag came to stand for a dictionary key; earlier constants win when several tags do. */
enum Match {
  /** The key exactly as the dictionary spells it. */
  EXACT,
  /** The dictionary key in another letter case. */
  CASE,
  /** One of the key's declared aliases, exactly. */
  ALIAS,
  /** A near-miss spelling: the key with other separators, CamelCase, or part of it. */
  NEAR_MISS
}
