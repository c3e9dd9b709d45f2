package io.tagscan.rules;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The rule {@code sagemaker-tag-not-propagated}: a resource created in a SageMaker domain should
 * carry, with the same value, each tag the domain carries that the dictionary lists under {@code
 * sagemaker.propagate}.
 *
 * <p>A resource's domain is the one its {@code sagemaker:domain-arn} tag names (SageMaker sets it
 * on what it creates in a domain); failing that, for user profiles, spaces and apps, the domain
 * whose id their ARN carries ({@code user-profile/d-abc123/alice}). A domain whose tags are unknown
 * — not read, in another account, or deleted — yields no finding, since nothing can be compared.
 */
public final class PropagationCheck {

  /** The tag SageMaker puts on resources created in a domain, naming the domain. */
  public static final String DOMAIN_ARN_TAG = "sagemaker:domain-arn";

  /** The types whose ARN names their domain: {@code TYPE/DOMAIN-ID/...}. */
  private static final Set<String> TYPES_NAMING_THEIR_DOMAIN =
      Set.of("sagemaker:user-profile", "sagemaker:space", "sagemaker:app");

  private static final String DOMAIN_TYPE = "sagemaker:domain";

  private PropagationCheck() {}

  /**
   * The findings of {@code sagemaker-tag-not-propagated} for one resource, sorted by key.
   *
   * @param domainTags the tags of the domain with the given ARN, or null when they are unknown
   */
  public static List<Finding> check(
      Dictionary dictionary,
      Resource resource,
      Function<String, SortedMap<String, String>> domainTags) {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(domainTags, "domainTags");
    Severity severity = dictionary.severity(RuleId.SAGEMAKER_TAG_NOT_PROPAGATED);
    if (severity == null
        || dictionary.sagemakerPropagate().isEmpty()
        || resource.resourceType().equals(DOMAIN_TYPE)) {
      return List.of();
    }
    String domainArn = domainOf(resource);
    if (domainArn == null || domainArn.equals(resource.arn())) {
      return List.of();
    }
    SortedMap<String, String> domain = domainTags.apply(domainArn);
    if (domain == null) {
      return List.of();
    }
    String domainName = Texts.escape(domainId(domainArn));
    List<Finding> findings = new ArrayList<>();
    for (String key : new TreeSet<>(dictionary.sagemakerPropagate())) {
      String expected = domain.get(key);
      if (expected == null) {
        continue;
      }
      String actual = resource.tags().get(key);
      if (expected.equals(actual)) {
        continue;
      }
      String message =
          actual == null
              ? "The resource lacks "
                  + Texts.quote(key)
                  + ", which its SageMaker domain "
                  + domainName
                  + " carries as "
                  + Texts.quote(expected)
                  + "."
              : Texts.quote(key)
                  + " is "
                  + Texts.quote(actual)
                  + " here but "
                  + Texts.quote(expected)
                  + " on the resource's SageMaker domain "
                  + domainName
                  + ".";
      String fix =
          "set "
              + Texts.quote(key)
              + " to "
              + Texts.quote(expected)
              + " as on domain "
              + domainName
              + " (tags added to a domain reach only apps launched afterwards)";
      findings.add(
          new Finding(
              RuleId.SAGEMAKER_TAG_NOT_PROPAGATED, severity, key, actual, expected, fix, message));
    }
    return List.copyOf(findings);
  }

  /** The ARN of the resource's domain, or null when it belongs to none that can be told. */
  static String domainOf(Resource resource) {
    String tagged = resource.tags().get(DOMAIN_ARN_TAG);
    if (tagged != null && !tagged.isBlank()) {
      return tagged.strip();
    }
    if (!TYPES_NAMING_THEIR_DOMAIN.contains(resource.resourceType())) {
      return null;
    }
    // arn:PARTITION:sagemaker:REGION:ACCOUNT:TYPE/DOMAIN-ID/...
    String[] parts = resource.arn().split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      return null;
    }
    String[] path = parts[5].split("/", 3);
    if (path.length < 2 || path[1].isEmpty()) {
      return null;
    }
    return String.join(":", "arn", parts[1], parts[2], parts[3], parts[4], "domain/" + path[1]);
  }

  /** The domain's id ({@code d-abc123}) from its ARN, or the whole text if it is no domain ARN. */
  private static String domainId(String domainArn) {
    int at = domainArn.lastIndexOf(":domain/");
    if (at < 0) {
      return domainArn;
    }
    String id = domainArn.substring(at + ":domain/".length());
    return id.isEmpty() ? domainArn : id;
  }
}
