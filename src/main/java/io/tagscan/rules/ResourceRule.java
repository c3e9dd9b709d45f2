package io.tagscan.rules;

/**
 * A rule that judges one resource, given the key resolution every rule shares; implementations are
 * stateless and registered by id in {@link RuleRegistry}.
 */
interface ResourceRule {

  /** Reports every problem of this rule's kind on the resource. */
  void check(ResolvedResource resource, FindingSink sink);
}
