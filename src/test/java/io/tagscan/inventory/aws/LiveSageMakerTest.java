package io.tagscan.inventory.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.tagscan.inventory.aws.FakeAws.page;
import static io.tagscan.inventory.aws.FakeAws.roleKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.inventory.aws.RecordingListener.Unit;
import io.tagscan.model.Resource;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live scans that list SageMaker besides the Tagging API, against a fake AWS on loopback. */
class LiveSageMakerTest {

  private static final String A = "111111111111";
  private static final String B = "222222222222";
  private static final String REGION = "us-east-1";
  private static final String DOMAIN = arn(A, "domain/d-abc123");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FakeAws fake;

  @BeforeAll
  static void startAws() {
    fake = new FakeAws();
  }

  @AfterAll
  static void stopAws() {
    fake.stop();
  }

  @BeforeEach
  void resetAws() {
    fake.reset();
  }

  private static String arn(String account, String resource) {
    return "arn:aws:sagemaker:" + REGION + ":" + account + ":" + resource;
  }

  private static String instance(String account, String id) {
    return "arn:aws:ec2:" + REGION + ":" + account + ":instance/" + id;
  }

  private void givenAccount(String id) {
    fake.assumeRole(id);
    fake.describeAccount(id, "name-" + id, "ACTIVE");
    fake.accountTags(id, Map.of());
  }

  /** Endpoints as SageMaker's Search returns them, none tagged. */
  private void givenEndpoints(String account, String... arns) {
    Map<String, Map<String, String>> endpoints = new java.util.LinkedHashMap<>();
    for (String endpoint : arns) {
      endpoints.put(endpoint, Map.of());
    }
    givenTaggedEndpoints(account, endpoints);
  }

  /** Endpoints as SageMaker's Search returns them: each record with its tags. */
  private void givenTaggedEndpoints(String account, Map<String, Map<String, String>> endpoints) {
    com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
    var results = body.putArray("Results");
    endpoints.forEach(
        (endpoint, tags) -> {
          var record = results.addObject().putObject("Endpoint");
          record.put("EndpointName", endpoint.substring(endpoint.lastIndexOf('/') + 1));
          record.put("EndpointArn", endpoint);
          record.put("EndpointStatus", "InService");
          record.put("CreationTime", 1735689600);
          var tagList = record.putArray("Tags");
          tags.forEach((key, value) -> tagList.addObject().put("Key", key).put("Value", value));
        });
    fake.sagemakerSearch(roleKey(account), REGION, "Endpoint", null, body.toString());
  }

  private static OptionsBuilder options(String... accounts) {
    return OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(accounts);
  }

  private static LiveScanResult scan(OptionsBuilder options, RecordingListener listener) {
    try (LiveScanner scanner = new LiveScanner(options.build(), FakeAws.settings())) {
      return scanner.scan(listener);
    }
  }

  @Test
  void findsANeverTaggedEndpointThatOnlyTheListingReturns() {
    givenAccount(A);
    fake.resources(
        roleKey(A), REGION, List.of(page(null, null, Map.of(instance(A, "i-1"), Map.of()))));
    givenEndpoints(A, arn(A, "endpoint/churn"));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result = scan(options(A), listener);

    assertThat(listener.resources())
        .containsExactly(
            Resource.of(
                instance(A, "i-1"), A, REGION, "ec2:instance", Source.TAGGING_API, Map.of()),
            Resource.of(
                arn(A, "endpoint/churn"),
                A,
                REGION,
                "sagemaker:endpoint",
                Source.SAGEMAKER,
                Map.of()));
    assertThat(listener.errors()).isEmpty();
    assertThat(listener.units()).containsExactly(new Unit(A, REGION, true));
    assertThat(result.complete()).isTrue();
    assertThat(result.sagemaker()).containsExactly(new SageMakerCoverage(A, REGION, 0, 1, 1));
  }

  @Test
  void reportsOnceAResourceBothSourcesReturnEvenInAnotherCase() {
    givenAccount(A);
    String tagged = arn(A, "endpoint/Fraud");
    fake.resources(
        roleKey(A), REGION, List.of(page(null, null, Map.of(tagged, Map.of("team", "ml")))));
    Map<String, Map<String, String>> endpoints = new java.util.LinkedHashMap<>();
    endpoints.put(arn(A, "endpoint/fraud"), Map.of("team", "ml"));
    endpoints.put(arn(A, "endpoint/untagged"), Map.of("env", "dev"));
    givenTaggedEndpoints(A, endpoints);
    RecordingListener listener = new RecordingListener();

    LiveScanResult result = scan(options(A), listener);

    assertThat(listener.resources())
        .extracting(Resource::arn, Resource::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(tagged, Source.TAGGING_API),
            org.assertj.core.groups.Tuple.tuple(arn(A, "endpoint/untagged"), Source.SAGEMAKER));
    assertThat(listener.resources().get(1).tags()).containsEntry("env", "dev");
    // Search returned each endpoint's tags: no ListTags call is made for any of them.
    fake.server.verify(
        0, FakeAws.sagemakerRequests().withRequestBody(matchingJsonPath("$.ResourceArn")));
    assertThat(result.sagemaker()).containsExactly(new SageMakerCoverage(A, REGION, 1, 2, 1));
  }

  @Test
  void tellsTheDomainTagsBeforeAnyResourceOfThePair() {
    givenAccount(A);
    fake.sagemaker(
        roleKey(A),
        REGION,
        "ListDomains",
        null,
        "{\"Domains\":[{\"DomainArn\":\""
            + DOMAIN
            + "\",\"DomainId\":\"d-abc123\",\"DomainName\":\"research\",\"Status\":\"InService\"}]}");
    fake.sagemakerTags(roleKey(A), REGION, DOMAIN, Map.of("cost-center", "cc-42"));
    fake.resources(
        roleKey(A), REGION, List.of(page(null, null, Map.of(instance(A, "i-1"), Map.of()))));
    givenEndpoints(A, arn(A, "endpoint/churn"));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result = scan(options(A), listener);

    assertThat(listener.domains()).containsOnlyKeys(DOMAIN);
    assertThat(listener.domains().get(DOMAIN))
        .containsExactlyEntriesOf(Map.of("cost-center", "cc-42"));
    assertThat(listener.events())
        .containsSubsequence("domain " + DOMAIN, "resource " + A + " " + instance(A, "i-1"));
    // The listings run at once, yet only after the domains were told.
    assertThat(listener.events())
        .containsSubsequence("domain " + DOMAIN, "resource " + A + " " + arn(A, "endpoint/churn"));
    // The domain itself was never tagged through the Tagging API, so the listing reports it.
    assertThat(listener.arns()).contains(DOMAIN);
    assertThat(result.sagemaker()).containsExactly(new SageMakerCoverage(A, REGION, 0, 2, 2));
  }

  @Test
  void makesNoSageMakerCallWhenToldNotTo() {
    givenAccount(A);
    fake.resources(
        roleKey(A), REGION, List.of(page(null, null, Map.of(instance(A, "i-1"), Map.of()))));
    givenEndpoints(A, arn(A, "endpoint/churn"));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result = scan(options(A).noSagemaker(), listener);

    fake.server.verify(0, FakeAws.sagemakerRequests());
    assertThat(listener.arns()).containsExactly(instance(A, "i-1"));
    assertThat(result.sagemaker()).isEmpty();
    assertThat(result.complete()).isTrue();
  }

  @Test
  void marksOnlyTheAccountWhereSageMakerIsDeniedAsIncomplete() {
    givenAccount(A);
    givenAccount(B);
    fake.resources(
        roleKey(A), REGION, List.of(page(null, null, Map.of(instance(A, "i-1"), Map.of()))));
    fake.resources(
        roleKey(B), REGION, List.of(page(null, null, Map.of(instance(B, "i-2"), Map.of()))));
    givenEndpoints(A, arn(A, "endpoint/a"));
    fake.sagemakerFail(roleKey(B), REGION, 400, "AccessDeniedException");
    RecordingListener listener = new RecordingListener();

    LiveScanResult result = scan(options(A, B), listener);

    // Each listing is refused on its own, and each refusal names its operation.
    assertThat(listener.errors())
        .extracting(ScanError::accountId, ScanError::region, ScanError::code)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(B, REGION, "AccessDeniedException"));
    assertThat(listener.errors())
        .extracting(ScanError::operation)
        .contains("ListDomains", "ListUserProfiles", "ListModels", "ListHyperParameterTuningJobs")
        .doesNotHaveDuplicates();
    assertThat(listener.units())
        .containsExactly(new Unit(A, REGION, true), new Unit(B, REGION, false));
    // What the Tagging API returned in the denied account is still reported.
    assertThat(listener.arns())
        .containsExactly(instance(A, "i-1"), arn(A, "endpoint/a"), instance(B, "i-2"));
    assertThat(result.complete()).isFalse();
    // B's Tagging API read worked: B is scanned, partly.
    assertThat(result.accountsScanned()).isEqualTo(2);
    assertThat(result.accountsFailed()).isZero();
    assertThat(result.sagemaker()).containsExactly(new SageMakerCoverage(A, REGION, 0, 1, 1));
  }

  @Test
  void skipsAResourceDeletedBeforeItsTagsWereReadWithoutFailingTheScan() {
    givenAccount(A);
    fake.resources(roleKey(A), REGION, List.of(page(null, null, Map.of())));
    fake.sagemaker(
        roleKey(A),
        REGION,
        "ListEndpointConfigs",
        null,
        "{\"EndpointConfigs\":[{\"EndpointConfigName\":\"gone\",\"EndpointConfigArn\":\""
            + arn(A, "endpoint-config/gone")
            + "\"},{\"EndpointConfigName\":\"kept\",\"EndpointConfigArn\":\""
            + arn(A, "endpoint-config/kept")
            + "\"}]}");
    fake.server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post("/")
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListTags"))
            .withRequestBody(
                matchingJsonPath("$.ResourceArn", equalTo(arn(A, "endpoint-config/gone"))))
            .atPriority(1)
            .willReturn(
                FakeAws.json(
                    400,
                    "{\"__type\":\"ValidationException\",\"Message\":\"Endpoint config gone"
                        + " does not exist.\"}")));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result = scan(options(A), listener);

    assertThat(listener.arns()).containsExactly(arn(A, "endpoint-config/kept"));
    assertThat(listener.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(result.sagemaker()).containsExactly(new SageMakerCoverage(A, REGION, 0, 2, 1));
  }

  @Test
  void listsJobsCreatedWithinTheSageMakerWindow() throws Exception {
    givenAccount(A);
    fake.resources(roleKey(A), REGION, List.of(page(null, null, Map.of())));
    RecordingListener listener = new RecordingListener();

    scan(options(A).sagemakerSince(Duration.ofDays(7)), listener);

    var requests =
        fake.server.findAll(
            FakeAws.sagemakerRequests()
                .withHeader("X-Amz-Target", equalTo("SageMaker.ListProcessingJobs")));
    assertThat(requests).hasSize(1);
    JsonNode body = JSON.readTree(requests.get(0).getBodyAsString());
    double expected = Instant.now().minus(Duration.ofDays(7)).getEpochSecond();
    assertThat(body.get("CreationTimeAfter").asDouble()).isCloseTo(expected, within(120.0));
    var searches = fake.server.findAll(FakeAws.searchRequests("TrainingJob"));
    assertThat(searches).hasSize(1);
    JsonNode filter =
        JSON.readTree(searches.get(0).getBodyAsString()).at("/SearchExpression/Filters/0");
    assertThat(filter.get("Name").asText()).isEqualTo("CreationTime");
    assertThat(filter.get("Operator").asText()).isEqualTo("GreaterThanOrEqualTo");
    assertThat(Instant.parse(filter.get("Value").asText()).getEpochSecond())
        .isCloseTo((long) expected, within(120L));
  }

  @Test
  void findsEveryModelWithItsTagsInOneSearchCallAPageInsteadOfAListTagsCallEach() {
    givenAccount(A);
    fake.resources(roleKey(A), REGION, List.of(page(null, null, Map.of())));
    // 250 never-tagged models, 100 a page: the Tagging API knows none of them.
    for (int page = 0; page < 3; page++) {
      StringBuilder body = new StringBuilder("{\"Results\":[");
      for (int i = page * 100; i < Math.min(250, page * 100 + 100); i++) {
        body.append(i == page * 100 ? "" : ",")
            .append("{\"Model\":{\"Model\":{\"ModelName\":\"m")
            .append(i)
            .append("\",\"ModelArn\":\"")
            .append(arn(A, "model/m" + i))
            .append("\"")
            .append(i == 7 ? ",\"Tags\":[{\"Key\":\"team\",\"Value\":\"ml\"}]" : "")
            .append("}}}");
      }
      body.append("]").append(page < 2 ? ",\"NextToken\":\"models-" + (page + 1) + "\"" : "");
      fake.sagemakerSearch(
          roleKey(A),
          REGION,
          "Model",
          page == 0 ? null : "models-" + page,
          body.append("}").toString());
    }
    RecordingListener listener = new RecordingListener();

    LiveScanResult result = scan(options(A), listener);

    assertThat(listener.resources()).hasSize(250);
    assertThat(listener.resources())
        .filteredOn(resource -> resource.arn().equals(arn(A, "model/m7")))
        .singleElement()
        .satisfies(model -> assertThat(model.tags()).containsExactly(Map.entry("team", "ml")));
    assertThat(listener.resources())
        .filteredOn(resource -> resource.tags().isEmpty())
        .hasSize(249)
        .allMatch(resource -> resource.source() == Source.SAGEMAKER);
    assertThat(listener.errors()).isEmpty();
    assertThat(result.sagemaker()).containsExactly(new SageMakerCoverage(A, REGION, 0, 250, 250));
    // ceil(250 / 100) Search calls, where listing them took one ListModels page and 250 ListTags.
    fake.server.verify(3, FakeAws.searchRequests("Model"));
    fake.server.verify(
        0, FakeAws.sagemakerRequests().withHeader("X-Amz-Target", equalTo("SageMaker.ListTags")));
  }

  @Test
  void leavesOutPairsWhereNeitherSourceFoundSageMaker() {
    givenAccount(A);
    fake.resources(
        roleKey(A), REGION, List.of(page(null, null, Map.of(instance(A, "i-1"), Map.of()))));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result = scan(options(A), listener);

    assertThat(result.complete()).isTrue();
    assertThat(result.sagemaker()).isEmpty();
    fake.server.verify(
        1,
        FakeAws.sagemakerRequests().withHeader("X-Amz-Target", equalTo("SageMaker.ListDomains")));
  }
}
