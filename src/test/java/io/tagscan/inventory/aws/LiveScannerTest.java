package io.tagscan.inventory.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tagscan.inventory.aws.FakeAws.CALLER_ACCOUNT;
import static io.tagscan.inventory.aws.FakeAws.CALLER_KEY;
import static io.tagscan.inventory.aws.FakeAws.page;
import static io.tagscan.inventory.aws.FakeAws.roleKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tagscan.inventory.aws.RecordingListener.Unit;
import io.tagscan.model.Account;
import io.tagscan.model.EnvironmentException;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import io.tagscan.model.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class LiveScannerTest {

  private static final String A = "111111111111";
  private static final String B = "222222222222";
  private static final String C = "333333333333";

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

  /** An account the role gets into, known to Organizations by name, with one account tag. */
  private void givenAccount(String id) {
    fake.assumeRole(id);
    fake.describeAccount(id, "name-" + id, "ACTIVE");
    fake.accountTags(id, Map.of("owner", "team-" + id));
  }

  private static Map<String, Map<String, String>> ec2(
      String account, String region, String... ids) {
    Map<String, Map<String, String>> resources = new java.util.LinkedHashMap<>();
    for (String id : ids) {
      resources.put(
          "arn:aws:ec2:" + region + ":" + account + ":instance/" + id, Map.of("env", "prod"));
    }
    return resources;
  }

  private LiveScanResult scan(OptionsBuilder options, RecordingListener listener) {
    try (LiveScanner scanner = new LiveScanner(options.build(), FakeAws.settings())) {
      return scanner.scan(listener);
    }
  }

  @Test
  void readsEveryPageUntilTheTokenIsEmpty() {
    givenAccount(A);
    fake.resources(
        roleKey(A),
        "us-east-1",
        List.of(
            page(null, "p2", ec2(A, "us-east-1", "i-1", "i-2")),
            page("p2", "p3", ec2(A, "us-east-1", "i-3")),
            page("p3", "p4", ec2(A, "us-east-1", "i-4", "i-5", "i-6")),
            page("p4", "", ec2(A, "us-east-1", "i-7"))));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A), listener);

    assertThat(listener.arns())
        .containsExactly(
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-1",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-2",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-3",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-4",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-5",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-6",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-7");
    assertThat(listener.resources().get(0))
        .isEqualTo(
            Resource.of(
                "arn:aws:ec2:us-east-1:" + A + ":instance/i-1",
                A,
                "us-east-1",
                "ec2:instance",
                Source.TAGGING_API,
                Map.of("env", "prod")));
    fake.server.verify(
        4,
        FakeAws.getResourcesRequests(roleKey(A), "us-east-1")
            .withRequestBody(matchingJsonPath("$.ResourcesPerPage", equalTo("100")))
            .withRequestBody(matchingJsonPath("$.TagsPerPage", equalTo("500"))));
    assertThat(listener.errors()).isEmpty();
    assertThat(listener.planned()).isEqualTo(1);
    assertThat(listener.units()).containsExactly(new Unit(A, "us-east-1", true));
    assertThat(result)
        .isEqualTo(new LiveScanResult(1, 1, 0, List.of("us-east-1"), true, List.of()));
  }

  @Test
  void tellsTheListenerOfEachAccountBeforeItsResources() {
    givenAccount(A);
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, ec2(A, "us-east-1", "i-1"))));
    RecordingListener listener = new RecordingListener();

    scan(OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A), listener);

    assertThat(listener.events())
        .containsExactly(
            "account " + A, "resource " + A + " arn:aws:ec2:us-east-1:" + A + ":instance/i-1");
    assertThat(listener.accounts())
        .containsExactly(Account.of(A, "name-" + A, "ACTIVE", Map.of("owner", "team-" + A)));
  }

  @Test
  void asksForTheResourceTypesGiven() {
    givenAccount(A);
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, Map.of())));

    scan(
        OptionsBuilder.against(fake.endpoint())
            .role("TagAuditor")
            .accounts(A)
            .resourceTypes("ec2:instance", "s3"),
        new RecordingListener());

    fake.server.verify(
        1,
        FakeAws.getResourcesRequests()
            .withRequestBody(matchingJsonPath("$.ResourceTypeFilters[0]", equalTo("ec2:instance")))
            .withRequestBody(matchingJsonPath("$.ResourceTypeFilters[1]", equalTo("s3"))));
  }

  @Test
  void assumesTheRoleOncePerAccountWithTheSessionAsked() {
    givenAccount(A);
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, ec2(A, "us-east-1", "i-1"))));
    fake.resources(roleKey(A), "eu-west-1", List.of(page(null, null, ec2(A, "eu-west-1", "i-2"))));

    scan(
        OptionsBuilder.against(fake.endpoint())
            .roleArn("arn:{partition}:iam::{account}:role/audit/Scanner")
            .externalId("ext-42")
            .accounts(A)
            .regions("us-east-1", "eu-west-1"),
        new RecordingListener());

    fake.server.verify(
        1,
        FakeAws.assumeRoleRequests()
            .withRequestBody(
                containing("RoleArn=arn%3Aaws%3Aiam%3A%3A" + A + "%3Arole%2Faudit%2FScanner"))
            .withRequestBody(containing("RoleSessionName=tagscan"))
            .withRequestBody(containing("DurationSeconds=3600"))
            .withRequestBody(containing("ExternalId=ext-42")));
  }

  @Test
  void retriesThrottlingAndCarriesOn() {
    givenAccount(A);
    fake.server.stubFor(
        fake.getResources(roleKey(A), "us-east-1", null)
            .inScenario("throttled")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                FakeAws.json(
                    400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"))
            .willSetStateTo("calm"));
    fake.server.stubFor(
        fake.getResources(roleKey(A), "us-east-1", null)
            .inScenario("throttled")
            .whenScenarioStateIs("calm")
            .willReturn(
                FakeAws.json(
                    200,
                    "{\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:s3:::logs\",\"Tags\":[]}]}")));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A), listener);

    assertThat(listener.resources())
        .containsExactly(
            Resource.of(
                "arn:aws:s3:::logs", A, "us-east-1", "s3:bucket", Source.TAGGING_API, Map.of()));
    assertThat(listener.errors()).isEmpty();
    fake.server.verify(2, FakeAws.getResourcesRequests());
    assertThat(result.complete()).isTrue();
  }

  @Test
  void reportsThrottlingThatOutlastsTheRetries() {
    givenAccount(A);
    fake.resourcesFail(roleKey(A), "us-east-1", 400, "ThrottledException");
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A), listener);

    fake.server.verify(3, FakeAws.getResourcesRequests());
    assertThat(listener.errors())
        .extracting(ScanError::accountId, ScanError::region, ScanError::operation, ScanError::code)
        .containsExactly(tuple(A, "us-east-1", "GetResources", "ThrottledException"));
    assertThat(result)
        .isEqualTo(new LiveScanResult(1, 0, 1, List.of("us-east-1"), false, List.of()));
  }

  @Test
  void keepsScanningWhenOneAccountIsDeniedItsRole() {
    givenAccount(A);
    givenAccount(C);
    fake.assumeRoleDenied(B);
    fake.describeAccount(B, "name-" + B, "ACTIVE");
    fake.accountTags(B, Map.of());
    for (String account : List.of(A, C)) {
      for (String region : List.of("us-east-1", "eu-west-1")) {
        fake.resources(
            roleKey(account),
            region,
            List.of(page(null, null, ec2(account, region, "i-" + account))));
      }
    }
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(
            OptionsBuilder.against(fake.endpoint())
                .role("TagAuditor")
                .accounts(C, B, A)
                .regions("us-east-1", "eu-west-1"),
            listener);

    assertThat(listener.errors())
        .containsExactly(
            new ScanError(
                B,
                "",
                "AssumeRole",
                "AccessDenied",
                "User: arn:aws:iam::"
                    + CALLER_ACCOUNT
                    + ":user/auditor is not authorized to perform: sts:AssumeRole"));
    assertThat(listener.resources()).extracting(Resource::accountId).containsExactly(A, A, C, C);
    assertThat(listener.units())
        .containsExactly(
            new Unit(A, "eu-west-1", true),
            new Unit(A, "us-east-1", true),
            new Unit(B, "eu-west-1", false),
            new Unit(B, "us-east-1", false),
            new Unit(C, "eu-west-1", true),
            new Unit(C, "us-east-1", true));
    assertThat(listener.accounts()).extracting(Account::id).containsExactly(A, B, C);
    assertThat(listener.planned()).isEqualTo(6);
    assertThat(result)
        .isEqualTo(
            new LiveScanResult(3, 2, 1, List.of("eu-west-1", "us-east-1"), false, List.of()));
  }

  @Test
  void marksOnlyTheRegionThatAnswersServerErrors() {
    givenAccount(A);
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, ec2(A, "us-east-1", "i-1"))));
    fake.resourcesFail(roleKey(A), "eu-west-1", 500, "InternalServiceException");
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(
            OptionsBuilder.against(fake.endpoint())
                .role("TagAuditor")
                .accounts(A)
                .regions("us-east-1", "eu-west-1"),
            listener);

    assertThat(listener.arns()).containsExactly("arn:aws:ec2:us-east-1:" + A + ":instance/i-1");
    assertThat(listener.errors())
        .containsExactly(
            new ScanError(
                A,
                "eu-west-1",
                "GetResources",
                "InternalServiceException",
                "InternalServiceException from the fake"));
    fake.server.verify(3, FakeAws.getResourcesRequests(roleKey(A), "eu-west-1"));
    assertThat(listener.units())
        .containsExactly(new Unit(A, "eu-west-1", false), new Unit(A, "us-east-1", true));
    assertThat(result.complete()).isFalse();
    // Part of the account was read, so it counts as scanned; the error marks the region.
    assertThat(result.accountsScanned()).isEqualTo(1);
    assertThat(result.accountsFailed()).isZero();
  }

  @Test
  void countsAnAccountAsFailedOnlyWhenNoRegionOfItCouldBeRead() {
    givenAccount(A);
    fake.resourcesFail(roleKey(A), "us-east-1", 500, "InternalServiceException");
    fake.resourcesFail(roleKey(A), "eu-west-1", 500, "InternalServiceException");
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(
            OptionsBuilder.against(fake.endpoint())
                .role("TagAuditor")
                .accounts(A)
                .regions("us-east-1", "eu-west-1")
                .noSagemaker(),
            listener);

    assertThat(result.accountsScanned()).isZero();
    assertThat(result.accountsFailed()).isEqualTo(1);
    assertThat(result.complete()).isFalse();
  }

  @Test
  void endsAGetResourcesListingWhosePaginationTokenRepeats() {
    givenAccount(A);
    fake.resources(
        roleKey(A),
        "us-east-1",
        List.of(
            page(null, "p2", ec2(A, "us-east-1", "i-1")),
            page("p2", "p3", ec2(A, "us-east-1", "i-2")),
            page("p3", "p2", ec2(A, "us-east-1", "i-3"))));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(
            OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A).noSagemaker(),
            listener);

    fake.server.verify(3, FakeAws.getResourcesRequests(roleKey(A), "us-east-1"));
    assertThat(listener.arns())
        .containsExactly(
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-1",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-2",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-3");
    assertThat(listener.errors())
        .extracting(ScanError::accountId, ScanError::region, ScanError::operation, ScanError::code)
        .containsExactly(tuple(A, "us-east-1", "GetResources", "PaginationLoop"));
    assertThat(listener.units()).containsExactly(new Unit(A, "us-east-1", false));
    assertThat(result.complete()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "ListAccounts, Accounts",
    "ListAccountsForParent, Accounts",
    "ListOrganizationalUnitsForParent, OrganizationalUnits"
  })
  void endsAnAccountListingWhoseNextTokenRepeats(String operation, String listField) {
    String ou = "ou-ab12-11111111";
    fake.callerIdentity(CALLER_ACCOUNT);
    fake.organizationsPage("ListAccounts", null, null, null, new FakeAws.Member(A, "a", "ACTIVE"));
    fake.organizationsPage("ListAccountsForParent", ou, null, null);
    fake.childOus(ou);
    answersEveryPageWithTheSameToken(operation, listField);
    givenAccount(A);
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, ec2(A, "us-east-1", "i-1"))));
    RecordingListener listener = new RecordingListener();
    OptionsBuilder options =
        OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A).noSagemaker();

    LiveScanResult result =
        scan(operation.equals("ListAccounts") ? options.org() : options.ous(ou), listener);

    fake.server.verify(2, FakeAws.organizationsRequests(operation));
    assertThat(listener.errors())
        .extracting(ScanError::accountId, ScanError::operation, ScanError::code)
        .containsExactly(tuple("", operation, "PaginationLoop"));
    assertThat(listener.arns()).containsExactly("arn:aws:ec2:us-east-1:" + A + ":instance/i-1");
    assertThat(result.complete()).isFalse();
  }

  @Test
  void keepsAnAccountWhoseTagListingRepeatsItsTokenWithItsTagsUnknown() {
    givenAccount(A);
    answersEveryPageWithTheSameToken("ListTagsForResource", "Tags");
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, ec2(A, "us-east-1", "i-1"))));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(
            OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A).noSagemaker(),
            listener);

    fake.server.verify(2, FakeAws.organizationsRequests("ListTagsForResource"));
    assertThat(listener.errors())
        .extracting(ScanError::accountId, ScanError::operation, ScanError::code)
        .containsExactly(tuple(A, "ListTagsForResource", "PaginationLoop"));
    assertThat(listener.accounts())
        .containsExactly(Account.of(A, "name-" + A, "ACTIVE", Map.of()).withUnknownTags());
    assertThat(result.accountsScanned()).isEqualTo(1);
    assertThat(result.complete()).as("the account's own tags are unknown").isFalse();
  }

  /** Every call of the Organizations operation answers one empty page pointing at itself. */
  private void answersEveryPageWithTheSameToken(String operation, String listField) {
    fake.server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(FakeAws.ORGANIZATIONS + operation))
            .atPriority(1)
            .willReturn(FakeAws.json(200, "{\"" + listField + "\":[],\"NextToken\":\"again\"}")));
  }

  @Test
  void reportsAnExpiredPaginationTokenAfterKeepingWhatWasRead() {
    givenAccount(A);
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, "p2", ec2(A, "us-east-1", "i-1"))));
    fake.server.stubFor(
        fake.getResources(roleKey(A), "us-east-1", "p2")
            .willReturn(
                FakeAws.json(
                    400,
                    "{\"__type\":\"PaginationTokenExpiredException\",\"Message\":\"token expired\"}")));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A), listener);

    assertThat(listener.arns()).containsExactly("arn:aws:ec2:us-east-1:" + A + ":instance/i-1");
    assertThat(listener.errors())
        .extracting(ScanError::operation, ScanError::code)
        .containsExactly(tuple("GetResources", "PaginationTokenExpiredException"));
    assertThat(result.complete()).isFalse();
  }

  @Test
  void skipsARegionTheAccountHasNotEnabledWithoutFailingTheScan() {
    givenAccount(A);
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, ec2(A, "us-east-1", "i-1"))));
    fake.resourcesFail(roleKey(A), "ap-east-1", 400, "UnrecognizedClientException");
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(
            OptionsBuilder.against(fake.endpoint())
                .role("TagAuditor")
                .accounts(A)
                .regions("us-east-1", "ap-east-1"),
            listener);

    assertThat(listener.errors())
        .extracting(ScanError::accountId, ScanError::region, ScanError::code)
        .containsExactly(tuple(A, "ap-east-1", ScanError.REGION_NOT_ENABLED));
    assertThat(listener.errors().get(0).message())
        .startsWith("region ap-east-1 is not enabled for this account, so it was skipped")
        .contains("UnrecognizedClientException");
    fake.server.verify(1, FakeAws.getResourcesRequests(roleKey(A), "ap-east-1"));
    assertThat(listener.units())
        .containsExactly(new Unit(A, "ap-east-1", true), new Unit(A, "us-east-1", true));
    assertThat(result)
        .isEqualTo(new LiveScanResult(1, 1, 0, List.of("ap-east-1", "us-east-1"), true, List.of()));
  }

  @Test
  void readsGlobalResourcesOnceInUsEast1() {
    givenAccount(A);
    String role = "arn:aws:iam::" + A + ":role/app";
    String distribution = "arn:aws:cloudfront::" + A + ":distribution/E1";
    String zone = "arn:aws:route53:::hostedzone/Z1";
    Map<String, Map<String, String>> east = new java.util.LinkedHashMap<>();
    east.put(role, Map.of("env", "prod"));
    east.put(distribution, Map.of("env", "prod"));
    east.put(zone, Map.of("env", "prod"));
    Map<String, Map<String, String>> west = new java.util.LinkedHashMap<>();
    // Outside us-east-1 global resources come back without their tags: they must be ignored.
    west.put(role, Map.of());
    west.put(distribution, Map.of());
    west.put("arn:aws:s3:::west-bucket", Map.of("env", "dev"));
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, east)));
    fake.resources(roleKey(A), "eu-west-1", List.of(page(null, null, west)));
    RecordingListener listener = new RecordingListener();

    scan(
        OptionsBuilder.against(fake.endpoint())
            .role("TagAuditor")
            .accounts(A)
            .regions("eu-west-1", "us-east-1"),
        listener);

    assertThat(listener.resources())
        .containsExactly(
            Resource.of(
                "arn:aws:cloudfront::" + A + ":distribution/E1",
                A,
                "global",
                "cloudfront:distribution",
                Source.TAGGING_API,
                Map.of("env", "prod")),
            Resource.of(role, A, "global", "iam:role", Source.TAGGING_API, Map.of("env", "prod")),
            Resource.of(
                "arn:aws:route53:::hostedzone/Z1",
                A,
                "global",
                "route53:hostedzone",
                Source.TAGGING_API,
                Map.of("env", "prod")),
            Resource.of(
                "arn:aws:s3:::west-bucket",
                A,
                "eu-west-1",
                "s3:bucket",
                Source.TAGGING_API,
                Map.of("env", "dev")));
  }

  @Test
  void usesThePartitionAndTheGlobalRegionsOfGovCloud() {
    fake.assumeRole(A);
    fake.organizationsFail(400, "AccessDeniedException");
    String role = "arn:aws-us-gov:iam::" + A + ":role/app";
    Map<String, Map<String, String>> west = new java.util.LinkedHashMap<>();
    west.put(role, Map.of("env", "prod"));
    west.put("arn:aws-us-gov:ec2:us-gov-west-1:" + A + ":instance/i-1", Map.of());
    Map<String, Map<String, String>> east = new java.util.LinkedHashMap<>();
    east.put(role, Map.of());
    east.put("arn:aws-us-gov:ec2:us-gov-east-1:" + A + ":instance/i-2", Map.of());
    fake.resources(roleKey(A), "us-gov-west-1", List.of(page(null, null, west)));
    fake.resources(roleKey(A), "us-gov-east-1", List.of(page(null, null, east)));
    RecordingListener listener = new RecordingListener();

    scan(
        OptionsBuilder.against(fake.endpoint())
            .region("us-gov-east-1")
            .role("TagAuditor")
            .accounts(A)
            .regions("us-gov-east-1", "us-gov-west-1"),
        listener);

    fake.server.verify(
        1,
        FakeAws.assumeRoleRequests()
            .withRequestBody(
                containing("RoleArn=arn%3Aaws-us-gov%3Aiam%3A%3A" + A + "%3Arole%2FTagAuditor")));
    fake.server.verify(
        1,
        FakeAws.organizationsRequests("DescribeAccount")
            .withHeader(
                "Authorization",
                matching(FakeAws.credentialScope(CALLER_KEY, "us-gov-west-1", "organizations"))));
    assertThat(listener.resources())
        .extracting(Resource::arn, Resource::region, Resource::tags)
        .containsExactly(
            tuple(
                "arn:aws-us-gov:ec2:us-gov-east-1:" + A + ":instance/i-2",
                "us-gov-east-1",
                Map.of()),
            tuple(
                "arn:aws-us-gov:ec2:us-gov-west-1:" + A + ":instance/i-1",
                "us-gov-west-1",
                Map.of()),
            tuple(role, "global", Map.of("env", "prod")));
  }

  @Test
  void deliversEachArnOnce() {
    givenAccount(A);
    fake.resources(
        roleKey(A),
        "us-east-1",
        List.of(
            page(null, "p2", ec2(A, "us-east-1", "i-1", "i-2")),
            page("p2", null, ec2(A, "us-east-1", "i-2", "i-3"))));
    RecordingListener listener = new RecordingListener();

    scan(OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A), listener);

    assertThat(listener.arns())
        .containsExactly(
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-1",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-2",
            "arn:aws:ec2:us-east-1:" + A + ":instance/i-3");
  }

  @Test
  void buildsOneTaggingClientPerRegionSharedByEveryAccount() {
    List<String> regions = List.of("us-east-1", "eu-west-1");
    for (String account : List.of(A, B)) {
      givenAccount(account);
      for (String region : regions) {
        fake.resources(
            roleKey(account),
            region,
            List.of(
                page(null, "p2", ec2(account, region, "i-1")),
                page("p2", "p3", ec2(account, region, "i-2")),
                page("p3", null, ec2(account, region, "i-3"))));
      }
    }
    RecordingListener listener = new RecordingListener();

    try (LiveScanner scanner =
        new LiveScanner(
            OptionsBuilder.against(fake.endpoint())
                .role("TagAuditor")
                .accounts(A, B)
                .regions("us-east-1", "eu-west-1")
                .build(),
            FakeAws.settings())) {
      scanner.scan(listener);

      assertThat(scanner.taggingClientCount()).isEqualTo(2);
    }
    assertThat(listener.resources()).hasSize(12);
    fake.server.verify(2, FakeAws.assumeRoleRequests());
  }

  @Test
  void scansTheCallersOwnAccountWhenNoAccountIsNamed() {
    fake.callerIdentity(CALLER_ACCOUNT);
    fake.organizationsFail(400, "AccessDeniedException");
    fake.resources(
        CALLER_KEY,
        "eu-west-1",
        List.of(page(null, null, ec2(CALLER_ACCOUNT, "eu-west-1", "i-1"))));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(OptionsBuilder.against(fake.endpoint()).region("eu-west-1"), listener);

    assertThat(listener.arns())
        .containsExactly("arn:aws:ec2:eu-west-1:" + CALLER_ACCOUNT + ":instance/i-1");
    assertThat(listener.accounts()).containsExactly(Account.ofId(CALLER_ACCOUNT).withUnknownTags());
    assertThat(listener.errors())
        .extracting(ScanError::accountId, ScanError::operation, ScanError::code)
        .containsExactly(tuple("", "DescribeAccount", "AccessDeniedException"));
    fake.server.verify(0, FakeAws.assumeRoleRequests());
    // Its own tags are unknown, so the scan is not whole, yet the account was scanned.
    assertThat(result)
        .isEqualTo(new LiveScanResult(1, 1, 0, List.of("eu-west-1"), false, List.of()));
  }

  @Test
  void takesKeysAndRegionFromTheProfileGiven(@TempDir Path home) throws Exception {
    Path config = home.resolve("config");
    Path credentials = home.resolve("credentials");
    Files.writeString(config, "[profile audit]\nregion = eu-central-1\n");
    Files.writeString(
        credentials,
        "[audit]\naws_access_key_id = AKIDFROMPROFILE\naws_secret_access_key = profile-secret\n");
    fake.callerIdentity(CALLER_ACCOUNT);
    fake.organizationsFail(400, "AccessDeniedException");
    fake.resources(
        "AKIDFROMPROFILE",
        "eu-central-1",
        List.of(page(null, null, ec2(CALLER_ACCOUNT, "eu-central-1", "i-1"))));
    OptionsBuilder options = OptionsBuilder.against(fake.endpoint()).region(null);
    options.profile = "audit";
    RecordingListener listener = new RecordingListener();
    System.setProperty("aws.configFile", config.toString());
    System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    LiveScanResult result;
    try (LiveScanner scanner =
        new LiveScanner(
            options.build(),
            ClientSettings.defaults().withRetryStrategy(ClientSettings.retryingWithoutWaits(3)))) {
      result = scanner.scan(listener);
    } finally {
      System.clearProperty("aws.configFile");
      System.clearProperty("aws.sharedCredentialsFile");
    }

    assertThat(listener.arns())
        .containsExactly("arn:aws:ec2:eu-central-1:" + CALLER_ACCOUNT + ":instance/i-1");
    assertThat(result.regions()).containsExactly("eu-central-1");
  }

  @ParameterizedTest
  @CsvSource({"false", "true"})
  void stopsWithAnEnvironmentErrorWhenTheCallersCredentialsStopLoadingMidScan(boolean role) {
    fake.callerIdentity(CALLER_ACCOUNT);
    fake.organizationsFail(400, "AccessDeniedException");
    givenAccount(A);
    AtomicInteger resolved = new AtomicInteger();
    AwsCredentialsProvider expiring =
        () -> {
          if (resolved.incrementAndGet() > 1) {
            throw SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"
                    + " AwsCredentialsProviderChain(credentialsProviders=[...])");
          }
          return AwsBasicCredentials.create(CALLER_KEY, "caller-secret-never-printed");
        };
    OptionsBuilder options = OptionsBuilder.against(fake.endpoint()).noSagemaker();
    if (role) {
      options.role("TagAuditor").accounts(A);
    }
    RecordingListener listener = new RecordingListener();

    try (LiveScanner scanner =
        new LiveScanner(options.build(), FakeAws.settings().withCredentials(expiring))) {
      assertThatThrownBy(() -> scanner.scan(listener))
          .isInstanceOf(EnvironmentException.class)
          .hasMessageStartingWith("no AWS credentials could be loaded from the credentials given")
          .hasMessageNotContaining("AwsCredentialsProviderChain");
    }
    assertThat(resolved.get()).isGreaterThan(1);
    assertThat(listener.errors()).noneMatch(e -> e.message().contains("providers in the chain"));
  }

  @Test
  void namesAProfileThatDoesNotExist(@TempDir Path home) throws Exception {
    Path config = home.resolve("config");
    Files.writeString(config, "[profile other]\nregion = eu-central-1\n");
    OptionsBuilder options = OptionsBuilder.against(fake.endpoint()).region(null);
    options.profile = "missing";
    System.setProperty("aws.configFile", config.toString());
    System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
    try (LiveScanner scanner = new LiveScanner(options.build(), ClientSettings.defaults())) {
      assertThatThrownBy(() -> scanner.scan(new RecordingListener()))
          .isInstanceOf(EnvironmentException.class)
          .hasMessageStartingWith(
              "no profile 'missing' in the AWS config or credentials file (~/.aws/config,"
                  + " ~/.aws/credentials): pass --profile with one that");
    } finally {
      System.clearProperty("aws.configFile");
      System.clearProperty("aws.sharedCredentialsFile");
    }
  }

  @Test
  void coversEveryTaggingRegionOfThePartitionWithAllRegions() {
    OptionsBuilder options = OptionsBuilder.against(fake.endpoint()).region("us-gov-west-1");
    options.allRegions = true;

    try (LiveScanner scanner = new LiveScanner(options.build(), FakeAws.settings())) {
      assertThat(scanner.regions()).containsExactly("us-gov-east-1", "us-gov-west-1");
    }
    fake.server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void coversTheRegionsAskedInNameOrder() {
    try (LiveScanner scanner =
        new LiveScanner(
            OptionsBuilder.against(fake.endpoint()).regions("us-west-2", "eu-west-1").build(),
            FakeAws.settings())) {
      assertThat(scanner.regions()).containsExactly("eu-west-1", "us-west-2");
    }
  }

  @Test
  void refusesToScanOtherAccountsWithoutARole() {
    fake.callerIdentity(CALLER_ACCOUNT);
    RecordingListener listener = new RecordingListener();

    assertThatThrownBy(
            () ->
                scan(OptionsBuilder.against(fake.endpoint()).accounts(CALLER_ACCOUNT, A), listener))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("without --role-name or --role-arn")
        .hasMessageContaining(A);
    assertThat(listener.planned()).isEqualTo(-1);
    assertThat(listener.errors()).isEmpty();
    fake.server.verify(0, FakeAws.getResourcesRequests());
  }

  @Test
  void sendsEveryServiceToTheEndpointGiven() {
    fake.callerIdentity(CALLER_ACCOUNT);
    fake.organizationsPage(
        "ListAccounts", null, null, null, new FakeAws.Member(A, "prod", "ACTIVE"));
    fake.accountTags(A, Map.of());
    fake.assumeRole(A);
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, ec2(A, "us-east-1", "i-1"))));
    RecordingListener listener = new RecordingListener();

    LiveScanResult result =
        scan(OptionsBuilder.against(fake.endpoint()).role("TagAuditor").org(), listener);

    fake.server.verify(1, FakeAws.organizationsRequests("ListAccounts"));
    fake.server.verify(1, FakeAws.organizationsRequests("ListTagsForResource"));
    fake.server.verify(1, FakeAws.assumeRoleRequests());
    fake.server.verify(1, FakeAws.getResourcesRequests());
    assertThat(listener.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
  }

  @Test
  void honoursTheSdkEndpointSettingWhenNoEndpointIsGiven() {
    fake.callerIdentity(CALLER_ACCOUNT);
    fake.organizationsFail(400, "AccessDeniedException");
    fake.resources(
        CALLER_KEY,
        "us-east-1",
        List.of(page(null, null, ec2(CALLER_ACCOUNT, "us-east-1", "i-1"))));
    RecordingListener listener = new RecordingListener();
    // The system property twin of AWS_ENDPOINT_URL, which the SDK reads the same way.
    System.setProperty("aws.endpointUrl", fake.endpoint().toString());
    try {
      scan(OptionsBuilder.against(null), listener);
    } finally {
      System.clearProperty("aws.endpointUrl");
    }

    assertThat(listener.arns()).hasSize(1);
  }

  @Test
  void letsAnExplicitEndpointWinOverTheSdkEndpointSetting() {
    fake.callerIdentity(CALLER_ACCOUNT);
    fake.organizationsFail(400, "AccessDeniedException");
    fake.resources(
        CALLER_KEY,
        "us-east-1",
        List.of(page(null, null, ec2(CALLER_ACCOUNT, "us-east-1", "i-1"))));
    RecordingListener listener = new RecordingListener();
    System.setProperty("aws.endpointUrl", "http://127.0.0.1:9");
    try {
      scan(OptionsBuilder.against(fake.endpoint()), listener);
    } finally {
      System.clearProperty("aws.endpointUrl");
    }

    assertThat(listener.arns()).hasSize(1);
  }

  @Test
  void stopsPromptlyWhenClosedDuringAScan() throws Exception {
    givenAccount(A);
    fake.server.stubFor(
        fake.getResources(roleKey(A), "us-east-1", null)
            .willReturn(
                FakeAws.json(
                        200,
                        "{\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:s3:::late\",\"Tags\":[]}]}")
                    .withFixedDelay(1_500)));
    RecordingListener listener = new RecordingListener();
    LiveScanner scanner =
        new LiveScanner(
            OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A).build(),
            FakeAws.settings());
    CompletableFuture<LiveScanResult> running =
        CompletableFuture.supplyAsync(() -> scanner.scan(listener));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (fake.server.findAll(FakeAws.getResourcesRequests()).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    long closing = System.nanoTime();
    scanner.close();
    LiveScanResult result = running.get(5, TimeUnit.SECONDS);
    long stoppedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing);
    Thread.sleep(1_700 - Math.min(stoppedAfterMillis, 1_700));

    assertThat(stoppedAfterMillis).isLessThan(500);
    assertThat(result)
        .isEqualTo(new LiveScanResult(1, 0, 0, List.of("us-east-1"), false, List.of()));
    assertThat(listener.resources()).isEmpty();
    assertThat(listener.units()).isEmpty();
  }

  @Test
  void stopsPromptlyWhenTheScanningThreadIsInterrupted() throws Exception {
    givenAccount(A);
    fake.server.stubFor(
        fake.getResources(roleKey(A), "us-east-1", null)
            .willReturn(
                FakeAws.json(200, "{\"ResourceTagMappingList\":[]}").withFixedDelay(1_000)));
    AtomicReference<LiveScanResult> result = new AtomicReference<>();
    LiveScanner scanner =
        new LiveScanner(
            OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A).build(),
            FakeAws.settings());
    Thread scanning = new Thread(() -> result.set(scanner.scan(new RecordingListener())));
    scanning.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (fake.server.findAll(FakeAws.getResourcesRequests()).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    scanning.interrupt();
    scanning.join(500);

    assertThat(scanning.isAlive()).isFalse();
    assertThat(result.get())
        .isEqualTo(new LiveScanResult(1, 0, 0, List.of("us-east-1"), false, List.of()));
    scanner.close();
  }

  @Test
  void stopsAndRethrowsWhenTheListenerFails() {
    givenAccount(A);
    fake.resources(roleKey(A), "us-east-1", List.of(page(null, null, ec2(A, "us-east-1", "i-1"))));
    List<String> seen = new ArrayList<>();
    RecordingListener failing =
        new RecordingListener() {
          @Override
          public synchronized void resource(Resource resource) {
            seen.add(resource.arn());
            throw new IllegalStateException("disk full");
          }
        };

    assertThatThrownBy(
            () ->
                scan(
                    OptionsBuilder.against(fake.endpoint()).role("TagAuditor").accounts(A),
                    failing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("disk full");
    assertThat(seen).hasSize(1);
    assertThat(failing.units()).isEmpty();
  }
}
