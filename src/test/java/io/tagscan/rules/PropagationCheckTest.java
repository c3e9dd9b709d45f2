package io.tagscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tagscan.dictionary.Conventions;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PropagationCheckTest {

  private static final String PREFIX = "arn:aws:sagemaker:us-east-1:111122223333:";
  private static final String DOMAIN = PREFIX + "domain/d-abc123";
  private static final String APPLICATION = "anycompany:workload:application-id";
  private static final String COST_CENTER = "anycompany:finance:cost-center";

  private static final Function<String, SortedMap<String, String>> DOMAINS =
      Map.of(
              DOMAIN,
              (SortedMap<String, String>)
                  new TreeMap<>(
                      Map.of(
                          APPLICATION,
                          "churn",
                          COST_CENTER,
                          "5045",
                          "anycompany:workload:environment",
                          "production")))
          ::get;

  @Test
  void reportsAPropagatedKeyTheResourceLacks() {
    Resource endpoint = resource("endpoint/churn", Map.of("sagemaker:domain-arn", DOMAIN));

    List<Finding> findings = PropagationCheck.check(dictionary(APPLICATION), endpoint, DOMAINS);

    assertThat(findings)
        .containsExactly(
            new Finding(
                RuleId.SAGEMAKER_TAG_NOT_PROPAGATED,
                Severity.WARNING,
                APPLICATION,
                null,
                "churn",
                "set 'anycompany:workload:application-id' to 'churn' as on domain d-abc123"
                    + " (tags added to a domain reach only apps launched afterwards)",
                "The resource lacks 'anycompany:workload:application-id', which its SageMaker"
                    + " domain d-abc123 carries as 'churn'."));
  }

  @Test
  void reportsAPropagatedKeyWithAnotherValueThanTheDomains() {
    Resource endpoint =
        resource("endpoint/churn", Map.of("sagemaker:domain-arn", DOMAIN, APPLICATION, "Churn-v2"));

    List<Finding> findings = PropagationCheck.check(dictionary(APPLICATION), endpoint, DOMAINS);

    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.value()).isEqualTo("Churn-v2");
    assertThat(finding.expected()).isEqualTo("churn");
    assertThat(finding.fix()).startsWith("set 'anycompany:workload:application-id' to 'churn'");
    assertThat(finding.message())
        .isEqualTo(
            "'anycompany:workload:application-id' is 'Churn-v2' here but 'churn' on the"
                + " resource's SageMaker domain d-abc123.");
  }

  @Test
  void acceptsAPropagatedKeyWithTheDomainsValue() {
    Resource endpoint =
        resource("endpoint/churn", Map.of("sagemaker:domain-arn", DOMAIN, APPLICATION, "churn"));

    assertThat(PropagationCheck.check(dictionary(APPLICATION), endpoint, DOMAINS)).isEmpty();
  }

  @Test
  void ignoresKeysTheDictionaryDoesNotPropagateOrTheDomainDoesNotCarry() {
    Resource endpoint = resource("endpoint/churn", Map.of("sagemaker:domain-arn", DOMAIN));

    List<Finding> findings =
        PropagationCheck.check(
            dictionary(APPLICATION, "anycompany:finance:owner"), endpoint, DOMAINS);

    assertThat(findings).extracting(Finding::key).containsExactly(APPLICATION);
  }

  @Test
  void sortsFindingsByKey() {
    Resource endpoint = resource("endpoint/churn", Map.of("sagemaker:domain-arn", DOMAIN));

    List<Finding> findings =
        PropagationCheck.check(dictionary(APPLICATION, COST_CENTER), endpoint, DOMAINS);

    assertThat(findings).extracting(Finding::key).containsExactly(COST_CENTER, APPLICATION);
  }

  @Test
  void findsTheDomainOfUserProfilesSpacesAndAppsInTheirArn() {
    Dictionary dictionary = dictionary(APPLICATION);

    for (String path :
        List.of(
            "user-profile/d-abc123/alice",
            "space/d-abc123/team-space",
            "app/d-abc123/alice/jupyterserver/default")) {
      Resource resource = resource(path, Map.of());
      assertThat(PropagationCheck.check(dictionary, resource, DOMAINS))
          .as(path)
          .extracting(Finding::key, Finding::expected)
          .containsExactly(tuple(APPLICATION, "churn"));
    }
  }

  @Test
  void prefersTheDomainTheTagNamesToTheOneInTheArn() {
    String other = PREFIX + "domain/d-other";
    Function<String, SortedMap<String, String>> domains =
        Map.of(
                DOMAIN, (SortedMap<String, String>) new TreeMap<>(Map.of(APPLICATION, "churn")),
                other, (SortedMap<String, String>) new TreeMap<>(Map.of(APPLICATION, "fraud")))
            ::get;
    Resource app =
        resource("app/d-abc123/alice/jupyterserver/default", Map.of("sagemaker:domain-arn", other));

    assertThat(PropagationCheck.check(dictionary(APPLICATION), app, domains))
        .extracting(Finding::expected)
        .containsExactly("fraud");
  }

  @Test
  void saysNothingWhenTheDomainIsUnknown() {
    Resource endpoint =
        resource("endpoint/churn", Map.of("sagemaker:domain-arn", PREFIX + "domain/d-gone"));
    Resource profile =
        new Resource(
            "arn:aws:sagemaker:eu-west-1:111122223333:user-profile/d-abc123/alice",
            "111122223333",
            "eu-west-1",
            "sagemaker:user-profile",
            Source.SAGEMAKER,
            new TreeMap<>());

    assertThat(PropagationCheck.check(dictionary(APPLICATION), endpoint, DOMAINS)).isEmpty();
    assertThat(PropagationCheck.check(dictionary(APPLICATION), profile, DOMAINS)).isEmpty();
  }

  @Test
  void saysNothingForResourcesInNoDomain() {
    Resource model = resource("model/churn", Map.of());

    assertThat(PropagationCheck.check(dictionary(APPLICATION), model, DOMAINS)).isEmpty();
  }

  @Test
  void neverChecksADomainAgainstItself() {
    Resource domain = resource("domain/d-abc123", Map.of());

    assertThat(PropagationCheck.check(dictionary(APPLICATION), domain, DOMAINS)).isEmpty();
  }

  @Test
  void saysNothingWhenTheRuleIsSwitchedOff() {
    Map<RuleId, Severity> severities = Dictionary.defaultSeverities();
    severities.remove(RuleId.SAGEMAKER_TAG_NOT_PROPAGATED);
    Dictionary off = dictionary(severities, APPLICATION);
    Resource endpoint = resource("endpoint/churn", Map.of("sagemaker:domain-arn", DOMAIN));

    assertThat(PropagationCheck.check(off, endpoint, DOMAINS)).isEmpty();
  }

  @Test
  void reportsWithTheSeverityTheDictionaryGivesTheRule() {
    Map<RuleId, Severity> severities = Dictionary.defaultSeverities();
    severities.put(RuleId.SAGEMAKER_TAG_NOT_PROPAGATED, Severity.ERROR);
    Resource endpoint = resource("endpoint/churn", Map.of("sagemaker:domain-arn", DOMAIN));

    assertThat(PropagationCheck.check(dictionary(severities, APPLICATION), endpoint, DOMAINS))
        .extracting(Finding::severity)
        .containsExactly(Severity.ERROR);
  }

  @Test
  void escapesControlCharactersInValuesItQuotes() {
    Function<String, SortedMap<String, String>> domains =
        Map.of(
                DOMAIN,
                (SortedMap<String, String>) new TreeMap<>(Map.of(APPLICATION, "churn\u001b[31m")))
            ::get;
    Resource endpoint = resource("endpoint/churn", Map.of("sagemaker:domain-arn", DOMAIN));

    Finding finding = PropagationCheck.check(dictionary(APPLICATION), endpoint, domains).get(0);

    assertThat(finding.expected()).isEqualTo("churn\u001b[31m");
    assertThat(finding.fix()).contains("'churn\\u001b[31m'").doesNotContain("\u001b");
    assertThat(finding.message()).doesNotContain("\u001b");
  }

  private static Resource resource(String path, Map<String, String> tags) {
    String arn = PREFIX + path;
    String type = "sagemaker:" + path.substring(0, path.indexOf('/'));
    return Resource.of(arn, "111122223333", "us-east-1", type, Source.SAGEMAKER, tags);
  }

  private static Dictionary dictionary(String... propagate) {
    return dictionary(Dictionary.defaultSeverities(), propagate);
  }

  private static Dictionary dictionary(Map<RuleId, Severity> severities, String... propagate) {
    return new Dictionary(
        1,
        "anycompany",
        Conventions.DEFAULT,
        List.of(),
        List.of(),
        List.of(propagate),
        severities,
        "",
        "");
  }
}
