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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

class SageMakerDiscoveryTest {

  @RegisterExtension
  static final WireMockExtension SAGEMAKER =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String ACCOUNT = "111122223333";
  private static final String REGION = "us-east-1";
  private static final String PREFIX = "arn:aws:sagemaker:us-east-1:111122223333:";
  private static final String DOMAIN = PREFIX + "domain/d-abc123";
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
    // Every list call not stubbed by a test answers with an empty page, and every resource with
    // no tags.
    SAGEMAKER.stubFor(post("/").atPriority(100).willReturn(json("{}")));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void followsNextTokenThroughEveryPageOfAListCall() {
    SAGEMAKER.stubFor(
        firstPage("ListEndpointConfigs")
            .willReturn(
                json(
                    """
                    {"EndpointConfigs": [
                       {"EndpointConfigName": "a", "EndpointConfigArn": "%1$sendpoint-config/a",
                        "CreationTime": 1735689600.5},
                       {"EndpointConfigName": "b", "EndpointConfigArn": "%1$sendpoint-config/b",
                        "CreationTime": 1735689600}],
                     "NextToken": "page-2"}
                    """
                        .formatted(PREFIX))));
    SAGEMAKER.stubFor(
        page("ListEndpointConfigs", "page-2")
            .willReturn(
                json(
                    """
                    {"EndpointConfigs": [{"EndpointConfigName": "c", "EndpointConfigArn": "%sendpoint-config/c",
                      "CreationTime": 1735689600}],
                     "NextToken": "page-3"}
                    """
                        .formatted(PREFIX))));
    // An empty token ends the listing just as a missing one does.
    SAGEMAKER.stubFor(
        page("ListEndpointConfigs", "page-3")
            .willReturn(
                json(
                    """
                    {"EndpointConfigs": [{"EndpointConfigName": "d", "EndpointConfigArn": "%sendpoint-config/d",
                      "CreationTime": 1735689600}],
                     "NextToken": ""}
                    """
                        .formatted(PREFIX))));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.arns())
        .containsExactlyInAnyOrder(
            PREFIX + "endpoint-config/a",
            PREFIX + "endpoint-config/b",
            PREFIX + "endpoint-config/c",
            PREFIX + "endpoint-config/d");
    assertThat(counts).isEqualTo(new SageMakerCounts(4, 0, 4, 0));
    List<LoggedRequest> calls = SAGEMAKER.findAll(call("ListEndpointConfigs"));
    assertThat(calls).hasSize(3);
    assertThat(calls)
        .allSatisfy(request -> assertThat(body(request).get("MaxResults").asInt()).isEqualTo(100));
  }

  @Test
  void reportsNeverTaggedResourcesThatOnlyTheListingFinds() {
    SAGEMAKER.stubFor(
        firstPage("ListNotebookInstances")
            .willReturn(
                json(
                    """
                    {"NotebookInstances": [{"NotebookInstanceName": "churn",
                       "NotebookInstanceArn": "%snotebook-instance/churn",
                       "CreationTime": 1735689600}]}
                    """
                        .formatted(PREFIX))));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.resources)
        .containsExactly(
            new Resource(
                PREFIX + "notebook-instance/churn",
                ACCOUNT,
                REGION,
                "sagemaker:notebook-instance",
                Source.SAGEMAKER,
                new TreeMap<>()));
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
    assertThat(listener.errors).isEmpty();
  }

  @Test
  void leavesResourcesTheTaggingApiReturnedToIt() {
    SAGEMAKER.stubFor(
        firstPage("ListNotebookInstances")
            .willReturn(
                json(
                    """
                    {"NotebookInstances": [
                       {"NotebookInstanceName": "tagged",
                        "NotebookInstanceArn": "%1$snotebook-instance/tagged"},
                       {"NotebookInstanceName": "untagged",
                        "NotebookInstanceArn": "%1$snotebook-instance/untagged"}]}
                    """
                        .formatted(PREFIX))));
    tags(PREFIX + "notebook-instance/untagged", Map.of("team", "ml"));

    SageMakerCounts counts = discover(Set.of(PREFIX + "notebook-instance/tagged")::contains);

    assertThat(listener.arns()).containsExactly(PREFIX + "notebook-instance/untagged");
    assertThat(listener.resources.peek().tags()).containsExactly(Map.entry("team", "ml"));
    assertThat(counts).isEqualTo(new SageMakerCounts(2, 1, 1, 0));
    assertThat(SAGEMAKER.findAll(listTagsOf(PREFIX + "notebook-instance/tagged"))).isEmpty();
  }

  @Test
  void matchesTheTaggingApisLowerCaseArnsForNamesListedInAnotherCase() {
    SAGEMAKER.stubFor(
        firstPage("ListUserProfiles")
            .willReturn(
                json(
                    """
                    {"UserProfiles": [{"DomainId": "d-abc123", "UserProfileName": "Alice",
                                       "Status": "InService"}]}
                    """)));

    SageMakerCounts counts = discover(Set.of(PREFIX + "user-profile/d-abc123/alice")::contains);

    assertThat(listener.resources).isEmpty();
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 1, 0, 0));
  }

  @Test
  void buildsTheArnsOfUserProfilesSpacesAndAppsWhichTheirListingsLack() {
    SAGEMAKER.stubFor(
        firstPage("ListUserProfiles")
            .willReturn(
                json(
                    """
                    {"UserProfiles": [{"DomainId": "d-abc123", "UserProfileName": "alice",
                                       "Status": "InService", "CreationTime": 1735689600}]}
                    """)));
    SAGEMAKER.stubFor(
        firstPage("ListSpaces")
            .willReturn(
                json(
                    """
                    {"Spaces": [{"DomainId": "d-abc123", "SpaceName": "team-space",
                                 "Status": "InService"}]}
                    """)));
    SAGEMAKER.stubFor(
        firstPage("ListApps")
            .willReturn(
                json(
                    """
                    {"Apps": [
                       {"DomainId": "d-abc123", "UserProfileName": "alice",
                        "AppType": "JupyterServer", "AppName": "default", "Status": "InService"},
                       {"DomainId": "d-abc123", "SpaceName": "team-space",
                        "AppType": "JupyterLab", "AppName": "default", "Status": "InService"},
                       {"DomainId": "d-abc123", "UserProfileName": "alice",
                        "AppType": "KernelGateway", "AppName": "datascience-1-0-ml-t3-medium",
                        "Status": "Pending"}]}
                    """)));

    discover(NOTHING_FOUND);

    assertThat(listener.resources)
        .extracting(Resource::arn, Resource::resourceType)
        .containsExactlyInAnyOrder(
            tuple(PREFIX + "user-profile/d-abc123/alice", "sagemaker:user-profile"),
            tuple(PREFIX + "space/d-abc123/team-space", "sagemaker:space"),
            tuple(PREFIX + "app/d-abc123/alice/jupyterserver/default", "sagemaker:app"),
            tuple(PREFIX + "app/d-abc123/team-space/jupyterlab/default", "sagemaker:app"),
            tuple(
                PREFIX + "app/d-abc123/alice/kernelgateway/datascience-1-0-ml-t3-medium",
                "sagemaker:app"));
    assertThat(SAGEMAKER.findAll(listTagsOf(PREFIX + "user-profile/d-abc123/alice"))).hasSize(1);
  }

  @Test
  void buildsArnsInTheRegionsPartition() {
    assertThat(Partitions.partitionOf("us-east-1")).isEqualTo("aws");
    assertThat(Partitions.partitionOf("cn-north-1")).isEqualTo("aws-cn");
    assertThat(Partitions.partitionOf("us-gov-west-1")).isEqualTo("aws-us-gov");
  }

  @Test
  void skipsDeletedAppsWithoutAskingForTheirTags() {
    SAGEMAKER.stubFor(
        firstPage("ListApps")
            .willReturn(
                json(
                    """
                    {"Apps": [
                       {"DomainId": "d-abc123", "UserProfileName": "alice",
                        "AppType": "JupyterServer", "AppName": "default", "Status": "Deleted"},
                       {"DomainId": "d-abc123", "UserProfileName": "bob",
                        "AppType": "JupyterServer", "AppName": "default", "Status": "InService"}]}
                    """)));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.arns()).containsExactly(PREFIX + "app/d-abc123/bob/jupyterserver/default");
    assertThat(SAGEMAKER.findAll(listTagsOf(PREFIX + "app/d-abc123/alice/jupyterserver/default")))
        .isEmpty();
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
  }

  @Test
  void skipsAndCountsResourcesDeletedBeforeTheirTagsAreRead() {
    SAGEMAKER.stubFor(
        firstPage("ListEndpointConfigs")
            .willReturn(
                json(
                    """
                    {"EndpointConfigs": [
                       {"EndpointConfigName": "gone", "EndpointConfigArn": "%1$sendpoint-config/gone",
                        "CreationTime": 1735689600},
                       {"EndpointConfigName": "vanished",
                        "EndpointConfigArn": "%1$sendpoint-config/vanished",
                        "CreationTime": 1735689600},
                       {"EndpointConfigName": "kept", "EndpointConfigArn": "%1$sendpoint-config/kept",
                        "CreationTime": 1735689600}]}
                    """
                        .formatted(PREFIX))));
    SAGEMAKER.stubFor(
        listTags(PREFIX + "endpoint-config/gone")
            .willReturn(error(400, "ResourceNotFound", "Resource not found.")));
    SAGEMAKER.stubFor(
        listTags(PREFIX + "endpoint-config/vanished")
            .willReturn(
                error(
                    400,
                    "ValidationException",
                    "Resource " + PREFIX + "endpoint-config/vanished does not exist.")));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.arns()).containsExactly(PREFIX + "endpoint-config/kept");
    assertThat(listener.errors).isEmpty();
    assertThat(counts).isEqualTo(new SageMakerCounts(3, 0, 1, 2));
  }

  @Test
  void reportsADeniedListCallAndStillListsEveryOtherKind() {
    SAGEMAKER.stubFor(
        firstPage("ListUserProfiles")
            .willReturn(
                json(
                    """
                    {"UserProfiles": [{"DomainId": "d-abc123", "UserProfileName": "alice"}]}
                    """)));
    SAGEMAKER.stubFor(
        firstPage("ListNotebookInstances")
            .willReturn(
                error(
                    400,
                    "AccessDeniedException",
                    "User is not authorized to perform: sagemaker:ListNotebookInstances")));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.errors)
        .containsExactly(
            new ScanError(
                ACCOUNT,
                REGION,
                "ListNotebookInstances",
                "AccessDeniedException",
                "User is not authorized to perform: sagemaker:ListNotebookInstances"));
    assertThat(SAGEMAKER.findAll(call("ListNotebookInstances"))).hasSize(1);
    assertThat(SAGEMAKER.findAll(call("ListEndpointConfigs"))).hasSize(1);
    assertThat(SAGEMAKER.findAll(call("ListProcessingJobs"))).hasSize(1);
    assertThat(SAGEMAKER.findAll(call("Search"))).hasSize(SageMakerSearches.ALL.size());
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
  }

  @Test
  void keepsListingTheOtherKindsWhenOneListingAnswersServerErrors() {
    SAGEMAKER.stubFor(
        firstPage("ListUserProfiles")
            .willReturn(error(500, "InternalFailure", "We encountered an internal error.")));
    SAGEMAKER.stubFor(
        firstPage("ListNotebookInstances")
            .willReturn(
                json(
                    """
                    {"NotebookInstances": [{"NotebookInstanceName": "churn",
                       "NotebookInstanceArn": "%snotebook-instance/churn"}]}
                    """
                        .formatted(PREFIX))));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.arns()).containsExactly(PREFIX + "notebook-instance/churn");
    assertThat(listener.errors)
        .extracting(ScanError::operation, ScanError::code)
        .containsExactly(tuple("ListUserProfiles", "InternalFailure"));
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
  }

  @Test
  void endsAListingWhoseNextTokenRepeatsWithAPaginationLoopError() {
    // Every ListProcessingJobs page, whatever token it is asked with, points at the same next page.
    SAGEMAKER.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListProcessingJobs"))
            .willReturn(
                json(
                    """
                    {"ProcessingJobSummaries": [{"ProcessingJobName": "churn",
                        "ProcessingJobArn": "%sprocessing-job/churn"}],
                     "NextToken": "same-page"}
                    """
                        .formatted(PREFIX))));
    SAGEMAKER.stubFor(
        firstPage("ListEndpointConfigs")
            .willReturn(
                json(
                    """
                    {"EndpointConfigs": [{"EndpointConfigName": "e",
                      "EndpointConfigArn": "%sendpoint-config/e"}]}
                    """
                        .formatted(PREFIX))));

    discover(NOTHING_FOUND);

    assertThat(SAGEMAKER.findAll(call("ListProcessingJobs"))).hasSize(2);
    assertThat(listener.errors)
        .extracting(ScanError::operation, ScanError::code)
        .containsExactly(tuple("ListProcessingJobs", "PaginationLoop"));
    // Resources of the pages read before the loop showed are kept (the scan drops repeats by ARN).
    assertThat(listener.arns())
        .containsOnly(PREFIX + "endpoint-config/e", PREFIX + "processing-job/churn");
  }

  @Test
  void endsADomainListingWhoseNextTokenRepeatsAndStillListsTheOtherKinds() {
    SAGEMAKER.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListDomains"))
            .willReturn(
                json(
                    """
                    {"Domains": [{"DomainArn": "%s", "DomainId": "d-abc123"}],
                     "NextToken": "same-page"}
                    """
                        .formatted(DOMAIN))));
    SAGEMAKER.stubFor(
        firstPage("ListNotebookInstances")
            .willReturn(
                json(
                    """
                    {"NotebookInstances": [{"NotebookInstanceName": "churn",
                       "NotebookInstanceArn": "%snotebook-instance/churn"}]}
                    """
                        .formatted(PREFIX))));

    discover(NOTHING_FOUND);

    assertThat(SAGEMAKER.findAll(call("ListDomains"))).hasSize(2);
    assertThat(listener.errors)
        .extracting(ScanError::operation, ScanError::code)
        .containsExactly(tuple("ListDomains", "PaginationLoop"));
    assertThat(listener.arns()).containsOnly(DOMAIN, PREFIX + "notebook-instance/churn");
  }

  @Test
  void endsATagListingWhoseNextTokenRepeatsWithAPaginationLoopError() {
    SAGEMAKER.stubFor(
        firstPage("ListEndpointConfigs")
            .willReturn(
                json(
                    """
                    {"EndpointConfigs": [{"EndpointConfigName": "e",
                      "EndpointConfigArn": "%sendpoint-config/e"}]}
                    """
                        .formatted(PREFIX))));
    SAGEMAKER.stubFor(
        listTags(PREFIX + "endpoint-config/e")
            .willReturn(
                json("{\"Tags\": [{\"Key\": \"k\", \"Value\": \"v\"}], \"NextToken\": \"t\"}")));

    discover(NOTHING_FOUND);

    assertThat(SAGEMAKER.findAll(listTagsOf(PREFIX + "endpoint-config/e"))).hasSize(2);
    assertThat(listener.errors)
        .extracting(ScanError::operation, ScanError::code)
        .containsExactly(tuple("ListTags", "PaginationLoop"));
    assertThat(listener.resources).isEmpty();
  }

  @Test
  void reportsOneErrorWhenReadingTagsIsDenied() {
    SAGEMAKER.stubFor(
        firstPage("ListMonitoringSchedules")
            .willReturn(
                json(
                    """
                    {"MonitoringScheduleSummaries": [
                       {"MonitoringScheduleName": "p1",
                        "MonitoringScheduleArn": "%1$smonitoring-schedule/p1"},
                       {"MonitoringScheduleName": "p2",
                        "MonitoringScheduleArn": "%1$smonitoring-schedule/p2"}]}
                    """
                        .formatted(PREFIX))));
    SAGEMAKER.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListTags"))
            .willReturn(error(400, "AccessDeniedException", "not authorized: sagemaker:ListTags")));

    discover(NOTHING_FOUND);

    assertThat(listener.errors)
        .containsExactly(
            new ScanError(
                ACCOUNT,
                REGION,
                "ListTags",
                "AccessDeniedException",
                "not authorized: sagemaker:ListTags"));
    assertThat(listener.resources).isEmpty();
  }

  @Test
  void reportsAServerErrorThatOutlastsTheRetries() {
    SAGEMAKER.stubFor(
        firstPage("ListClusters")
            .willReturn(error(500, "InternalFailure", "We encountered an internal error.")));

    discover(NOTHING_FOUND);

    assertThat(SAGEMAKER.findAll(call("ListClusters"))).hasSize(3);
    assertThat(listener.errors)
        .extracting(ScanError::operation, ScanError::code)
        .containsExactly(tuple("ListClusters", "InternalFailure"));
  }

  @Test
  void readsTheTagsOfAThrottledListTagsCallOnceItsRetrySucceeds() {
    SAGEMAKER.stubFor(
        firstPage("ListInferenceComponents")
            .willReturn(
                json(
                    """
                    {"InferenceComponents": [
                       {"InferenceComponentName": "customers",
                        "InferenceComponentArn": "%sinference-component/customers",
                        "CreationTime": 1735689600}]}
                    """
                        .formatted(PREFIX))));
    SAGEMAKER.stubFor(
        listTags(PREFIX + "inference-component/customers")
            .inScenario("throttled")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(400, "ThrottlingException", "Rate exceeded"))
            .willSetStateTo("recovered"));
    SAGEMAKER.stubFor(
        listTags(PREFIX + "inference-component/customers")
            .inScenario("throttled")
            .whenScenarioStateIs("recovered")
            .willReturn(json("{\"Tags\": [{\"Key\": \"team\", \"Value\": \"ml\"}]}")));

    discover(NOTHING_FOUND);

    assertThat(listener.errors).isEmpty();
    assertThat(listener.resources)
        .singleElement()
        .satisfies(resource -> assertThat(resource.tags()).containsEntry("team", "ml"));
  }

  @Test
  void readsEveryPageOfTagsAndKeepsReservedOnes() {
    SAGEMAKER.stubFor(
        firstPage("ListProcessingJobs")
            .willReturn(
                json(
                    """
                    {"ProcessingJobSummaries": [
                       {"ProcessingJobName": "prep-1", "ProcessingJobArn": "%sprocessing-job/prep-1",
                        "CreationTime": 1735776000, "ProcessingJobStatus": "Completed"}]}
                    """
                        .formatted(PREFIX))));
    String arn = PREFIX + "processing-job/prep-1";
    SAGEMAKER.stubFor(
        listTags(arn)
            .withRequestBody(notContaining("NextToken"))
            .willReturn(
                json(
                    """
                    {"Tags": [{"Key": "aws:cloudformation:stack-name", "Value": "ml"},
                              {"Key": "team", "Value": "ml"}],
                     "NextToken": "tags-2"}
                    """)));
    SAGEMAKER.stubFor(
        listTags(arn)
            .withRequestBody(matchingJsonPath("$.NextToken", equalTo("tags-2")))
            .willReturn(json("{\"Tags\": [{\"Key\": \"owner\", \"Value\": \"\"}]}")));

    discover(NOTHING_FOUND);

    assertThat(listener.resources)
        .singleElement()
        .satisfies(
            resource ->
                assertThat(resource.tags())
                    .containsExactly(
                        Map.entry("aws:cloudformation:stack-name", "ml"),
                        Map.entry("owner", ""),
                        Map.entry("team", "ml")));
    assertThat(SAGEMAKER.findAll(listTagsOf(arn)))
        .allSatisfy(request -> assertThat(body(request).get("MaxResults").asInt()).isEqualTo(100));
  }

  @Test
  void listsOnlyJobsCreatedAfterTheGivenInstant() {
    discover(NOTHING_FOUND);

    for (String operation :
        List.of("ListProcessingJobs", "ListTransformJobs", "ListInferenceRecommendationsJobs")) {
      List<LoggedRequest> calls = SAGEMAKER.findAll(call(operation));
      assertThat(calls).as(operation).hasSize(1);
      assertThat(body(calls.get(0)).get("CreationTimeAfter").decimalValue())
          .as(operation)
          .isEqualByComparingTo(BigDecimal.valueOf(JOBS_SINCE.getEpochSecond()));
    }
    assertThat(body(SAGEMAKER.findAll(call("ListEndpointConfigs")).get(0)).has("CreationTimeAfter"))
        .isFalse();
  }

  @Test
  void listsEveryJobWhenNoInstantIsGiven() {
    SageMakerDiscovery discovery = new SageMakerDiscovery(client, ACCOUNT, REGION, null, 4);
    discovery.discoverDomains(listener);
    discovery.discoverResources(NOTHING_FOUND, listener);

    assertThat(body(SAGEMAKER.findAll(call("ListProcessingJobs")).get(0)).has("CreationTimeAfter"))
        .isFalse();
  }

  @Test
  void tellsEachDomainsTagsAndReportsNeverTaggedDomainsAsResources() {
    SAGEMAKER.stubFor(
        firstPage("ListDomains")
            .willReturn(
                json(
                    """
                    {"Domains": [{"DomainArn": "%s", "DomainId": "d-abc123",
                                  "DomainName": "research", "Status": "InService",
                                  "CreationTime": 1735689600}],
                     "NextToken": "domains-2"}
                    """
                        .formatted(DOMAIN))));
    SAGEMAKER.stubFor(
        page("ListDomains", "domains-2")
            .willReturn(
                json(
                    """
                    {"Domains": [{"DomainArn": "%sdomain/d-empty", "DomainId": "d-empty",
                                  "Status": "InService"}]}
                    """
                        .formatted(PREFIX))));
    tags(
        DOMAIN,
        Map.of(
            "anycompany:workload:application-id", "churn",
            "aws:cloudformation:stack-name", "studio"));

    SageMakerDiscovery discovery = new SageMakerDiscovery(client, ACCOUNT, REGION, JOBS_SINCE, 4);
    List<String> domains = discovery.discoverDomains(listener);

    assertThat(domains).containsExactly(DOMAIN, PREFIX + "domain/d-empty");
    assertThat(listener.domains)
        .containsEntry(
            DOMAIN,
            new TreeMap<>(
                Map.of(
                    "anycompany:workload:application-id", "churn",
                    "aws:cloudformation:stack-name", "studio")))
        .containsEntry(PREFIX + "domain/d-empty", new TreeMap<>());
    assertThat(listener.resources).isEmpty();

    SageMakerCounts counts = discovery.discoverResources(Set.of(DOMAIN)::contains, listener);

    assertThat(listener.resources)
        .containsExactly(
            new Resource(
                PREFIX + "domain/d-empty",
                ACCOUNT,
                REGION,
                "sagemaker:domain",
                Source.SAGEMAKER,
                new TreeMap<>()));
    assertThat(counts).isEqualTo(new SageMakerCounts(2, 1, 1, 0));
    // A domain's tags are read once, for the listener and the resource alike.
    assertThat(SAGEMAKER.findAll(listTagsOf(DOMAIN))).hasSize(1);
  }

  @Test
  void reportsADeniedDomainListingOnceAndStillListsTheOtherKinds() {
    SAGEMAKER.stubFor(
        firstPage("ListDomains").willReturn(error(400, "AccessDeniedException", "denied")));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.errors)
        .containsExactly(
            new ScanError(ACCOUNT, REGION, "ListDomains", "AccessDeniedException", "denied"));
    assertThat(counts).isEqualTo(SageMakerCounts.NONE);
    assertThat(SAGEMAKER.findAll(call("ListUserProfiles"))).hasSize(1);
  }

  @Test
  void readsTagsInParallelButNeverMoreAtOnceThanAllowed() {
    String notebooks =
        IntStream.range(0, 24)
            .mapToObj(
                i ->
                    "{\"NotebookInstanceName\": \"n%1$d\", \"NotebookInstanceArn\": \"%2$snotebook-instance/n%1$d\"}"
                        .formatted(i, PREFIX))
            .collect(Collectors.joining(",", "{\"NotebookInstances\": [", "]}"));
    SAGEMAKER.stubFor(firstPage("ListNotebookInstances").willReturn(json(notebooks)));
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ScanListener slow =
        new Recorder() {
          @Override
          public void resource(Resource resource) {
            threads.add(Thread.currentThread().getName());
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              inFlight.decrementAndGet();
            }
            super.resource(resource);
          }
        };

    SageMakerDiscovery discovery = new SageMakerDiscovery(client, ACCOUNT, REGION, JOBS_SINCE, 3);
    discovery.discoverDomains(slow);
    SageMakerCounts counts = discovery.discoverResources(NOTHING_FOUND, slow);

    assertThat(counts).isEqualTo(new SageMakerCounts(24, 0, 24, 0));
    assertThat(peak.get()).isBetween(2, 3);
    assertThat(threads).hasSizeBetween(2, 3).allMatch(name -> name.startsWith("tagscan-sagemaker"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ListMonitoringSchedules, MonitoringScheduleSummaries, MonitoringScheduleArn,"
        + " monitoring-schedule/drift, sagemaker:monitoring-schedule, false",
    "ListInferenceComponents, InferenceComponents, InferenceComponentArn,"
        + " inference-component/ic-1, sagemaker:inference-component, false",
    "ListClusters, ClusterSummaries, ClusterArn, cluster/hp1abc, sagemaker:cluster, false",
    "ListMlflowTrackingServers, TrackingServerSummaries, TrackingServerArn,"
        + " mlflow-tracking-server/ts-1, sagemaker:mlflow-tracking-server, false",
    "ListInferenceRecommendationsJobs, InferenceRecommendationsJobs, JobArn,"
        + " inference-recommendations-job/rec-1, sagemaker:inference-recommendations-job, true"
  })
  void listsEachDeclaredKindThroughEveryPageAndReadsItsTags(
      String operation,
      String listField,
      String arnField,
      String resource,
      String type,
      boolean windowed) {
    String arn = PREFIX + resource;
    SAGEMAKER.stubFor(
        firstPage(operation)
            .willReturn(
                json(
                    """
                    {"%s": [{"%s": "%s", "CreationTime": 1735776000}], "NextToken": "p2"}
                    """
                        .formatted(listField, arnField, arn))));
    SAGEMAKER.stubFor(page(operation, "p2").willReturn(json("{\"%s\": []}".formatted(listField))));
    tags(arn, Map.of("team", "ml"));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.resources)
        .containsExactly(
            new Resource(
                arn, ACCOUNT, REGION, type, Source.SAGEMAKER, new TreeMap<>(Map.of("team", "ml"))));
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
    List<LoggedRequest> calls = SAGEMAKER.findAll(call(operation));
    assertThat(calls).hasSize(2);
    assertThat(body(calls.get(0)).get("MaxResults").asInt()).isEqualTo(100);
    assertThat(body(calls.get(0)).has("CreationTimeAfter")).isEqualTo(windowed);
  }

  @Test
  void leavesOutAJobCreatedBeforeTheWindowEvenWhenTheServiceListsIt() {
    SAGEMAKER.stubFor(
        firstPage("ListProcessingJobs")
            .willReturn(
                json(
                    """
                    {"ProcessingJobSummaries": [
                       {"ProcessingJobName": "old", "ProcessingJobArn": "%1$sprocessing-job/old",
                        "CreationTime": 1704067200, "ProcessingJobStatus": "Completed"},
                       {"ProcessingJobName": "new", "ProcessingJobArn": "%1$sprocessing-job/new",
                        "CreationTime": 1735776000, "ProcessingJobStatus": "Completed"}]}
                    """
                        .formatted(PREFIX))));

    SageMakerCounts counts = discover(NOTHING_FOUND);

    assertThat(listener.arns()).containsExactly(PREFIX + "processing-job/new");
    assertThat(counts).isEqualTo(new SageMakerCounts(1, 0, 1, 0));
    assertThat(SAGEMAKER.findAll(listTagsOf(PREFIX + "processing-job/old"))).isEmpty();
  }

  @Test
  void makesItsCallsOnTheExecutorItIsGivenWithoutThreadsOfItsOwnAndNeverMoreThanAllowed() {
    String notebooks =
        IntStream.range(0, 5)
            .mapToObj(
                i ->
                    ("{\"NotebookInstanceName\": \"n%1$d\","
                            + " \"NotebookInstanceArn\": \"%2$snotebook-instance/n%1$d\"}")
                        .formatted(i, PREFIX))
            .collect(Collectors.joining(",", "{\"NotebookInstances\": [", "]}"));
    SAGEMAKER.stubFor(firstPage("ListNotebookInstances").willReturn(json(notebooks)));
    // More threads than a discovery may use, so that only the discovery's own bound holds it.
    ExecutorService shared = Executors.newFixedThreadPool(8, DaemonPools.threads("shared"));
    AtomicInteger tasks = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Executor counting =
        task -> {
          tasks.incrementAndGet();
          shared.execute(
              () -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                  task.run();
                } finally {
                  running.decrementAndGet();
                }
              });
        };
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Recorder recording =
        new Recorder() {
          @Override
          public void resource(Resource resource) {
            threads.add(Thread.currentThread().getName());
            super.resource(resource);
          }
        };
    try {
      SageMakerDiscovery first =
          new SageMakerDiscovery(client, ACCOUNT, REGION, JOBS_SINCE, 2, counting);
      first.discoverDomains(recording);
      first.discoverResources(NOTHING_FOUND, recording);
      SageMakerDiscovery second =
          new SageMakerDiscovery(client, ACCOUNT, "eu-west-1", JOBS_SINCE, 2, counting);
      second.discoverDomains(recording);
      second.discoverResources(NOTHING_FOUND, recording);
    } finally {
      shared.shutdownNow();
    }

    assertThat(recording.resources).hasSize(10);
    assertThat(tasks.get()).isPositive();
    assertThat(peak.get()).isBetween(1, 2);
    assertThat(threads).isNotEmpty().allMatch(name -> name.startsWith("shared-"));
  }

  @Test
  void insistsOnDiscoveringDomainsFirst() {
    SageMakerDiscovery discovery = new SageMakerDiscovery(client, ACCOUNT, REGION, JOBS_SINCE, 2);

    assertThatThrownBy(() -> discovery.discoverResources(NOTHING_FOUND, listener))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("discoverDomains");
  }

  private SageMakerCounts discover(Predicate<String> alreadyFound) {
    SageMakerDiscovery discovery = new SageMakerDiscovery(client, ACCOUNT, REGION, JOBS_SINCE, 4);
    discovery.discoverDomains(listener);
    return discovery.discoverResources(alreadyFound, listener);
  }

  private static MappingBuilder firstPage(String operation) {
    return post("/")
        .withHeader("X-Amz-Target", equalTo("SageMaker." + operation))
        .withRequestBody(notContaining("NextToken"));
  }

  private static MappingBuilder page(String operation, String token) {
    return post("/")
        .withHeader("X-Amz-Target", equalTo("SageMaker." + operation))
        .withRequestBody(matchingJsonPath("$.NextToken", equalTo(token)));
  }

  private static MappingBuilder listTags(String arn) {
    return post("/")
        .withHeader("X-Amz-Target", equalTo("SageMaker.ListTags"))
        .withRequestBody(matchingJsonPath("$.ResourceArn", equalTo(arn)));
  }

  private static void tags(String arn, Map<String, String> tags) {
    String body =
        tags.entrySet().stream()
            .map(
                tag ->
                    "{\"Key\": \"%s\", \"Value\": \"%s\"}".formatted(tag.getKey(), tag.getValue()))
            .collect(Collectors.joining(",", "{\"Tags\": [", "]}"));
    SAGEMAKER.stubFor(listTags(arn).willReturn(json(body)));
  }

  private static RequestPatternBuilder call(String operation) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("SageMaker." + operation));
  }

  private static RequestPatternBuilder listTagsOf(String arn) {
    return call("ListTags").withRequestBody(matchingJsonPath("$.ResourceArn", equalTo(arn)));
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
    final Map<String, SortedMap<String, String>> domains = new ConcurrentHashMap<>();
    final Queue<ScanError> errors = new ConcurrentLinkedQueue<>();

    @Override
    public void resource(Resource resource) {
      resources.add(resource);
    }

    @Override
    public void domain(String domainArn, SortedMap<String, String> tags) {
      domains.put(domainArn, tags);
    }

    @Override
    public void error(ScanError error) {
      errors.add(error);
    }

    List<String> arns() {
      return resources.stream().map(Resource::arn).sorted().toList();
    }
  }
}
