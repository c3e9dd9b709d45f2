package io.tagscan.rules;

/**
 * What is wrong with the value of a tag, worked out once so that exactly one value rule reports it.
 */
enum ValueVerdict {
  OK,
  EMPTY,
  CASE_MISMATCH,
  NOT_ALLOWED,
  PATTERN_MISMATCH
}
