package io.tagscan.inventory.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * SageMaker discovery through {@code Search}, against an in-test server answering in SageMaker's
 * JSON 1.1 wire format ({@code X-Amz-Target: SageMaker.Search}).
 */
class SageMakerSearchTest {

  @RegisterExtension
  static final WireMockExtension SAGEMAKER =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String ACCOUNT = "111122223333";
  private static final String REGION = "us-east-1";
  private static final String PREFIX = "arn:aws:sagemaker:us-east-1:111122223333:";
  private static final Instant JOBS_SINCE = Instant.parse("2025-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Predicate<String> NOTHING_FOUND = arn -> false;

  private SageMakerClient client;
  private final Recorder listener = new Recorder();

  @BeforeEach
  void startClient() {
    client =
        SageMakerClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")))
            .endpointOverride(URI.create(SAGEMAKER.baseUrl()))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(
                o ->
                    o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(3)
                            .backoffStrategy(BackoffStrategy.retryImmediately())
                            .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                            .circuitBreakerEnabled(false)
                            .build()))
            .build();
    // Every call not stubbed by a test answers with an empty page, and every resource with no
    // tags.
    SAGEMAKER.stubFor(post("/").atPriority(100).willReturn(json("{}")));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Endpoint, EndpointArn, endpoint/churn, sagemaker:endpoint, false",
    "Model, ModelArn, model/churn, sagemaker:model, false",
    "ModelPackageGroup, ModelPackageGroupArn, model-package-group/churn,"
        + " sagemaker:model-package-group, false",
    "ModelPackage, ModelPackageArn, model-package/churn/3, sagemaker:model-package, false",
    "Pipeline, PipelineArn, pipeline/nightly, sagemaker:pipeline, false",
    "FeatureGroup, FeatureGroupArn, feature-group/customers, sagemaker:feature-group, false",
    "TrainingJob, TrainingJobArn, training-job/train-1, sagemaker:training-job, true",
    "HyperParameterTuningJob, HyperParameterTuningJobArn, hyper-parameter-tuning-job/tune-1,"
        + " sagemaker:hyper-parameter-tuning-job, true"
  })
  void searchesEachKindThroughEveryPageAndTakesTheTagsItReturns(
      String type, String arnField, String resource, String resourceType, boolean windowed) {
    String arn = PREFIX + resource;
    String entity =
        """
        {"%s": "%s", "CreationTime": 1735776000,
         "Tags": [{"Key": "team", "Value": "ml"}, {"Key": "aws:cloudformation:stack-name",
                   "Value": "ml"}]}
        """
            .formatted(arnField, arn);
    SAGEMAKER.stubFor(
        firstSearch(type)
            .willReturn(
                json(
                    "{\"Results\": [%s], \"NextToken\": \"p2\"}".formatted(record(type, entity)))));
    SAGEMAKER.stubFor(search(type, "p2").willReturn(json("{\"Results\": []}")));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.resources)
        .containsExactly(
            new Resource(
                arn,
                ACCOUNT,
                REGION,
                resourceType,
                Source.SAGEMAKER,
                new TreeMap<>(Map.of("team", "ml", "aws:cloudformation:stack-name", "ml"))));
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
    assertThat(listener.errors).isEmpty();
    List<LoggedRequest> calls = SAGEMAKER.findAll(searchCalls(type));
    assertThat(calls).hasSize(2);
    assertThat(body(calls.get(0)).get("MaxResults").asInt()).isEqualTo(100);
    assertThat(body(calls.get(0)).has("SearchExpression")).isEqualTo(windowed);
    assertThat(body(calls.get(1)).get("NextToken").asText()).isEqualTo("p2");
    assertThat(SAGEMAKER.findAll(call("ListTags"))).isEmpty();
  }

  @Test
  void callsSearchOncePerHundredResourcesAndNeverListTags() {
    for (int page = 0; page < 3; page++) {
      StringBuilder results = new StringBuilder();
      for (int i = page * 100; i < Math.min(250, page * 100 + 100); i++) {
        results
            .append(results.isEmpty() ? "" : ",")
            .append(
                record(
                    "Model",
                    "{\"ModelName\": \"m%d\", \"ModelArn\": \"%smodel/m%1$d\"}"
                        .formatted(i, PREFIX)));
      }
      String next = page < 2 ? ", \"NextToken\": \"t" + (page + 1) + "\"" : "";
      MappingBuilder call = page == 0 ? firstSearch("Model") : search("Model", "t" + page);
      SAGEMAKER.stubFor(call.willReturn(json("{\"Results\": [" + results + "]" + next + "}")));
    }

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(counts).isEqualTo(new SageMakerCounts(250, 0, 250, 0));
    assertThat(listener.resources).hasSize(250).allMatch(resource -> resource.tags().isEmpty());
    assertThat(SAGEMAKER.findAll(searchCalls("Model"))).hasSize(3);
    assertThat(SAGEMAKER.findAll(call("ListTags"))).isEmpty();
  }

  @Test
  void leavesResourcesTheTaggingApiReturnedToItEvenInAnotherCase() {
    SAGEMAKER.stubFor(
        firstSearch("Endpoint")
            .willReturn(
                json(
                    """
                    {"Results": [
                       {"Endpoint": {"EndpointName": "Fraud", "EndpointArn": "%1$sendpoint/Fraud"}},
                       {"Endpoint": {"EndpointName": "churn", "EndpointArn": "%1$sendpoint/churn",
                                     "Tags": [{"Key": "team", "Value": "ml"}]}}]}
                    """
                        .formatted(PREFIX))));

    SageMakerCounts counts = discover(Set.of(PREFIX + "endpoint/fraud")::contains);

    assertThat(listener.arns()).containsExactly(PREFIX + "endpoint/churn");
    assertThat(counts).isEqualTo(new SageMakerCounts(2, 1, 1, 0));
  }

  @Test
  void reportsAFailedSearchWithItsOperationAndStillFindsEveryOtherKind() {
    SAGEMAKER.stubFor(
        firstSearch("Endpoint")
            .atPriority(1)
            .willReturn(error(500, "InternalFailure", "We encountered an internal error.")));
    SAGEMAKER.stubFor(
        firstSearch("Model")
            .willReturn(
                json(
                    "{\"Results\": [%s]}"
                        .formatted(
                            record(
                                "Model", "{\"ModelArn\": \"%smodel/churn\"}".formatted(PREFIX))))));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.errors)
        .containsExactly(
            new ScanError(
                ACCOUNT,
                REGION,
                "Search:Endpoint",
                "InternalFailure",
                "We encountered an internal error."));
    assertThat(listener.arns()).containsExactly(PREFIX + "model/churn");
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
    // The client's three attempts, and no listing in its place: the search was not refused.
    assertThat(SAGEMAKER.findAll(searchCalls("Endpoint"))).hasSize(3);
    assertThat(SAGEMAKER.findAll(call("ListEndpoints"))).isEmpty();
    assertThat(SAGEMAKER.findAll(call("ListNotebookInstances"))).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "AccessDeniedException, User is not authorized to perform: sagemaker:Search",
    "ValidationException, Search is not supported for this resource type in this region"
  })
  void listsAKindWhoseSearchIsRefusedAndReadsItsTagsAsBefore(String code, String message) {
    SAGEMAKER.stubFor(firstSearch("Endpoint").atPriority(1).willReturn(error(400, code, message)));
    SAGEMAKER.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListEndpoints"))
            .willReturn(
                json(
                    """
                    {"Endpoints": [{"EndpointName": "churn", "EndpointArn": "%sendpoint/churn",
                                    "EndpointStatus": "InService"}]}
                    """
                        .formatted(PREFIX))));
    SAGEMAKER.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListTags"))
            .withRequestBody(matchingJsonPath("$.ResourceArn", equalTo(PREFIX + "endpoint/churn")))
            .willReturn(json("{\"Tags\": [{\"Key\": \"team\", \"Value\": \"ml\"}]}")));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.errors).isEmpty();
    assertThat(listener.resources)
        .singleElement()
        .satisfies(
            resource -> {
              assertThat(resource.arn()).isEqualTo(PREFIX + "endpoint/churn");
              assertThat(resource.tags()).containsExactly(Map.entry("team", "ml"));
            });
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
    assertThat(SAGEMAKER.findAll(searchCalls("Endpoint"))).hasSize(1);
    assertThat(SAGEMAKER.findAll(call("ListEndpoints"))).hasSize(1);
  }

  @Test
  void reportsTheListingWhenBothTheSearchAndTheListingStandingInForItAreDenied() {
    SAGEMAKER.stubFor(
        firstSearch("TrainingJob")
            .atPriority(1)
            .willReturn(error(400, "AccessDeniedException", "not authorized: sagemaker:Search")));
    SAGEMAKER.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListTrainingJobs"))
            .willReturn(
                error(400, "AccessDeniedException", "not authorized: sagemaker:ListTrainingJobs")));

    discover(NOTHING_FOUND);

    assertThat(listener.errors)
        .containsExactly(
            new ScanError(
                ACCOUNT,
                REGION,
                "ListTrainingJobs",
                "AccessDeniedException",
                "not authorized: sagemaker:ListTrainingJobs"));
    // The listing stands in with the same window.
    assertThat(body(SAGEMAKER.findAll(call("ListTrainingJobs")).get(0)).has("CreationTimeAfter"))
        .isTrue();
  }

  @Test
  void endsASearchWhoseNextTokenRepeatsWithAPaginationLoopError() {
    // Every Pipeline page, whatever token it is asked with, points at the same next page.
    SAGEMAKER.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("SageMaker.Search"))
            .withRequestBody(matchingJsonPath("$.Resource", equalTo("Pipeline")))
            .willReturn(
                json(
                    """
                    {"Results": [{"Pipeline": {"PipelineArn": "%spipeline/nightly"}}],
                     "NextToken": "same-page"}
                    """
                        .formatted(PREFIX))));

    discover(NOTHING_FOUND);

    assertThat(SAGEMAKER.findAll(searchCalls("Pipeline"))).hasSize(2);
    assertThat(listener.errors)
        .extracting(ScanError::operation, ScanError::code)
        .containsExactly(tuple("Search:Pipeline", "PaginationLoop"));
    // Resources of the pages read before the loop showed are kept (the scan drops repeats by ARN).
    assertThat(listener.arns()).containsOnly(PREFIX + "pipeline/nightly");
  }

  @Test
  void asksForJobsCreatedInTheWindowAndLeavesOutOlderOnesTheServiceReturnsAnyway() {
    SAGEMAKER.stubFor(
        firstSearch("TrainingJob")
            .willReturn(
                json(
                    """
                    {"Results": [
                       {"TrainingJob": {"TrainingJobName": "old",
                        "TrainingJobArn": "%1$straining-job/old", "CreationTime": 1704067200,
                        "TrainingJobStatus": "Completed"}},
                       {"TrainingJob": {"TrainingJobName": "new",
                        "TrainingJobArn": "%1$straining-job/new", "CreationTime": 1735776000,
                        "TrainingJobStatus": "Completed"}}]}
                    """
                        .formatted(PREFIX))));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.arns()).containsExactly(PREFIX + "training-job/new");
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
    for (String type : List.of("TrainingJob", "HyperParameterTuningJob")) {
      JsonNode expression =
          body(SAGEMAKER.findAll(searchCalls(type)).get(0)).get("SearchExpression");
      assertThat(expression.toString())
          .as(type)
          .isEqualTo(
              "{\"Filters\":[{\"Name\":\"CreationTime\",\"Operator\":\"GreaterThanOrEqualTo\","
                  + "\"Value\":\"2025-01-01T00:00:00Z\"}]}");
    }
  }

  @Test
  void searchesEveryJobWhenNoInstantIsGiven() {
    SageMakerDiscovery discovery = new SageMakerDiscovery(client, ACCOUNT, REGION, null, 4);
    discovery.discoverDomains(listener);
    discovery.discoverResources(NOTHING_FOUND, listener);

    assertThat(body(SAGEMAKER.findAll(searchCalls("TrainingJob")).get(0)).has("SearchExpression"))
        .isFalse();
  }

  @Test
  void skipsRecordsThatNameNoResource() {
    SAGEMAKER.stubFor(
        firstSearch("FeatureGroup")
            .willReturn(
                json(
                    """
                    {"Results": [{}, {"FeatureGroup": {"FeatureGroupName": "no-arn"}},
                       {"FeatureGroup": {"FeatureGroupArn": "%sfeature-group/kept"}}]}
                    """
                        .formatted(PREFIX))));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.arns()).containsExactly(PREFIX + "feature-group/kept");
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
  }

  private SageMakerCounts discover(Predicate<String> alreadyFound) {
    SageMakerDiscovery discovery = new SageMakerDiscovery(client, ACCOUNT, REGION, JOBS_SINCE, 4);
    discovery.discoverDomains(listener);
    return discovery.discoverResources(alreadyFound, listener);
  }

  /** A Search record of the type; a model's is the model dashboard's entry around the model. */
  private static String record(String type, String entity) {
    String member = type.equals("Model") ? "{\"Model\": " + entity + "}" : entity;
    return "{\"" + type + "\": " + member + "}";
  }

  private static MappingBuilder firstSearch(String type) {
    return post("/")
        .withHeader("X-Amz-Target", equalTo("SageMaker.Search"))
        .withRequestBody(matchingJsonPath("$.Resource", equalTo(type)))
        .withRequestBody(notContaining("NextToken"));
  }

  private static MappingBuilder search(String type, String token) {
    return post("/")
        .withHeader("X-Amz-Target", equalTo("SageMaker.Search"))
        .withRequestBody(matchingJsonPath("$.Resource", equalTo(type)))
        .withRequestBody(matchingJsonPath("$.NextToken", equalTo(token)));
  }

  private static RequestPatternBuilder call(String operation) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("SageMaker." + operation));
  }

  private static RequestPatternBuilder searchCalls(String type) {
    return call("Search").withRequestBody(matchingJsonPath("$.Resource", equalTo(type)));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder error(int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\": \"%s\", \"Message\": \"%s\"}".formatted(code, message));
  }

  private static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (IOException e) {
      throw new AssertionError("the request body is not JSON: " + request.getBodyAsString(), e);
    }
  }

  /** Keeps what discovery tells, from any thread. */
  private static class Recorder implements ScanListener {
    final Queue<Resource> resources = new ConcurrentLinkedQueue<>();
    final Queue<ScanError> errors = new ConcurrentLinkedQueue<>();

    @Override
    public void resource(Resource resource) {
      resources.add(resource);
    }

    @Override
    public void domain(String domainArn, SortedMap<String, String> tags) {}

    @Override
    public void error(ScanError error) {
      errors.add(error);
    }

    List<String> arns() {
      return resources.stream().map(Resource::arn).sorted().toList();
    }
  }
}
