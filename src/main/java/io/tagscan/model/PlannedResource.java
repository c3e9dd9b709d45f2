package io.tagscan.model;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A resource as infrastructure as code will create or update it: the {@link Resource} to judge (its
 * ARN is the Terraform address or CloudFormation logical id, its type the tagscan type mapped from
 * {@code iacType}, or {@code unknown}), where it is written, which of its tags hold values known
 * only at apply or deploy time ({@code unknownKeys}, present in its tags with an empty value), and
 * whether other tags may be added then too ({@code moreTagsUnknown}: the whole tag map or an entry
 * of it is computed).
 */
public record PlannedResource(
    Resource resource,
    String iacType,
    boolean typeMapped,
    Set<String> unknownKeys,
    boolean moreTagsUnknown,
    SourceLocation location) {

  /** The resource type of a resource whose IaC type the mapping table does not name. */
  public static final String UNMAPPED_TYPE = "unknown";

  public PlannedResource {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(iacType, "iacType");
    unknownKeys = Set.copyOf(new TreeSet<>(unknownKeys));
    Objects.requireNonNull(location, "location");
    for (String key : unknownKeys) {
      if (!resource.tags().containsKey(key)) {
        throw new IllegalArgumentException("an unknown tag must be among the resource's tags");
      }
    }
  }

  /** The same resource under another name (to tell apart two files' resources of one id). */
  public PlannedResource named(String name) {
    Resource r = resource;
    return new PlannedResource(
        new Resource(name, r.accountId(), r.region(), r.resourceType(), r.source(), r.tags()),
        iacType,
        typeMapped,
        unknownKeys,
        moreTagsUnknown,
        location);
  }
}
