package io.tagscan.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An AWS account a scan covers; {@code name} and {@code state} are empty when unknown (an account
 * given by id without Organizations access), and {@code tags} are the account's own tags.
 */
public record Account(String id, String name, String state, SortedMap<String, String> tags) {

  public Account {
    Objects.requireNonNull(id, "id");
    name = Objects.requireNonNullElse(name, "");
    state = Objects.requireNonNullElse(state, "");
    tags = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(tags, "tags")));
  }

  /** An account known only by its id. */
  public static Account ofId(String id) {
    return new Account(id, "", "", new TreeMap<>());
  }

  /** Builds an account from any map of tags. */
  public static Account of(String id, String name, String state, Map<String, String> tags) {
    return new Account(id, name, state, new TreeMap<>(tags));
  }
}
