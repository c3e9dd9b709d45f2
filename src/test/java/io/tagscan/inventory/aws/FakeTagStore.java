package io.tagscan.inventory.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that keeps resources' tags and answers as the Tagging API ({@code
 * GetResources}, {@code TagResources}, {@code UntagResources}), SageMaker ({@code ListTags}, {@code
 * AddTags}, {@code DeleteTags}; every other SageMaker call an empty page), STS ({@code
 * GetCallerIdentity}, {@code AssumeRole}) and Organizations do on the wire, so that a scan, a fix
 * and a rescan see the same, changing tags. Unlike {@link FakeAws}'s fixed stubs, writes here
 * change what later reads return.
 *
 * <p>Each request's account is told by its access key ({@code ASIA} and the account id for an
 * assumed role, the caller's account otherwise) and its region by the SigV4 credential scope.
 */
final class FakeTagStore implements AutoCloseable {

  static final String CALLER_ACCOUNT = "111122223333";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SCOPE =
      Pattern.compile("Credential=([A-Z0-9]+)/\\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");

  /** One call as the server received it. */
  record Call(String operation, String accessKey, String region, JsonNode body) {}

  private final HttpServer server;
  private final Map<String, TreeMap<String, String>> tags = new TreeMap<>();
  private final Map<String, String> failing = new ConcurrentHashMap<>();
  private final Map<String, String> failingUntag = new ConcurrentHashMap<>();
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private volatile int writeDelayMillis;
  private volatile Runnable beforeWrite = () -> {};
  private final Map<String, Boolean> lostAnswers = new ConcurrentHashMap<>();

  FakeTagStore() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    // Several account × region pairs are written at once, so answer calls at once too.
    server.setExecutor(
        java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "fake-tag-store");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Stores a resource with its tags (replacing any it had). */
  synchronized void put(String arn, Map<String, String> resourceTags) {
    tags.put(arn, new TreeMap<>(resourceTags));
  }

  /** The resource's tags as they are now, or null when the store has no such resource. */
  synchronized SortedMap<String, String> tagsOf(String arn) {
    TreeMap<String, String> found = tags.get(arn);
    return found == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(found));
  }

  /** Makes every later write to the resource come back in {@code FailedResourcesMap}. */
  void failWritesTo(String arn, String errorCode) {
    failing.put(arn, errorCode);
  }

  /** Every call so far, in the order the server received them. */
  List<Call> allCalls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** Every call so far of one operation, such as {@code TagResources}. */
  List<Call> calls(String operation) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String body = new String(raw, StandardCharsets.UTF_8);
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher scope = SCOPE.matcher(auth == null ? "" : auth);
    String key = scope.find() ? scope.group(1) : "";
    String region = scope.groupCount() >= 2 && !key.isEmpty() ? scope.group(2) : "";
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    try {
      if (target == null) {
        sts(exchange, form(body));
        return;
      }
      String operation = target.substring(target.indexOf('.') + 1);
      JsonNode request = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
      calls.add(new Call(operation, key, region, request));
      String account = key.startsWith("ASIA") ? key.substring(4) : CALLER_ACCOUNT;
      ObjectNode answer;
      if (target.startsWith("ResourceGroupsTaggingAPI_20170126.")) {
        if (operation.equals("TagResources") || operation.equals("UntagResources")) {
          beforeWrite.run();
          if (writeDelayMillis > 0) {
            Thread.sleep(writeDelayMillis);
          }
        }
        answer = tagging(operation, request, account, region);
      } else if (target.startsWith("SageMaker.")) {
        answer = sagemaker(operation, request);
      } else {
        answer = organizations(operation, request);
      }
      if (lostAnswer(operation, request)) {
        send(
            exchange,
            500,
            "application/x-amz-json-1.1",
            "{\"__type\":\"InternalServiceException\",\"Message\":\"fake: applied, then lost\"}");
        return;
      }
      send(exchange, 200, "application/x-amz-json-1.1", answer.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (RuntimeException e) {
      send(
          exchange,
          500,
          "application/x-amz-json-1.1",
          "{\"__type\":\"InternalServiceException\",\"Message\":\"fake: " + e + "\"}");
    }
  }

  private synchronized ObjectNode tagging(
      String operation, JsonNode request, String account, String region) {
    ObjectNode answer = JSON.createObjectNode();
    switch (operation) {
      case "GetResources" -> {
        ArrayNode list = answer.putArray("ResourceTagMappingList");
        List<String> arns = new ArrayList<>();
        if (request.has("ResourceARNList")) {
          request.get("ResourceARNList").forEach(a -> arns.add(a.asText()));
        } else {
          for (String arn : tags.keySet()) {
            String[] parts = arn.split(":", 6);
            boolean regionMatches =
                parts[3].equals(region) || parts[3].isEmpty() && region.equals("us-east-1");
            if ((parts[4].equals(account) || parts[4].isEmpty()) && regionMatches) {
              arns.add(arn);
            }
          }
        }
        for (String arn : arns) {
          TreeMap<String, String> held = tags.get(arn);
          if (held != null && (!held.isEmpty() || !arn.contains(":sagemaker:"))) {
            ObjectNode mapping = list.addObject().put("ResourceARN", arn);
            ArrayNode tagList = mapping.putArray("Tags");
            held.forEach((k, v) -> tagList.addObject().put("Key", k).put("Value", v));
          }
        }
      }
      case "TagResources", "UntagResources" -> {
        ObjectNode failed = answer.putObject("FailedResourcesMap");
        for (JsonNode arnNode : request.get("ResourceARNList")) {
          String arn = arnNode.asText();
          String code =
              failing.getOrDefault(
                  arn, operation.equals("UntagResources") ? failingUntag.get(arn) : null);
          if (code != null) {
            failed
                .putObject(arn)
                .put("StatusCode", 400)
                .put("ErrorCode", code)
                .put("ErrorMessage", code + " from the fake for " + arn);
            continue;
          }
          TreeMap<String, String> held = tags.computeIfAbsent(arn, a -> new TreeMap<>());
          if (operation.equals("TagResources")) {
            request
                .get("Tags")
                .properties()
                .forEach(e -> held.put(e.getKey(), e.getValue().asText()));
          } else {
            request.get("TagKeys").forEach(k -> held.remove(k.asText()));
          }
        }
      }
      default -> throw new IllegalArgumentException("unknown Tagging API call " + operation);
    }
    return answer;
  }

  private synchronized ObjectNode sagemaker(String operation, JsonNode request) {
    ObjectNode answer = JSON.createObjectNode();
    String arn = request.path("ResourceArn").asText();
    switch (operation) {
      case "ListTags" -> {
        ArrayNode list = answer.putArray("Tags");
        tags.getOrDefault(arn, new TreeMap<>())
            .forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
      }
      case "AddTags" -> {
        TreeMap<String, String> held = tags.computeIfAbsent(arn, a -> new TreeMap<>());
        request.get("Tags").forEach(t -> held.put(t.get("Key").asText(), t.path("Value").asText()));
        answer.putArray("Tags");
      }
      case "DeleteTags" -> {
        TreeMap<String, String> held = tags.computeIfAbsent(arn, a -> new TreeMap<>());
        request.get("TagKeys").forEach(k -> held.remove(k.asText()));
      }
      default -> {
        // Every listing answers an empty page: no SageMaker resource beyond those tagged.
      }
    }
    return answer;
  }

  private static ObjectNode organizations(String operation, JsonNode request) {
    ObjectNode answer = JSON.createObjectNode();
    if (operation.equals("DescribeAccount")) {
      answer
          .putObject("Account")
          .put("Id", request.path("AccountId").asText())
          .put("Name", "workloads")
          .put("State", "ACTIVE");
    } else if (operation.equals("ListTagsForResource")) {
      answer.putArray("Tags");
    }
    return answer;
  }

  private void sts(HttpExchange exchange, Map<String, String> form) throws IOException {
    String action = form.getOrDefault("Action", "");
    calls.add(new Call(action, "", "", JSON.valueToTree(form)));
    String ns = " xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"";
    String xml;
    if (action.equals("AssumeRole")) {
      String account = form.get("RoleArn").split(":")[4];
      String expiration =
          Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
      xml =
          "<AssumeRoleResponse"
              + ns
              + "><AssumeRoleResult><Credentials><AccessKeyId>ASIA"
              + account
              + "</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey><SessionToken>role-token"
              + "</SessionToken><Expiration>"
              + expiration
              + "</Expiration></Credentials>"
              + "<AssumedRoleUser><Arn>arn:aws:sts::"
              + account
              + ":assumed-role/TagFixer/tagscan</Arn>"
              + "<AssumedRoleId>AROAEXAMPLE:tagscan</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
              + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>";
    } else {
      xml =
          "<GetCallerIdentityResponse"
              + ns
              + "><GetCallerIdentityResult><Arn>arn:aws:iam::"
              + CALLER_ACCOUNT
              + ":user/fixer</Arn><UserId>AIDAEXAMPLE</UserId><Account>"
              + CALLER_ACCOUNT
              + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId>"
              + "</ResponseMetadata></GetCallerIdentityResponse>";
    }
    send(exchange, 200, "text/xml", xml);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Makes every later {@code UntagResources} of the resource come back in {@code
   * FailedResourcesMap}.
   */
  void failRemovalsFrom(String arn, String errorCode) {
    failingUntag.put(arn, errorCode);
  }

  /** Makes every later tag write take this long, as a far-away AWS would (harness only). */
  void delayWrites(int millis) {
    writeDelayMillis = millis;
  }

  /** Runs {@code action} as each {@code TagResources} or {@code UntagResources} call arrives. */
  void beforeEachWrite(Runnable action) {
    beforeWrite = action;
  }

  /**
   * Makes every later {@code TagResources} call naming the resource apply its change and then
   * answer 500, as AWS does when it fails after the write took: the caller cannot tell.
   */
  void applyThenAnswer500(String arn) {
    lostAnswers.put(arn, true);
  }

  private boolean lostAnswer(String operation, JsonNode request) {
    if (!operation.equals("TagResources")) {
      return false;
    }
    for (JsonNode arn : request.path("ResourceARNList")) {
      if (lostAnswers.containsKey(arn.asText())) {
        return true;
      }
    }
    return false;
  }

  /** Lets every later write succeed again. */
  void stopFailing() {
    failing.clear();
    failingUntag.clear();
    lostAnswers.clear();
  }

  /** The tagging call batches as ARN sets, for assertions on grouping. */
  static List<Set<String>> arnSets(List<Call> calls) {
    List<Set<String>> sets = new ArrayList<>();
    for (Call call : calls) {
      Set<String> arns = new java.util.TreeSet<>();
      call.body().get("ResourceARNList").forEach(a -> arns.add(a.asText()));
      sets.add(arns);
    }
    return sets;
  }
}
