package io.tagscan.dictionary;

import java.util.List;
import java.util.Objects;

/**
 * One key of the tagging dictionary: what it is for, whether it is mandatory and counts toward cost
 * allocation, what values it takes, which old spellings stand for it, and which resource types it
 * applies to.
 *
 * <p>{@code appliesTo} holds resource-type globs such as {@code s3:bucket} or {@code sagemaker:*};
 * a glob with no colon names a whole service. An empty list means every resource type. {@code
 * values} is null when any value is allowed. {@code line} and {@code column} place the entry's
 * {@code key} field in its file (0 when built in code or read from a report that did not record
 * them). {@code defaultValue}, null when absent, is the value {@code tagscan fix plan} adds when
 * the key is missing and no {@code --set} names one; the loader checks it against {@code values}.
 */
public record TagSpec(
    String key,
    String type,
    String purpose,
    boolean costAllocation,
    boolean mandatory,
    ValueRule values,
    List<String> aliases,
    List<Glob> appliesTo,
    int line,
    int column,
    String defaultValue) {

  public TagSpec {
    Objects.requireNonNull(key, "key");
    type = Objects.requireNonNullElse(type, "");
    purpose = Objects.requireNonNullElse(purpose, "");
    aliases = List.copyOf(aliases);
    appliesTo = List.copyOf(appliesTo);
  }

  /** A key with no default value. */
  public TagSpec(
      String key,
      String type,
      String purpose,
      boolean costAllocation,
      boolean mandatory,
      ValueRule values,
      List<String> aliases,
      List<Glob> appliesTo,
      int line,
      int column) {
    this(
        key,
        type,
        purpose,
        costAllocation,
        mandatory,
        values,
        aliases,
        appliesTo,
        line,
        column,
        null);
  }

  /** Where the entry's {@code key} field is written. */
  public Mark mark() {
    return new Mark(line, column);
  }

  /**
   * True when this key is in scope for resources of the given type (such as {@code ec2:instance}).
   */
  public boolean appliesTo(String resourceType) {
    if (appliesTo.isEmpty()) {
      return true;
    }
    for (Glob glob : appliesTo) {
      if (glob.matches(resourceType)) {
        return true;
      }
      if (glob.pattern().indexOf(':') < 0 && glob.matches(serviceOf(resourceType))) {
        return true;
      }
    }
    return false;
  }

  private static String serviceOf(String resourceType) {
    int colon = resourceType.indexOf(':');
    return colon < 0 ? resourceType : resourceType.substring(0, colon);
  }
}
