package io.tagscan.inventory.aws;

import static io.tagscan.inventory.aws.FakeAws.roleKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tagscan.inventory.aws.RecordingListener.Unit;
import io.tagscan.model.ScanError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Throttling at scale, at wire level: the real SDK clients against a fake AWS on loopback. Each
 * account × region keeps its own retry strategy although the clients are shared by region, and a
 * throttling storm leaves every other account whole and the throttled pair either whole or failed,
 * never half-read and counted complete.
 */
class ThrottlingTest {

  private static final String A = "111111111111";
  private static final String B = "222222222222";
  private static final String REGION = "us-east-1";
  private static final String THROTTLED =
      "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}";

  @Test
  void throttlingThatEmptiesOneAccountsRetryQuotaLeavesTheOtherAccountsTheirOwn() {
    FakeAws fake = new FakeAws();
    try {
      for (String account : List.of(A, B)) {
        fake.assumeRole(account);
        fake.describeAccount(account, "name-" + account, "ACTIVE");
        fake.accountTags(account, Map.of());
      }
      // A is throttled on every call, until its retry quota is spent and the SDK stops retrying.
      fake.resourcesFail(roleKey(A), REGION, 400, "ThrottlingException");
      // B is throttled once, then answers: it needs one retry, after A has spent A's quota.
      fake.server.stubFor(
          fake.getResources(roleKey(B), REGION, null)
              .inScenario("B")
              .whenScenarioStateIs(Scenario.STARTED)
              .atPriority(1)
              .willReturn(FakeAws.json(400, THROTTLED))
              .willSetStateTo("calm"));
      fake.server.stubFor(
          fake.getResources(roleKey(B), REGION, null)
              .inScenario("B")
              .whenScenarioStateIs("calm")
              .atPriority(1)
              .willReturn(
                  FakeAws.json(
                      200,
                      "{\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:ec2:us-east-1:"
                          + B
                          + ":instance/i-1\",\"Tags\":[]}]}")));
      RecordingListener listener = new RecordingListener();
      // The SDK's standard retry quota (its circuit breaker), many attempts, and no waits. One
      // pair at a time, in the order given: A's pair runs, and spends its quota, before B's.
      ClientSettings settings =
          FakeAws.settings()
              .withRetryStrategy(
                  () ->
                      AwsRetryStrategy.standardRetryStrategy().toBuilder()
                          .maxAttempts(1_000)
                          .backoffStrategy(BackoffStrategy.retryImmediately())
                          .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                          .circuitBreakerEnabled(true)
                          .build());

      LiveScanResult result;
      try (LiveScanner scanner =
          new LiveScanner(
              OptionsBuilder.against(fake.endpoint())
                  .role("TagAuditor")
                  .accounts(A, B)
                  .regions(REGION)
                  .concurrency(1)
                  .noSagemaker()
                  .build(),
              settings)) {
        result = scanner.scan(listener);
      }

      assertThat(listener.arns()).containsExactly("arn:aws:ec2:us-east-1:" + B + ":instance/i-1");
      assertThat(listener.errors())
          .extracting(ScanError::accountId, ScanError::region, ScanError::code)
          .containsExactly(tuple(A, REGION, "ThrottlingException"));
      assertThat(listener.units())
          .containsExactlyInAnyOrder(new Unit(A, REGION, false), new Unit(B, REGION, true));
      // A stopped on its quota, well before its 1,000 attempts.
      assertThat(
              fake.server
                  .countRequestsMatching(FakeAws.getResourcesRequests(roleKey(A), REGION).build())
                  .getCount())
          .isBetween(2, 999);
      assertThat(result.complete()).isFalse();
    } finally {
      fake.stop();
    }
  }

  @Test
  void aStormThatOutlastsOnePairsRetriesFailsThatPairAloneAndNeverAsComplete() {
    Storm storm = new Storm(List.of(REGION, "eu-west-1"), 12, 2, A, 50);
    LiveScanResult result = storm.scan(6);

    // Every other account × region is read whole, despite every tenth call being throttled.
    List<String> stormedPair = List.of(Storm.arn(A, REGION, 0, 0), Storm.arn(A, REGION, 0, 1));
    List<String> expected = new ArrayList<>(storm.expectedArnsBut(A, REGION));
    expected.addAll(stormedPair);
    assertThat(storm.listener.arns()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(storm.listener.errors())
        .extracting(ScanError::accountId, ScanError::region, ScanError::operation, ScanError::code)
        .containsExactly(tuple(A, REGION, "GetResources", "ThrottlingException"));
    // The stormed pair, its first page read and the rest not, is incomplete, and only it.
    assertThat(storm.listener.units())
        .hasSize(storm.pairs())
        .filteredOn(unit -> !unit.complete())
        .containsExactly(new Unit(A, REGION, false));
    assertThat(storm.stormThrottled.get()).isEqualTo(3);
    assertThat(storm.tenthsThrottled.get()).isPositive();
    assertThat(result.complete()).isFalse();
    assertThat(result.accountsScanned()).isEqualTo(6);
  }

  @Test
  void aStormThatTheRetriesOutlastLeavesTheScanWholeAndComplete() {
    Storm storm = new Storm(List.of(REGION, "eu-west-1"), 12, 2, A, 2);
    LiveScanResult result = storm.scan(6);

    assertThat(storm.listener.arns())
        .containsExactlyInAnyOrderElementsOf(storm.expectedArnsBut(null, null));
    assertThat(storm.listener.errors()).isEmpty();
    assertThat(storm.listener.units()).hasSize(storm.pairs()).allMatch(Unit::complete);
    assertThat(storm.stormThrottled.get()).isEqualTo(2);
    assertThat(storm.tenthsThrottled.get()).isPositive();
    assertThat(result.complete()).isTrue();
  }

  /**
   * A fake AWS in a throttling storm: each account × region's every tenth {@code GetResources} call
   * is throttled, and every call of one account in us-east-1 is throttled for a while, from the
   * call after its first page on; counted in calls, not time, so that the test is deterministic.
   * Retries are the tests' three attempts without waits.
   */
  private static final class Storm implements ResponseDefinitionTransformerV2 {

    private static final Pattern SCOPE =
        Pattern.compile("Credential=ASIA(\\d{12})/\\d{8}/([a-z0-9-]+)/tagging/");
    private static final Pattern TOKEN = Pattern.compile("\"PaginationToken\":\"p(\\d+)\"");
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("%3A(\\d{12})%3Arole");
    private static final Pattern ACCOUNT_ID =
        Pattern.compile("\"(?:AccountId|ResourceId)\":\"(\\d{12})\"");

    final RecordingListener listener = new RecordingListener();
    final AtomicInteger tenthsThrottled = new AtomicInteger();
    final AtomicInteger stormThrottled = new AtomicInteger();
    private final List<String> regions;
    private final int pages;
    private final int perPage;
    private final String stormed;
    private final Map<String, AtomicInteger> callsByPair = new ConcurrentHashMap<>();
    private final AtomicInteger stormCallsLeft;
    private final List<String> accounts = new ArrayList<>();

    Storm(List<String> regions, int pages, int perPage, String stormed, int stormCalls) {
      this.regions = regions;
      this.pages = pages;
      this.perPage = perPage;
      this.stormed = stormed;
      this.stormCallsLeft = new AtomicInteger(stormCalls);
    }

    @Override
    public String getName() {
      return "throttling-storm";
    }

    LiveScanResult scan(int accountCount) {
      accounts.add(stormed);
      for (int i = accounts.size(); i < accountCount; i++) {
        accounts.add(String.format("%012d", 400_000_000_000L + i));
      }
      WireMockServer server =
          new WireMockServer(
              WireMockConfiguration.options()
                  .dynamicPort()
                  .bindAddress("127.0.0.1")
                  .containerThreads(40)
                  .jettyAcceptors(2)
                  .extensions(this));
      server.start();
      try {
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse()));
        try (LiveScanner scanner =
            new LiveScanner(
                OptionsBuilder.against(java.net.URI.create("http://127.0.0.1:" + server.port()))
                    .role("TagAuditor")
                    .accounts(accounts.toArray(String[]::new))
                    .regions(regions.toArray(String[]::new))
                    .concurrency(4)
                    .noSagemaker()
                    .build(),
                FakeAws.settings())) {
          return scanner.scan(listener);
        }
      } finally {
        server.stop();
      }
    }

    int pairs() {
      return accounts.size() * regions.size();
    }

    /** Every resource the fake holds but those of one account × region (null: none left out). */
    List<String> expectedArnsBut(String leftAccount, String leftRegion) {
      List<String> arns = new ArrayList<>();
      for (String account : accounts) {
        for (String region : regions) {
          if (account.equals(leftAccount) && region.equals(leftRegion)) {
            continue;
          }
          for (int p = 0; p < pages; p++) {
            for (int i = 0; i < perPage; i++) {
              arns.add(arn(account, region, p, i));
            }
          }
        }
      }
      return arns;
    }

    static String arn(String account, String region, int page, int i) {
      return "arn:aws:ec2:" + region + ":" + account + ":instance/i-" + page + "-" + i;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String target = event.getRequest().getHeader("X-Amz-Target");
      String body = event.getRequest().getBodyAsString();
      if (target == null && body.contains("Action=AssumeRole")) {
        return assumeRole(first(ROLE_ACCOUNT, body));
      }
      if ((FakeAws.ORGANIZATIONS + "DescribeAccount").equals(target)) {
        String id = first(ACCOUNT_ID, body);
        return json(
            200, "{\"Account\":{\"Id\":\"" + id + "\",\"Name\":\"n\",\"State\":\"ACTIVE\"}}");
      }
      if ((FakeAws.ORGANIZATIONS + "ListTagsForResource").equals(target)) {
        return json(200, "{\"Tags\":[]}");
      }
      if ((FakeAws.TAGGING + "GetResources").equals(target)) {
        Matcher scope = SCOPE.matcher(event.getRequest().getHeader("Authorization"));
        if (!scope.find()) {
          return json(403, "{\"__type\":\"UnrecognizedClientException\",\"message\":\"?\"}");
        }
        return getResources(scope.group(1), scope.group(2), body);
      }
      return json(400, "{\"__type\":\"UnknownOperationException\",\"message\":\"?\"}");
    }

    private ResponseDefinition getResources(String account, String region, String body) {
      int call =
          callsByPair
              .computeIfAbsent(account + "/" + region, key -> new AtomicInteger())
              .incrementAndGet();
      if (account.equals(stormed)
          && region.equals(REGION)
          && call > 1
          && stormCallsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        stormThrottled.incrementAndGet();
        return json(400, THROTTLED);
      }
      if (call % 10 == 0) {
        tenthsThrottled.incrementAndGet();
        return json(400, THROTTLED);
      }
      Matcher token = TOKEN.matcher(body);
      int page = token.find() ? Integer.parseInt(token.group(1)) : 0;
      StringBuilder out = new StringBuilder("{");
      if (page + 1 < pages) {
        out.append("\"PaginationToken\":\"p").append(page + 1).append("\",");
      }
      out.append("\"ResourceTagMappingList\":[");
      for (int i = 0; i < perPage; i++) {
        out.append(i == 0 ? "" : ",")
            .append("{\"ResourceARN\":\"")
            .append(arn(account, region, page, i))
            .append("\",\"Tags\":[]}");
      }
      return json(200, out.append("]}").toString());
    }

    private static ResponseDefinition assumeRole(String account) {
      String expiration =
          Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "text/xml")
          .withBody(
              "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                  + "<AssumeRoleResult><Credentials><AccessKeyId>"
                  + roleKey(account)
                  + "</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t"
                  + "</SessionToken><Expiration>"
                  + expiration
                  + "</Expiration></Credentials></AssumeRoleResult>"
                  + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                  + "</AssumeRoleResponse>")
          .build();
    }

    private static String first(Pattern pattern, String text) {
      Matcher matcher = pattern.matcher(text);
      return matcher.find() ? matcher.group(1) : "";
    }

    private static ResponseDefinition json(int status, String body) {
      return new ResponseDefinitionBuilder()
          .withStatus(status)
          .withHeader("Content-Type", "application/x-amz-json-1.1")
          .withBody(body)
          .build();
    }
  }
}
