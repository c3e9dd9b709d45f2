package io.tagscan.inventory.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A WireMock server on loopback answering as STS (query protocol, XML), Organizations and the
 * Tagging API (JSON 1.1) and Resource Explorer (REST-JSON) do, with helpers that stub one call
 * each.
 *
 * <p>Requests are told apart the way AWS tells them apart: the JSON target header or the form's
 * Action, the signing region in the SigV4 credential scope, and the access key, which for an
 * assumed role is {@code ASIA} followed by the account id, so each account's calls are its own.
 */
final class FakeAws {

  static final String CALLER_KEY = "AKIDTAGSCANCALLER";
  static final String CALLER_ACCOUNT = "999999999999";
  static final String TAGGING = "ResourceGroupsTaggingAPI_20170126.";
  static final String ORGANIZATIONS = "AWSOrganizationsV20161128.";
  static final String SAGEMAKER = "SageMaker.";
  static final String COST_EXPLORER = "AWSInsightsIndexService.";

  private static final ObjectMapper JSON = new ObjectMapper();

  final WireMockServer server;

  FakeAws() {
    server =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(40)
                .jettyAcceptors(2));
    server.start();
    sagemakerAnswersEmpty();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  void reset() {
    server.resetAll();
    sagemakerAnswersEmpty();
  }

  void stop() {
    server.stop();
  }

  /** Settings every test scanner uses: fixed caller keys and retries that never wait. */
  static ClientSettings settings() {
    return ClientSettings.defaults()
        .withStaticCredentials(CALLER_KEY, "caller-secret-never-printed")
        .withRetryStrategy(ClientSettings.retryingWithoutWaits(3));
  }

  /** The access key STS hands out for the role in an account. */
  static String roleKey(String account) {
    return "ASIA" + account;
  }

  // ---- STS ----

  void callerIdentity(String account) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(
                xml(
                    200,
                    "<GetCallerIdentityResponse"
                        + " xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<GetCallerIdentityResult><Arn>arn:aws:iam::"
                        + account
                        + ":user/auditor</Arn><UserId>AIDAEXAMPLE</UserId><Account>"
                        + account
                        + "</Account></GetCallerIdentityResult>"
                        + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                        + "</GetCallerIdentityResponse>")));
  }

  void assumeRole(String account) {
    String expiration =
        Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    server.stubFor(
        assumeRoleCall(account)
            .willReturn(
                xml(
                    200,
                    "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<AssumeRoleResult><Credentials><AccessKeyId>"
                        + roleKey(account)
                        + "</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey>"
                        + "<SessionToken>role-token-"
                        + account
                        + "</SessionToken><Expiration>"
                        + expiration
                        + "</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::"
                        + account
                        + ":assumed-role/TagAuditor/tagscan</Arn><AssumedRoleId>AROAEXAMPLE:tagscan"
                        + "</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                        + "<ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata>"
                        + "</AssumeRoleResponse>")));
  }

  void assumeRoleDenied(String account) {
    server.stubFor(
        assumeRoleCall(account)
            .willReturn(
                xml(
                    403,
                    "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                        + "<Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::"
                        + CALLER_ACCOUNT
                        + ":user/auditor is not authorized to perform: sts:AssumeRole</Message>"
                        + "</Error><RequestId>r-3</RequestId></ErrorResponse>")));
  }

  private static MappingBuilder assumeRoleCall(String account) {
    return post(urlEqualTo("/"))
        .withRequestBody(containing("Action=AssumeRole"))
        .withRequestBody(containing("%3A" + account + "%3Arole"));
  }

  static RequestPatternBuilder assumeRoleRequests() {
    return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole"));
  }

  // ---- Tagging API ----

  /** One page of GetResources: asked with {@code token} (null: first), pointing to the next. */
  static Page page(String token, String nextToken, Map<String, Map<String, String>> resources) {
    return new Page(token, nextToken, resources);
  }

  /** A GetResources page: {@code token} is the one asked with (null: the first page). */
  record Page(String token, String nextToken, Map<String, Map<String, String>> resources) {}

  /** Stubs every page of an account × region; the access key is the account's role key. */
  void resources(String accessKey, String region, List<Page> pages) {
    for (Page page : pages) {
      ObjectNode body = JSON.createObjectNode();
      if (page.nextToken() != null) {
        body.put("PaginationToken", page.nextToken());
      }
      ArrayNode list = body.putArray("ResourceTagMappingList");
      page.resources()
          .forEach(
              (arn, tags) -> {
                ObjectNode mapping = list.addObject();
                mapping.put("ResourceARN", arn);
                ArrayNode tagList = mapping.putArray("Tags");
                tags.forEach(
                    (key, value) -> tagList.addObject().put("Key", key).put("Value", value));
              });
      server.stubFor(
          getResources(accessKey, region, page.token()).willReturn(json(200, body.toString())));
    }
  }

  /** Stubs GetResources of an account × region (first page) with a JSON 1.1 error. */
  void resourcesFail(String accessKey, String region, int status, String code) {
    server.stubFor(
        getResources(accessKey, region, null)
            .willReturn(
                json(
                    status,
                    "{\"__type\":\"" + code + "\",\"Message\":\"" + code + " from the fake\"}")));
  }

  MappingBuilder getResources(String accessKey, String region, String token) {
    MappingBuilder call = signedCall(TAGGING + "GetResources", accessKey, region, "tagging");
    if (token == null) {
      // Asked first; a page asked with a token matches its own, more specific stub.
      return call.atPriority(5);
    }
    return call.withRequestBody(matchingJsonPath("$.PaginationToken", equalTo(token)))
        .atPriority(1);
  }

  static RequestPatternBuilder getResourcesRequests() {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(TAGGING + "GetResources"));
  }

  static RequestPatternBuilder getResourcesRequests(String accessKey, String region) {
    return getResourcesRequests()
        .withHeader("Authorization", matching(credentialScope(accessKey, region, "tagging")));
  }

  // ---- SageMaker ----

  /**
   * Every SageMaker call no test stubbed answers {@code {}}: an empty page for a list call, no tags
   * for {@code ListTags}.
   */
  private void sagemakerAnswersEmpty() {
    server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", matching("SageMaker\\..*"))
            .atPriority(100)
            .willReturn(json(200, "{}")));
  }

  /**
   * Stubs one page of a SageMaker call of an account × region: {@code token} is the NextToken asked
   * with (null: the first page), {@code body} the JSON answer.
   */
  void sagemaker(String accessKey, String region, String operation, String token, String body) {
    server.stubFor(sagemakerCall(accessKey, region, operation, token).willReturn(json(200, body)));
  }

  /** Stubs ListTags of one resource of an account × region. */
  void sagemakerTags(String accessKey, String region, String arn, Map<String, String> tags) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("Tags");
    tags.forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
    server.stubFor(
        sagemakerCall(accessKey, region, "ListTags", null)
            .withRequestBody(matchingJsonPath("$.ResourceArn", equalTo(arn)))
            .atPriority(2)
            .willReturn(json(200, body.toString())));
  }

  /**
   * Stubs one page of SageMaker's {@code Search} for one resource type of an account × region:
   * {@code token} is the NextToken asked with (null: the first page), {@code body} the JSON answer.
   */
  void sagemakerSearch(
      String accessKey, String region, String resourceType, String token, String body) {
    server.stubFor(
        sagemakerCall(accessKey, region, "Search", token)
            .withRequestBody(matchingJsonPath("$.Resource", equalTo(resourceType)))
            .willReturn(json(200, body)));
  }

  static RequestPatternBuilder searchRequests(String resourceType) {
    return sagemakerRequests()
        .withHeader("X-Amz-Target", equalTo(SAGEMAKER + "Search"))
        .withRequestBody(matchingJsonPath("$.Resource", equalTo(resourceType)));
  }

  /** Every SageMaker call of an account × region fails with this JSON 1.1 error. */
  void sagemakerFail(String accessKey, String region, int status, String code) {
    server.stubFor(
        signedCall(null, accessKey, region, "sagemaker")
            .withHeader("X-Amz-Target", matching("SageMaker\\..*"))
            .atPriority(50)
            .willReturn(
                json(
                    status,
                    "{\"__type\":\"" + code + "\",\"Message\":\"" + code + " from the fake\"}")));
  }

  /** One SageMaker call of an account × region fails with this JSON 1.1 error, every page. */
  void sagemakerFail(String accessKey, String region, String operation, int status, String code) {
    server.stubFor(
        signedCall(SAGEMAKER + operation, accessKey, region, "sagemaker")
            .atPriority(1)
            .willReturn(
                json(
                    status,
                    "{\"__type\":\"" + code + "\",\"Message\":\"" + code + " from the fake\"}")));
  }

  private MappingBuilder sagemakerCall(
      String accessKey, String region, String operation, String token) {
    MappingBuilder call = signedCall(SAGEMAKER + operation, accessKey, region, "sagemaker");
    if (token == null) {
      return call.atPriority(5);
    }
    return call.withRequestBody(matchingJsonPath("$.NextToken", equalTo(token))).atPriority(1);
  }

  static RequestPatternBuilder sagemakerRequests() {
    return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", matching("SageMaker\\..*"));
  }

  // ---- Organizations ----

  /** An account as Organizations lists it. */
  record Member(String id, String name, String state) {}

  /** One ListAccounts or ListAccountsForParent page. */
  void organizationsPage(
      String operation, String parentId, String token, String nextToken, Member... accounts) {
    ObjectNode body = JSON.createObjectNode();
    if (nextToken != null) {
      body.put("NextToken", nextToken);
    }
    ArrayNode list = body.putArray("Accounts");
    for (Member account : accounts) {
      ObjectNode node = list.addObject();
      node.put("Id", account.id());
      node.put(
          "Arn", "arn:aws:organizations::" + CALLER_ACCOUNT + ":account/o-abc/" + account.id());
      node.put("Name", account.name());
      node.put("Email", account.name() + "@example.com");
      node.put("State", account.state());
      node.put("JoinedMethod", "CREATED");
      node.put("JoinedTimestamp", 1.7e9);
    }
    server.stubFor(
        organizationsCall(operation, parentId, token).willReturn(json(200, body.toString())));
  }

  /** A page of an account listing that carries the retiring Status field and no State. */
  void organizationsPageWithStatusOnly(String token, String id, String name, String status) {
    String body =
        "{\"Accounts\":[{\"Id\":\""
            + id
            + "\",\"Name\":\""
            + name
            + "\",\"Status\":\""
            + status
            + "\"}]}";
    server.stubFor(organizationsCall("ListAccounts", null, token).willReturn(json(200, body)));
  }

  void childOus(String parentId, String... children) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("OrganizationalUnits");
    for (String child : children) {
      list.addObject()
          .put("Id", child)
          .put("Name", child)
          .put("Arn", "arn:aws:organizations::1:ou/" + child);
    }
    server.stubFor(
        organizationsCall("ListOrganizationalUnitsForParent", parentId, null)
            .willReturn(json(200, body.toString())));
  }

  void accountTags(String account, Map<String, String> tags) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("Tags");
    tags.forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
    server.stubFor(
        organizationsCall("ListTagsForResource", null, null)
            .withRequestBody(matchingJsonPath("$.ResourceId", equalTo(account)))
            .willReturn(json(200, body.toString())));
  }

  /** Every ListTagsForResource fails with this JSON 1.1 error. */
  void accountTagsFail(int status, String code) {
    server.stubFor(
        organizationsCall("ListTagsForResource", null, null)
            .willReturn(json(status, "{\"__type\":\"" + code + "\",\"Message\":\"boom\"}")));
  }

  void describeAccount(String account, String name, String state) {
    server.stubFor(
        organizationsCall("DescribeAccount", null, null)
            .withRequestBody(matchingJsonPath("$.AccountId", equalTo(account)))
            .willReturn(
                json(
                    200,
                    "{\"Account\":{\"Id\":\""
                        + account
                        + "\",\"Name\":\""
                        + name
                        + "\",\"State\":\""
                        + state
                        + "\"}}")));
  }

  /** Every Organizations call fails with this JSON 1.1 error. */
  void organizationsFail(int status, String code) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", matching(ORGANIZATIONS.replace(".", "\\.") + ".*"))
            .atPriority(9)
            .willReturn(json(status, "{\"__type\":\"" + code + "\",\"Message\":\"no access\"}")));
  }

  private MappingBuilder organizationsCall(String operation, String parentId, String token) {
    MappingBuilder call =
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(ORGANIZATIONS + operation))
            .withHeader(
                "Authorization",
                matching(credentialScope(CALLER_KEY, "us-east-1", "organizations")));
    if (parentId != null) {
      call.withRequestBody(matchingJsonPath("$.ParentId", equalTo(parentId)));
    }
    if (token == null) {
      return call.atPriority(5);
    }
    return call.withRequestBody(matchingJsonPath("$.NextToken", equalTo(token))).atPriority(1);
  }

  static RequestPatternBuilder organizationsRequests(String operation) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(ORGANIZATIONS + operation));
  }

  // ---- Tag policies ----

  /** DescribeEffectivePolicy for the account answers with this tag-policy document. */
  void effectivePolicy(String account, String content) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("EffectivePolicy")
        .put("PolicyContent", content)
        .put("LastUpdatedTimestamp", 1.7e9)
        .put("TargetId", account)
        .put("PolicyType", "TAG_POLICY");
    server.stubFor(effectivePolicyCall(account).willReturn(json(200, body.toString())));
  }

  /** DescribeEffectivePolicy for the account fails with this JSON 1.1 error. */
  void effectivePolicyFail(String account, int status, String code) {
    server.stubFor(
        effectivePolicyCall(account)
            .willReturn(
                json(status, "{\"__type\":\"" + code + "\",\"Message\":\"" + code + "\"}")));
  }

  private MappingBuilder effectivePolicyCall(String account) {
    return organizationsCall("DescribeEffectivePolicy", null, null)
        .withRequestBody(matchingJsonPath("$.PolicyType", equalTo("TAG_POLICY")))
        .withRequestBody(matchingJsonPath("$.TargetId", equalTo(account)));
  }

  /**
   * One ListEffectivePolicyValidationErrors page for the account: asked with {@code token} (null:
   * first); each error is code, message and path.
   */
  void validationErrors(String account, String token, String nextToken, List<List<String>> errors) {
    ObjectNode body = JSON.createObjectNode();
    body.put("AccountId", account).put("PolicyType", "TAG_POLICY");
    if (nextToken != null) {
      body.put("NextToken", nextToken);
    }
    ArrayNode list = body.putArray("EffectivePolicyValidationErrors");
    for (List<String> error : errors) {
      list.addObject()
          .put("ErrorCode", error.get(0))
          .put("ErrorMessage", error.get(1))
          .put("PathToError", error.get(2));
    }
    server.stubFor(
        organizationsCall("ListEffectivePolicyValidationErrors", null, token)
            .withRequestBody(matchingJsonPath("$.AccountId", equalTo(account)))
            .withRequestBody(matchingJsonPath("$.PolicyType", equalTo("TAG_POLICY")))
            .willReturn(json(200, body.toString())));
  }

  /** Every ListEffectivePolicyValidationErrors fails with this JSON 1.1 error. */
  void validationErrorsFail(int status, String code) {
    server.stubFor(
        organizationsCall("ListEffectivePolicyValidationErrors", null, null)
            .atPriority(4)
            .willReturn(json(status, "{\"__type\":\"" + code + "\",\"Message\":\"no\"}")));
  }

  /**
   * One ListRequiredTags page of an account × region (the account's role key): asked with {@code
   * token} (null: first); each resource type with its reporting keys.
   */
  void requiredTags(
      String accessKey,
      String region,
      String token,
      String nextToken,
      Map<String, List<String>> types) {
    ObjectNode body = JSON.createObjectNode();
    if (nextToken != null) {
      body.put("NextToken", nextToken);
    }
    ArrayNode list = body.putArray("RequiredTags");
    types.forEach(
        (type, keys) -> {
          ObjectNode tag = list.addObject().put("ResourceType", type);
          tag.putArray("CloudFormationResourceTypes");
          ArrayNode reporting = tag.putArray("ReportingTagKeys");
          keys.forEach(reporting::add);
        });
    server.stubFor(
        requiredTagsCall(accessKey, region, token).willReturn(json(200, body.toString())));
  }

  /** ListRequiredTags of an account × region (first page) fails with this JSON 1.1 error. */
  void requiredTagsFail(String accessKey, String region, int status, String code) {
    server.stubFor(
        requiredTagsCall(accessKey, region, null)
            .willReturn(
                json(status, "{\"__type\":\"" + code + "\",\"Message\":\"" + code + "\"}")));
  }

  private MappingBuilder requiredTagsCall(String accessKey, String region, String token) {
    MappingBuilder call = signedCall(TAGGING + "ListRequiredTags", accessKey, region, "tagging");
    if (token == null) {
      return call.atPriority(5);
    }
    return call.withRequestBody(matchingJsonPath("$.NextToken", equalTo(token))).atPriority(1);
  }

  static RequestPatternBuilder requiredTagsRequests() {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(TAGGING + "ListRequiredTags"));
  }

  // ---- Resource Explorer (REST-JSON: POST /<Operation>) ----

  /** A result of ListResources: where it lives and its tags (null: no tags property at all). */
  record Found(String arn, String account, String region, String type, Map<String, String> tags) {}

  /** GetDefaultView in the region answers {@code viewArn}; null answers that none is set. */
  void explorerDefaultView(String region, String viewArn) {
    ObjectNode body = JSON.createObjectNode();
    if (viewArn != null) {
      body.put("ViewArn", viewArn);
    }
    server.stubFor(explorerCall("GetDefaultView", region).willReturn(restJson(200, body)));
  }

  /** GetView of the view: whether it includes the tags property, and when it was last updated. */
  void explorerView(String region, String viewArn, boolean tags, Instant lastUpdatedAt) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode view = body.putObject("View");
    view.put("ViewArn", viewArn);
    view.put("Owner", CALLER_ACCOUNT);
    view.put("Scope", "arn:aws:organizations::" + CALLER_ACCOUNT + ":organization/o-abc");
    if (lastUpdatedAt != null) {
      view.put("LastUpdatedAt", lastUpdatedAt.toString());
    }
    ArrayNode properties = view.putArray("IncludedProperties");
    if (tags) {
      properties.addObject().put("Name", "tags");
    }
    view.putObject("Filters").put("FilterString", "");
    server.stubFor(
        explorerCall("GetView", region)
            .withRequestBody(matchingJsonPath("$.ViewArn", equalTo(viewArn)))
            .willReturn(restJson(200, body)));
  }

  /** One ListResources page of the view: asked with {@code token} (null: first). */
  void explorerPage(
      String region, String viewArn, String token, String nextToken, List<Found> results) {
    ObjectNode body = JSON.createObjectNode();
    if (nextToken != null) {
      body.put("NextToken", nextToken);
    }
    body.put("ViewArn", viewArn);
    ArrayNode list = body.putArray("Resources");
    for (Found found : results) {
      ObjectNode node = list.addObject();
      node.put("Arn", found.arn());
      node.put("OwningAccountId", found.account());
      node.put("Region", found.region());
      node.put("ResourceType", found.type());
      node.put("Service", found.type().split(":")[0]);
      node.put("LastReportedAt", "2026-11-27T08:00:00Z");
      ArrayNode properties = node.putArray("Properties");
      if (found.tags() != null) {
        ObjectNode property = properties.addObject();
        property.put("Name", "tags");
        property.put("LastReportedAt", "2026-11-27T08:00:00Z");
        ArrayNode data = property.putArray("Data");
        found.tags().forEach((key, value) -> data.addObject().put("Key", key).put("Value", value));
      }
    }
    MappingBuilder call =
        explorerCall("ListResources", region)
            .withRequestBody(matchingJsonPath("$.ViewArn", equalTo(viewArn)));
    call =
        token == null
            ? call.atPriority(5)
            : call.withRequestBody(matchingJsonPath("$.NextToken", equalTo(token))).atPriority(1);
    server.stubFor(call.willReturn(restJson(200, body)));
  }

  /** Every call of the operation fails with this REST-JSON error. */
  void explorerFail(String operation, int status, String code) {
    server.stubFor(
        post(urlEqualTo("/" + operation))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", code)
                    .withBody("{\"message\":\"" + code + " from the fake\"}")));
  }

  static RequestPatternBuilder explorerRequests(String operation) {
    return postRequestedFor(urlEqualTo("/" + operation));
  }

  private MappingBuilder explorerCall(String operation, String region) {
    // GetDefaultView has no body, and so no Content-Type.
    return post(urlEqualTo("/" + operation))
        .withHeader(
            "Authorization", matching(credentialScope(CALLER_KEY, region, "resource-explorer-2")));
  }

  private static ResponseDefinitionBuilder restJson(int status, ObjectNode body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }

  // ---- wire helpers ----

  /** A JSON 1.1 call to {@code target} (null: any) signed with the key for region and service. */
  // ---- Cost Explorer ----

  /**
   * One page of ListCostAllocationTags: asked with {@code token} (null: first), pointing to the
   * next; each tag is key, status and last-used date (null: never used).
   */
  void costAllocationTags(String token, String nextToken, List<List<String>> tags) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("CostAllocationTags");
    for (List<String> tag : tags) {
      ObjectNode t = list.addObject().put("TagKey", tag.get(0)).put("Type", "UserDefined");
      t.put("Status", tag.get(1));
      if (tag.size() > 2) {
        t.put("LastUsedDate", tag.get(2));
      }
    }
    if (nextToken != null) {
      body.put("NextToken", nextToken);
    }
    MappingBuilder call =
        signedCall(COST_EXPLORER + "ListCostAllocationTags", CALLER_KEY, "us-east-1", "ce");
    call =
        token == null
            ? call.atPriority(5)
            : call.withRequestBody(matchingJsonPath("$.NextToken", equalTo(token))).atPriority(1);
    server.stubFor(call.willReturn(json(200, body.toString())));
  }

  /**
   * One page of GetCostAndUsage grouped by the tag {@code key} and LINKED_ACCOUNT: each group is
   * the tag value ("" for untagged), the account id and the amount in USD.
   */
  void costAndUsage(String key, String token, String nextToken, List<List<String>> groups) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("GroupDefinitions");
    ArrayNode results = body.putArray("ResultsByTime");
    ObjectNode result = results.addObject();
    result.putObject("TimePeriod").put("Start", "2026-10-01").put("End", "2026-11-01");
    ArrayNode list = result.putArray("Groups");
    for (List<String> group : groups) {
      ObjectNode g = list.addObject();
      g.putArray("Keys").add(key + "$" + group.get(0)).add(group.get(1));
      g.putObject("Metrics")
          .putObject("UnblendedCost")
          .put("Amount", group.get(2))
          .put("Unit", "USD");
    }
    if (nextToken != null) {
      body.put("NextPageToken", nextToken);
    }
    server.stubFor(costAndUsageCall(key, token).willReturn(json(200, body.toString())));
  }

  /** Stubs the first GetCostAndUsage of a key with a JSON 1.1 error. */
  void costAndUsageFails(String key, int status, String code) {
    server.stubFor(
        costAndUsageCall(key, null)
            .willReturn(
                json(
                    status,
                    "{\"__type\":\"" + code + "\",\"Message\":\"" + code + " from the fake\"}")));
  }

  private MappingBuilder costAndUsageCall(String key, String token) {
    MappingBuilder call =
        signedCall(COST_EXPLORER + "GetCostAndUsage", CALLER_KEY, "us-east-1", "ce")
            .withRequestBody(matchingJsonPath("$.GroupBy[0].Key", equalTo(key)));
    return token == null
        ? call.atPriority(5)
        : call.withRequestBody(matchingJsonPath("$.NextPageToken", equalTo(token))).atPriority(1);
  }

  private MappingBuilder signedCall(
      String target, String accessKey, String region, String service) {
    MappingBuilder call =
        post(urlEqualTo("/"))
            .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
            .withHeader("Authorization", matching(credentialScope(accessKey, region, service)));
    return target == null ? call : call.withHeader("X-Amz-Target", equalTo(target));
  }

  static String credentialScope(String accessKey, String region, String service) {
    return ".*Credential=" + accessKey + "/\\d{8}/" + region + "/" + service + "/aws4_request.*";
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body);
  }

  static ResponseDefinitionBuilder xml(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
  }
}
