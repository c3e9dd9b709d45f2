package io.tagscan.model;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An AWS account a scan covers; {@code name} and {@code state} are empty when unknown (an account
 * given by id without Organizations access), and {@code tags} are the account's own tags.
 *
 * <p>{@code arn} is the account's ARN as Organizations gives it ({@code
 * arn:aws:organizations::MANAGEMENT:account/o-ORG/ID}); when Organizations did not say, it is
 * {@code arn:aws:organizations::ID:account/ID}, so that every account still has one stable name.
 * {@code tagsKnown} is false when Organizations would not tell the account's tags: the empty {@code
 * tags} then mean "unknown", not "none", and the account cannot be judged by them.
 */
public record Account(
    String id,
    String name,
    String state,
    SortedMap<String, String> tags,
    String arn,
    boolean tagsKnown) {

  public Account {
    Objects.requireNonNull(id, "id");
    name = Objects.requireNonNullElse(name, "");
    state = Objects.requireNonNullElse(state, "");
    tags = SortedTags.copyOf(Objects.requireNonNull(tags, "tags"));
    if (arn == null || arn.isEmpty()) {
      arn = "arn:aws:organizations::" + id + ":account/" + id;
    }
    if (!tagsKnown && !tags.isEmpty()) {
      throw new IllegalArgumentException("an account with unknown tags carries none");
    }
  }

  /** An account whose tags are known and whose ARN Organizations did not give. */
  public Account(String id, String name, String state, SortedMap<String, String> tags) {
    this(id, name, state, tags, "", true);
  }

  /** An account known only by its id, with no tags. */
  public static Account ofId(String id) {
    return new Account(id, "", "", new TreeMap<>());
  }

  /** Builds an account from any map of tags. */
  public static Account of(String id, String name, String state, Map<String, String> tags) {
    return new Account(id, name, state, new TreeMap<>(tags));
  }

  /** Builds an account with its ARN from any map of tags. */
  public static Account of(
      String id, String name, String state, Map<String, String> tags, String arn) {
    return new Account(id, name, state, new TreeMap<>(tags), arn, true);
  }

  /** The same account with these tags, now known. */
  public Account withTags(Map<String, String> known) {
    return new Account(id, name, state, new TreeMap<>(known), arn, true);
  }

  /** The same account, its tags unknown because they could not be read. */
  public Account withUnknownTags() {
    return new Account(id, name, state, new TreeMap<>(), arn, false);
  }

  /**
   * The account as the reports list it among the resources, so that its own tags are judged too.
   */
  public Resource asResource() {
    return new Resource(arn(), id(), "", "organizations:account", Source.ORGANIZATIONS, tags());
  }
}
