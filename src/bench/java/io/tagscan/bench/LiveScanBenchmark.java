package io.tagscan.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tagscan.inventory.ScanListener;
import io.tagscan.inventory.aws.AwsOptions;
import io.tagscan.inventory.aws.ClientSettings;
import io.tagscan.inventory.aws.LiveScanResult;
import io.tagscan.inventory.aws.LiveScanner;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a live scan against a fake AWS on loopback that adds a fixed latency to every call, and
 * compares, in one run, the scan's wall time at the default concurrency with the critical path
 * and with {@code --concurrency 1}.
 *
 * <p>The fake answers AssumeRole (STS, XML), DescribeAccount and ListTagsForResource
 * (Organizations, JSON 1.1) and GetResources (Tagging API, JSON 1.1) for 20 accounts × 4 regions.
 * Most account × region pairs hold one to four pages; three hold 18, 24 and 30 — the shape of a
 * real organization, where a few production regions carry most resources. Pages hold from 1 to 100
 * resources. The critical path is the longest chain of calls that must follow each other: for one
 * pair, entering the account (AssumeRole, with the account's two Organizations lookups running
 * beside it) and then each page in turn, since a page's token comes from the page before.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java@live-scan}.
 */
public final class LiveScanBenchmark {

  private static final int ACCOUNTS = 20;
  private static final List<String> REGIONS =
      List.of("us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2");
  private static final int LATENCY_MILLIS = 50;
  private static final double TARGET = 1.25;
  private static final int WARM_UP_RUNS = 3;
  private static final int MEASURED_RUNS = 3;

  private LiveScanBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("aws.ec2MetadataDisabled", "true");
    Scenario scenario = new Scenario();
    FakeAws fake = new FakeAws(scenario);
    WireMockServer server =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(64)
                .disableRequestJournal()
                .extensions(fake));
    server.start();
    server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse()));
    server.setGlobalFixedDelay(LATENCY_MILLIS);
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + server.port());
      int concurrency = AwsOptions.DEFAULT_CONCURRENCY;
      List<String> everyAccount = scenario.accounts();
      long cold = scan(endpoint, concurrency, everyAccount, REGIONS, scenario, fake);
      for (int i = 0; i < WARM_UP_RUNS; i++) {
        scan(endpoint, concurrency, everyAccount, REGIONS, scenario, fake);
      }
      // The longest chain scanned alone: the critical path as this machine and fake serve it.
      Scenario.Pair longest = scenario.longestPair();
      long chain =
          median(
              () ->
                  scan(
                      endpoint,
                      concurrency,
                      List.of(longest.account()),
                      List.of(longest.region()),
                      scenario,
                      fake));
      long parallel = median(() -> scan(endpoint, concurrency, everyAccount, REGIONS, scenario, fake));
      long serial = scan(endpoint, 1, everyAccount, REGIONS, scenario, fake);
      long critical = scenario.criticalPathCalls() * (long) LATENCY_MILLIS;
      long workBound =
          (long) Math.ceil((double) scenario.scanPoolCalls() / concurrency) * LATENCY_MILLIS;

      PrintStream out = System.out;
      out.printf(
          Locale.ROOT,
          "live scan: %d accounts x %d regions, %d GetResources pages, %d resources,"
              + " %d ms added to every call%n",
          ACCOUNTS,
          REGIONS.size(),
          scenario.totalPages(),
          scenario.totalResources(),
          LATENCY_MILLIS);
      out.printf(
          Locale.ROOT,
          "critical path             %6d ms  (%d calls in a row x %d ms: entering the account,"
              + " then %d pages)%n",
          critical,
          scenario.criticalPathCalls(),
          LATENCY_MILLIS,
          longest.pages());
      out.printf(
          Locale.ROOT,
          "that chain, scanned alone %6d ms  (the same calls as this machine and fake serve"
              + " them)%n",
          chain);
      out.printf(
          Locale.ROOT,
          "work / concurrency        %6d ms  (%d calls on the scan's threads / %d)%n",
          workBound,
          scenario.scanPoolCalls(),
          concurrency);
      out.printf(
          Locale.ROOT,
          "concurrency %-3d wall time %6d ms  = %.2fx the critical path (target <= %.2fx: %s),"
              + " %.2fx the chain alone%n",
          concurrency,
          parallel,
          (double) parallel / critical,
          TARGET,
          parallel <= TARGET * critical ? "met" : "MISSED",
          (double) parallel / chain);
      out.printf(
          Locale.ROOT,
          "concurrency 1   wall time %6d ms  = %.2fx the critical path; %.1fx the time at"
              + " concurrency %d%n",
          serial,
          (double) serial / critical,
          (double) serial / parallel,
          concurrency);
      out.printf(
          Locale.ROOT,
          "(medians of %d warm runs; the first, cold run at concurrency %d, loading classes and"
              + " warming the JIT, took %d ms)%n",
          MEASURED_RUNS,
          concurrency,
          cold);
    } finally {
      server.stop();
    }
  }

  private static long median(LongSupplier run) {
    long[] times = new long[MEASURED_RUNS];
    for (int i = 0; i < times.length; i++) {
      times[i] = run.getAsLong();
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }

  /** Scans the accounts × regions once, checks it read them whole, and returns the wall time. */
  private static long scan(
      URI endpoint,
      int concurrency,
      List<String> accounts,
      List<String> regions,
      Scenario scenario,
      FakeAws fake) {
    AwsOptions options =
        new AwsOptions(
            null,
            "us-east-1",
            endpoint,
            "TagAuditor",
            null,
            null,
            null,
            null,
            regions,
            false,
            accounts,
            null,
            false,
            List.of(),
            List.of(),
            List.of(),
            concurrency,
            // The fake speaks the Tagging API only; this measures GetResources throughput.
            false,
            null);
    ClientSettings settings =
        ClientSettings.defaults().withStaticCredentials("AKIDBENCHMARK", "bench-secret");
    CountingListener listener = new CountingListener();
    fake.resetCounts();
    long start = System.nanoTime();
    LiveScanResult result;
    try (LiveScanner scanner = new LiveScanner(options, settings)) {
      result = scanner.scan(listener);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (!result.complete()
        || !listener.errors.isEmpty()
        || listener.resources.get() != scenario.resources(accounts, regions)
        || fake.pagesServed.get() != scenario.pages(accounts, regions)
        || fake.rolesAssumed.get() != accounts.size()) {
      throw new IllegalStateException(
          "the scan did not read the scenario whole: "
              + result
              + ", resources "
              + listener.resources.get()
              + ", pages "
              + fake.pagesServed.get()
              + ", roles "
              + fake.rolesAssumed.get()
              + ", errors "
              + listener.errors);
    }
    return millis;
  }

  /** How many pages each account × region holds and how many resources each page. */
  static final class Scenario {

    private final Map<String, int[]> pageSizes = new ConcurrentHashMap<>();
    private final List<String> accounts = new ArrayList<>();

    Scenario() {
      for (int a = 0; a < ACCOUNTS; a++) {
        String account = String.format(Locale.ROOT, "%012d", 210_000_000_000L + a);
        accounts.add(account);
        for (int r = 0; r < REGIONS.size(); r++) {
          int pages = 1 + Math.floorMod(a * 7 + r * 3, 4);
          if (a == 3 && r == 0) {
            pages = 30;
          } else if (a == 11 && r == 1) {
            pages = 24;
          } else if (a == 17 && r == 2) {
            pages = 18;
          }
          int[] sizes = new int[pages];
          for (int p = 0; p < pages; p++) {
            sizes[p] = 1 + Math.floorMod(a * 31 + r * 17 + p * 13, 100);
          }
          pageSizes.put(account + "/" + REGIONS.get(r), sizes);
        }
      }
    }

    List<String> accounts() {
      return accounts;
    }

    int[] pages(String account, String region) {
      return pageSizes.get(account + "/" + region);
    }

    /** An account × region and its number of pages. */
    record Pair(String account, String region, int pages) {}

    Pair longestPair() {
      Pair longest = null;
      for (String account : accounts) {
        for (String region : REGIONS) {
          int pages = pages(account, region).length;
          if (longest == null || pages > longest.pages()) {
            longest = new Pair(account, region, pages);
          }
        }
      }
      return longest;
    }

    /** Entering the account (one call, its lookups beside it) and then the longest page chain. */
    int criticalPathCalls() {
      return 1 + longestPair().pages();
    }

    int pages(List<String> someAccounts, List<String> regions) {
      int total = 0;
      for (String account : someAccounts) {
        for (String region : regions) {
          total += pages(account, region).length;
        }
      }
      return total;
    }

    long resources(List<String> someAccounts, List<String> regions) {
      long total = 0;
      for (String account : someAccounts) {
        for (String region : regions) {
          total += Arrays.stream(pages(account, region)).sum();
        }
      }
      return total;
    }

    int totalPages() {
      return pages(accounts, REGIONS);
    }

    long totalResources() {
      return resources(accounts, REGIONS);
    }

    /** Calls made on the scan's own threads: one AssumeRole per account and every page. */
    int scanPoolCalls() {
      return ACCOUNTS + totalPages();
    }
  }

  /** Answers every call of the scenario in each service's wire format. */
  static final class FakeAws implements ResponseDefinitionTransformerV2 {

    private static final Pattern ROLE_ACCOUNT = Pattern.compile("%3A(\\d{12})%3Arole");
    private static final Pattern SCOPE =
        Pattern.compile("Credential=ASIA(\\d{12})/\\d{8}/([a-z0-9-]+)/tagging/");
    private static final Pattern TOKEN = Pattern.compile("\"PaginationToken\":\"p(\\d+)\"");
    private static final Pattern ACCOUNT_ID =
        Pattern.compile("\"(?:AccountId|ResourceId)\":\"(\\d{12})\"");

    private final Scenario scenario;
    final AtomicInteger pagesServed = new AtomicInteger();
    final AtomicInteger rolesAssumed = new AtomicInteger();

    FakeAws(Scenario scenario) {
      this.scenario = scenario;
    }

    void resetCounts() {
      pagesServed.set(0);
      rolesAssumed.set(0);
    }

    @Override
    public String getName() {
      return "tagscan-live-scan-fake";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String target = event.getRequest().getHeader("X-Amz-Target");
      String body = event.getRequest().getBodyAsString();
      if (target == null && body.contains("Action=AssumeRole")) {
        return assumeRole(body);
      }
      if ("AWSOrganizationsV20161128.DescribeAccount".equals(target)) {
        String id = first(ACCOUNT_ID, body);
        return json(
            200, "{\"Account\":{\"Id\":\"" + id + "\",\"Name\":\"bench-" + id + "\","
                + "\"State\":\"ACTIVE\"}}");
      }
      if ("AWSOrganizationsV20161128.ListTagsForResource".equals(target)) {
        return json(200, "{\"Tags\":[{\"Key\":\"owner\",\"Value\":\"finops\"}]}");
      }
      if ("ResourceGroupsTaggingAPI_20170126.GetResources".equals(target)) {
        return getResources(event.getRequest().getHeader("Authorization"), body);
      }
      return json(400, "{\"__type\":\"UnknownOperationException\",\"Message\":\"" + target + "\"}");
    }

    private ResponseDefinition assumeRole(String body) {
      rolesAssumed.incrementAndGet();
      String account = first(ROLE_ACCOUNT, body);
      String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "text/xml")
          .withBody(
              "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                  + "<AssumeRoleResult><Credentials><AccessKeyId>ASIA"
                  + account
                  + "</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t"
                  + "</SessionToken><Expiration>"
                  + expiration
                  + "</Expiration></Credentials></AssumeRoleResult>"
                  + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                  + "</AssumeRoleResponse>")
          .build();
    }

    private ResponseDefinition getResources(String authorization, String body) {
      Matcher scope = SCOPE.matcher(authorization == null ? "" : authorization);
      if (!scope.find()) {
        return json(403, "{\"__type\":\"UnrecognizedClientException\",\"Message\":\"who?\"}");
      }
      String account = scope.group(1);
      String region = scope.group(2);
      int[] pages = scenario.pages(account, region);
      Matcher token = TOKEN.matcher(body);
      int page = token.find() ? Integer.parseInt(token.group(1)) : 0;
      pagesServed.incrementAndGet();
      StringBuilder out = new StringBuilder(16_384);
      out.append('{');
      if (page + 1 < pages.length) {
        out.append("\"PaginationToken\":\"p").append(page + 1).append("\",");
      } else if (page % 2 == 0) {
        // Half the last pages carry an empty token rather than none, as AWS does.
        out.append("\"PaginationToken\":\"\",");
      }
      out.append("\"ResourceTagMappingList\":[");
      for (int i = 0; i < pages[page]; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append("{\"ResourceARN\":\"arn:aws:ec2:")
            .append(region)
            .append(':')
            .append(account)
            .append(":instance/i-")
            .append(page)
            .append('-')
            .append(i)
            .append("\",\"Tags\":[{\"Key\":\"anycompany:workload:environment\",\"Value\":\"prod\"},")
            .append("{\"Key\":\"anycompany:finance:cost-center\",\"Value\":\"1234\"}]}");
      }
      out.append("]}");
      return json(200, out.toString());
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

  /** Counts what the scan delivers; thread-safe, as the listener contract asks. */
  static final class CountingListener implements ScanListener {
    final AtomicLong resources = new AtomicLong();
    final List<ScanError> errors = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void resource(Resource resource) {
      resources.incrementAndGet();
    }

    @Override
    public void error(ScanError error) {
      errors.add(error);
    }
  }
}
