package io.tagscan.model;

import java.util.Objects;

/**
 * What Billing says of one user-defined cost allocation tag key: whether it is known at all,
 * whether it is active, and the last day it was seen on spend (null: never).
 */
public record CostTagStatus(String key, boolean known, boolean active, String lastUsedDate) {

  public CostTagStatus {
    Objects.requireNonNull(key, "key");
  }
}
