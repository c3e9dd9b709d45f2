package io.tagscan.model;

/** Every rule tagscan knows, by its stable slug, with its default severity. */
public enum RuleId {
  MISSING_MANDATORY_TAG("missing-mandatory-tag", Severity.ERROR),
  KEY_CASE_MISMATCH("key-case-mismatch", Severity.ERROR),
  KEY_ALIAS("key-alias", Severity.WARNING),
  VALUE_NOT_ALLOWED("value-not-allowed", Severity.ERROR),
  VALUE_PATTERN_MISMATCH("value-pattern-mismatch", Severity.ERROR),
  VALUE_CASE_MISMATCH("value-case-mismatch", Severity.ERROR),
  EMPTY_VALUE("empty-value", Severity.ERROR),
  KEY_CONVENTION("key-convention", Severity.WARNING),
  UNDECLARED_KEY("undeclared-key", Severity.WARNING),
  PII_IN_TAG("pii-in-tag", Severity.ERROR),
  TAG_LIMIT("tag-limit", Severity.ERROR),
  ACCOUNT_MISSING_TAG("account-missing-tag", Severity.ERROR),
  SAGEMAKER_TAG_NOT_PROPAGATED("sagemaker-tag-not-propagated", Severity.WARNING),
  UNTAGGED_RESOURCE("untagged-resource", Severity.ERROR),
  EXEMPTION_EXPIRED("exemption-expired", Severity.WARNING),
  COST_ALLOCATION_TAG_INACTIVE("cost-allocation-tag-inactive", Severity.ERROR),
  COST_ALLOCATION_TAG_UNUSED("cost-allocation-tag-unused", Severity.INFO),
  TAG_POLICY_MISSING("tag-policy-missing", Severity.ERROR),
  TAG_POLICY_MISSING_REQUIRED_KEY("tag-policy-missing-required-key", Severity.ERROR),
  TAG_POLICY_KEY_CASE("tag-policy-key-case", Severity.ERROR),
  TAG_POLICY_VALUES_DIFFER("tag-policy-values-differ", Severity.WARNING),
  TAG_POLICY_UNKNOWN_KEY("tag-policy-unknown-key", Severity.WARNING),
  TAG_POLICY_VALIDATION_ERROR("tag-policy-validation-error", Severity.WARNING),
  UNKNOWN_UNTIL_APPLY("unknown-until-apply", Severity.INFO);

  private final String slug;
  private final Severity defaultSeverity;

  RuleId(String slug, Severity defaultSeverity) {
    this.slug = slug;
    this.defaultSeverity = defaultSeverity;
  }

  /** The stable id used in dictionaries, exemptions and reports. */
  public String slug() {
    return slug;
  }

  /** The severity used unless the dictionary says otherwise. */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** Parses a slug; returns null for anything else. */
  public static RuleId fromSlug(String slug) {
    for (RuleId id : values()) {
      if (id.slug.equals(slug)) {
        return id;
      }
    }
    return null;
  }
}
