package io.tagscan.inventory.aws;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * One kind of SageMaker resource, declared: how to list it (the SDK's own {@code list*Paginator},
 * or {@code searchPaginator} for a kind SageMaker's {@code Search} returns), what a page and a
 * summary hold, whether its listing follows {@code --sagemaker-since}, how to build its ARN when
 * the listing gives none, and where the summary carries the resource's tags, if it does. {@link
 * SageMakerKinds} holds every entry.
 *
 * @param operation the list operation, as errors name it ({@code ListEndpoints}, {@code
 *     Search:Endpoint})
 * @param pages the paginator for a client, given the instant after which resources were created
 *     (null for a kind that is not time-windowed, or when no window is set)
 * @param summaries the summaries of one page
 * @param nextToken the token one page hands on, checked against repeats
 * @param name the summary's name
 * @param arn the summary's ARN, or null when the listing gives none (then {@code builtArn} is set)
 * @param status the summary's status, or null when it has none
 * @param creationTime the summary's creation time, or null when it has none
 * @param timeWindowed true when only resources created after {@code --sagemaker-since} are listed
 * @param builtArn how the ARN is built from the summary, or null when {@code arn} is given
 * @param tags the resource's tags as the summary carries them (a {@code Search} record), or null
 *     when they are read with {@code ListTags}
 * @param <P> the page (the list operation's response)
 * @param <S> the summary of one resource
 */
record SageMakerKind<P, S>(
    String operation,
    BiFunction<SageMakerClient, Instant, Iterable<P>> pages,
    Function<P, List<S>> summaries,
    Function<P, String> nextToken,
    Function<S, String> name,
    Function<S, String> arn,
    Function<S, String> status,
    Function<S, Instant> creationTime,
    boolean timeWindowed,
    BuiltArn<S> builtArn,
    Function<S, List<Tag>> tags) {

  /** The status with which a resource stays listed for a while after deletion; never asked. */
  static final String DELETED = "Deleted";

  SageMakerKind {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(pages, "pages");
    Objects.requireNonNull(summaries, "summaries");
    Objects.requireNonNull(nextToken, "nextToken");
    Objects.requireNonNull(name, "name");
    if ((arn == null) == (builtArn == null)) {
      throw new IllegalArgumentException(operation + ": give either the ARN or how to build it");
    }
    if (timeWindowed && creationTime == null) {
      throw new IllegalArgumentException(
          operation + ": a time-windowed kind needs its creation time");
    }
    if (tags != null && arn == null) {
      throw new IllegalArgumentException(
          operation + ": a kind that carries its tags gives its ARN");
    }
  }

  /** A kind whose tags are read with {@code ListTags}, one call per resource. */
  SageMakerKind(
      String operation,
      BiFunction<SageMakerClient, Instant, Iterable<P>> pages,
      Function<P, List<S>> summaries,
      Function<P, String> nextToken,
      Function<S, String> name,
      Function<S, String> arn,
      Function<S, String> status,
      Function<S, Instant> creationTime,
      boolean timeWindowed,
      BuiltArn<S> builtArn) {
    this(
        operation,
        pages,
        summaries,
        nextToken,
        name,
        arn,
        status,
        creationTime,
        timeWindowed,
        builtArn,
        null);
  }

  /**
   * The resource's ARN, or null when it is not to be asked for its tags: the listing gave too
   * little to name it, it was deleted, or (time-windowed kinds) it was created before {@code
   * createdAfter} although the service was asked for newer ones only.
   */
  String arnOf(S summary, Instant createdAfter, String partition, String region, String account) {
    if (status != null && DELETED.equalsIgnoreCase(status.apply(summary))) {
      // A deleted resource stays listed for a while, but ListTags rejects it.
      return null;
    }
    if (timeWindowed && createdAfter != null) {
      Instant created = creationTime.apply(summary);
      if (created != null && created.isBefore(createdAfter)) {
        return null;
      }
    }
    if (arn != null) {
      String given = arn.apply(summary);
      return given == null || given.isEmpty() ? null : given;
    }
    StringBuilder built =
        new StringBuilder("arn:")
            .append(partition)
            .append(":sagemaker:")
            .append(region)
            .append(':')
            .append(account)
            .append(':')
            .append(builtArn.type());
    for (Function<S, String> part : builtArn.parents()) {
      if (!append(built, part.apply(summary))) {
        return null;
      }
    }
    return append(built, name.apply(summary)) ? built.toString() : null;
  }

  /** Adds {@code /part}; false when the part is missing, so the resource cannot be named. */
  private static boolean append(StringBuilder arn, String part) {
    if (part == null || part.isEmpty()) {
      return false;
    }
    arn.append('/').append(part);
    return true;
  }

  /**
   * An ARN in the form IAM documents for a kind whose listing gives none: {@code
   * arn:PARTITION:sagemaker:REGION:ACCOUNT:TYPE/PARENT/.../NAME}.
   *
   * @param type the resource type in the ARN ({@code user-profile})
   * @param parents the parts between the type and the name, in order ({@code DomainId})
   */
  record BuiltArn<S>(String type, List<Function<S, String>> parents) {
    BuiltArn {
      Objects.requireNonNull(type, "type");
      parents = List.copyOf(parents);
    }
  }
}
