package io.tagscan.model;

import java.util.List;
import java.util.Objects;

/**
 * What AWS says of one account's tag policy: the effective policy document ({@code
 * DescribeEffectivePolicy}; null when the account has none), the keys the Tagging API reports as
 * required in each region read ({@code ListRequiredTags}), the regions read, and the validation
 * errors Organizations found in the effective policy ({@code ListEffectivePolicyValidationErrors};
 * empty when there are none or the caller may not read them).
 */
public record AccountPolicy(
    Account account,
    String policyContent,
    List<RequiredTags> requiredTags,
    List<String> regionsRead,
    List<ValidationError> validationErrors) {

  public AccountPolicy {
    Objects.requireNonNull(account, "account");
    requiredTags = List.copyOf(requiredTags);
    regionsRead = List.copyOf(regionsRead);
    validationErrors = List.copyOf(validationErrors);
  }

  /** True when the account has an effective tag policy. */
  public boolean hasPolicy() {
    return policyContent != null;
  }

  /** One {@code RequiredTags} entry: a resource type and the keys required of it in a region. */
  public record RequiredTags(String region, String resourceType, List<String> keys) {
    public RequiredTags {
      Objects.requireNonNull(region, "region");
      resourceType = Objects.requireNonNullElse(resourceType, "");
      keys = List.copyOf(keys);
    }
  }

  /** One error Organizations found in the effective policy, where in it and why. */
  public record ValidationError(String code, String message, String path) {
    public ValidationError {
      code = Objects.requireNonNullElse(code, "");
      message = Objects.requireNonNullElse(message, "");
      path = Objects.requireNonNullElse(path, "");
    }
  }
}
