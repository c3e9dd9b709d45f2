package io.tagscan.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake AWS on loopback for the live benchmark: STS (query/XML), Organizations, the Tagging API
 * and SageMaker (JSON 1.1) and Resource Explorer (REST-JSON), each call answered after a fixed
 * latency and counted by operation.
 *
 * <p>Every account × region holds the same number of resources, served 100 a page. SageMaker's
 * listings and {@code Search} answer empty. Which account a call is for comes from the access key
 * of its signature ({@code ASIA} + the account id, as the fake's AssumeRole hands out), its region
 * from the SigV4 credential scope, as AWS itself tells them apart. Resource Explorer's one view
 * holds the same resources of every account and region of {@link #organization}, with the same
 * tags, {@value #EXPLORER_PAGE} a page.
 */
final class LiveFakeAws implements ResponseDefinitionTransformerV2 {

  static final int PAGE = 100;

  /** Results a Resource Explorer {@code ListResources} page holds at most. */
  static final int EXPLORER_PAGE = 1000;

  /** Accounts an Organizations {@code ListAccounts} page holds at most. */
  static final int ACCOUNTS_PAGE = 20;

  static final String VIEW = "arn:aws:resource-explorer-2:us-east-1:999999999999:view/org/bench";

  private static final Pattern NEXT_TOKEN = Pattern.compile("\"NextToken\":\"r(\\d+)\"");

  private static final Pattern ROLE_ACCOUNT = Pattern.compile("%3A(\\d{12})%3Arole");
  private static final Pattern SCOPE =
      Pattern.compile("Credential=ASIA(\\d{12})/\\d{8}/([a-z0-9-]+)/tagging/");
  private static final Pattern TOKEN = Pattern.compile("\"PaginationToken\":\"p(\\d+)\"");
  private static final Pattern ACCOUNT_ID =
      Pattern.compile("\"(?:AccountId|ResourceId)\":\"(\\d{12})\"");

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private volatile int resourcesPerPair;
  private volatile int accounts;
  private volatile java.util.List<String> regions = java.util.List.of();
  private WireMockServer server;

  @Override
  public String getName() {
    return "tagscan-live-scan-fake";
  }

  /** Starts the server, adding {@code latencyMillis} to every answer. */
  URI start(int latencyMillis) {
    server =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(300)
                .jettyAcceptors(2)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(4)
                .disableRequestJournal()
                .extensions(this));
    server.start();
    server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse()));
    server.setGlobalFixedDelay(latencyMillis);
    return URI.create("http://127.0.0.1:" + server.port());
  }

  void shutdown() {
    if (server != null) {
      server.stop();
    }
  }

  /** Sets how many resources each account × region holds, and forgets the counts. */
  void reset(int resourcesEachPair) {
    this.resourcesPerPair = resourcesEachPair;
    calls.clear();
  }

  /** The accounts (ids from 210000000000 on) and regions Resource Explorer's view covers. */
  void organization(int accountCount, java.util.List<String> regionNames) {
    this.accounts = accountCount;
    this.regions = java.util.List.copyOf(regionNames);
  }

  /** How many pages Resource Explorer's view takes: at least one, which may be empty. */
  int explorerPages() {
    long total = (long) accounts * regions.size() * resourcesPerPair;
    return (int) Math.max(1, (total + EXPLORER_PAGE - 1) / EXPLORER_PAGE);
  }

  /** The calls answered since the last reset, by operation, sorted. */
  Map<String, Long> calls() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((operation, count) -> out.put(operation, count.sum()));
    return out;
  }

  /** How many pages an account × region takes: at least one, which may be empty. */
  static int pages(int resources) {
    return Math.max(1, (resources + PAGE - 1) / PAGE);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String target = event.getRequest().getHeader("X-Amz-Target");
    String body = event.getRequest().getBodyAsString();
    String url = event.getRequest().getUrl();
    if (target == null && url.startsWith("/") && url.length() > 1 && !url.contains("?")) {
      String operation = url.substring(1);
      count(operation);
      return switch (operation) {
        case "GetDefaultView" -> restJson("{\"ViewArn\":\"" + VIEW + "\"}");
        case "GetView" ->
            restJson(
                "{\"View\":{\"ViewArn\":\""
                    + VIEW
                    + "\",\"IncludedProperties\":[{\"Name\":\"tags\"}],"
                    + "\"LastUpdatedAt\":\"2026-11-27T08:00:00Z\"}}");
        case "ListResources" -> listResources(body);
        default -> json(400, "{\"__type\":\"UnknownOperationException\",\"Message\":\"?\"}");
      };
    }
    if (target == null) {
      if (body.contains("Action=AssumeRole")) {
        count("AssumeRole");
        return assumeRole(body);
      }
      if (body.contains("Action=GetCallerIdentity")) {
        count("GetCallerIdentity");
        return xml(
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>arn:aws:iam::999999999999:user/bench</Arn>"
                + "<UserId>AIDABENCH</UserId><Account>999999999999</Account>"
                + "</GetCallerIdentityResult></GetCallerIdentityResponse>");
      }
      count("unknown");
      return json(400, "{\"__type\":\"UnknownOperationException\",\"Message\":\"?\"}");
    }
    String operation = target.substring(target.indexOf('.') + 1);
    count(operation);
    if (target.startsWith("SageMaker.")) {
      // Empty listings and an empty Search: the calls are what the benchmark counts.
      return json(200, operation.equals("Search") ? "{\"Results\":[]}" : "{}");
    }
    switch (target) {
      case "AWSOrganizationsV20161128.DescribeAccount" -> {
        String id = first(ACCOUNT_ID, body);
        return json(
            200,
            "{\"Account\":{\"Id\":\""
                + id
                + "\",\"Name\":\"bench-"
                + id
                + "\",\"State\":\"ACTIVE\",\"Arn\":\"arn:aws:organizations::999999999999:account/o-bench/"
                + id
                + "\"}}");
      }
      case "AWSOrganizationsV20161128.ListAccounts" -> {
        return listAccounts(body);
      }
      case "AWSOrganizationsV20161128.ListTagsForResource" -> {
        return json(
            200,
            "{\"Tags\":[{\"Key\":\"anycompany:finance:owner\",\"Value\":\"finops\"},"
                + "{\"Key\":\"anycompany:finance:business-unit\",\"Value\":\"ml\"}]}");
      }
      case "ResourceGroupsTaggingAPI_20170126.GetResources" -> {
        return getResources(event.getRequest().getHeader("Authorization"), body);
      }
      default -> {
        return json(400, "{\"__type\":\"UnknownOperationException\",\"Message\":\"?\"}");
      }
    }
  }

  private void count(String operation) {
    calls.computeIfAbsent(operation, key -> new LongAdder()).increment();
  }

  private static ResponseDefinition assumeRole(String body) {
    String account = first(ROLE_ACCOUNT, body);
    String expiration =
        Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    return xml(
        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<AssumeRoleResult><Credentials><AccessKeyId>ASIA"
            + account
            + "</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t"
            + "</SessionToken><Expiration>"
            + expiration
            + "</Expiration></Credentials></AssumeRoleResult>"
            + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
            + "</AssumeRoleResponse>");
  }

  private ResponseDefinition getResources(String authorization, String body) {
    Matcher scope = SCOPE.matcher(authorization == null ? "" : authorization);
    if (!scope.find()) {
      return json(403, "{\"__type\":\"UnrecognizedClientException\",\"Message\":\"who?\"}");
    }
    String account = scope.group(1);
    String region = scope.group(2);
    int total = resourcesPerPair;
    int pages = pages(total);
    Matcher token = TOKEN.matcher(body);
    int page = token.find() ? Integer.parseInt(token.group(1)) : 0;
    int size = Math.max(0, Math.min(PAGE, total - page * PAGE));
    StringBuilder out = new StringBuilder(256 + size * 200);
    out.append('{');
    if (page + 1 < pages) {
      out.append("\"PaginationToken\":\"p").append(page + 1).append("\",");
    } else {
      out.append("\"PaginationToken\":\"\",");
    }
    out.append("\"ResourceTagMappingList\":[");
    for (int i = 0; i < size; i++) {
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
          .append("\",\"Tags\":[{\"Key\":\"anycompany:workload:environment\",\"Value\":\"")
          .append(i % 7 == 0 ? "Production" : "production")
          .append("\"},{\"Key\":\"anycompany:finance:cost-center\",\"Value\":\"1234\"}]}");
    }
    out.append("]}");
    return json(200, out.toString());
  }

  /** A page of the whole organization, resource by resource as GetResources serves them. */
  /** The organization's accounts, 20 a page as Organizations gives them at most. */
  private ResponseDefinition listAccounts(String body) {
    Matcher token = NEXT_TOKEN.matcher(body);
    int from = token.find() ? Integer.parseInt(token.group(1)) : 0;
    int to = Math.min(accounts, from + ACCOUNTS_PAGE);
    StringBuilder out = new StringBuilder("{");
    if (to < accounts) {
      out.append("\"NextToken\":\"r").append(to).append("\",");
    }
    out.append("\"Accounts\":[");
    for (int n = from; n < to; n++) {
      String id = String.format(java.util.Locale.ROOT, "%012d", 210_000_000_000L + n);
      out.append(n > from ? "," : "")
          .append("{\"Id\":\"")
          .append(id)
          .append("\",\"Name\":\"bench-")
          .append(id)
          .append("\",\"State\":\"ACTIVE\",\"Arn\":\"arn:aws:organizations::999999999999:account/o-bench/")
          .append(id)
          .append("\"}");
    }
    return json(200, out.append("]}").toString());
  }

  private ResponseDefinition listResources(String body) {
    int perPair = resourcesPerPair;
    long total = (long) accounts * regions.size() * perPair;
    int pages = explorerPages();
    Matcher token = NEXT_TOKEN.matcher(body);
    int page = token.find() ? Integer.parseInt(token.group(1)) : 0;
    long from = (long) page * EXPLORER_PAGE;
    long to = Math.min(total, from + EXPLORER_PAGE);
    StringBuilder out = new StringBuilder(256 + (int) (to - from) * 300);
    out.append('{');
    if (page + 1 < pages) {
      out.append("\"NextToken\":\"r").append(page + 1).append("\",");
    }
    out.append("\"ViewArn\":\"").append(VIEW).append("\",\"Resources\":[");
    for (long n = from; n < to; n++) {
      if (n > from) {
        out.append(',');
      }
      long pair = n / perPair;
      int inPair = (int) (n % perPair);
      String account = String.format(java.util.Locale.ROOT, "%012d", 210_000_000_000L + pair / regions.size());
      String region = regions.get((int) (pair % regions.size()));
      int resourcePage = inPair / PAGE;
      int i = inPair % PAGE;
      out.append("{\"Arn\":\"arn:aws:ec2:")
          .append(region)
          .append(':')
          .append(account)
          .append(":instance/i-")
          .append(resourcePage)
          .append('-')
          .append(i)
          .append("\",\"OwningAccountId\":\"")
          .append(account)
          .append("\",\"Region\":\"")
          .append(region)
          .append("\",\"ResourceType\":\"ec2:instance\",\"Service\":\"ec2\",")
          .append("\"Properties\":[{\"Name\":\"tags\",\"Data\":[")
          .append("{\"Key\":\"anycompany:workload:environment\",\"Value\":\"")
          .append(i % 7 == 0 ? "Production" : "production")
          .append("\"},{\"Key\":\"anycompany:finance:cost-center\",\"Value\":\"1234\"}]}]}");
    }
    out.append("]}");
    return restJson(out.toString());
  }

  private static ResponseDefinition restJson(String body) {
    return new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body)
        .build();
  }

  private static String first(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : "";
  }

  private static ResponseDefinition xml(String body) {
    return new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "text/xml")
        .withBody(body)
        .build();
  }

  private static ResponseDefinition json(int status, String body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body)
        .build();
  }
}
