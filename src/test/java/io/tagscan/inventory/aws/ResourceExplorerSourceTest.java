package io.tagscan.inventory.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tagscan.inventory.aws.FakeAws.page;
import static io.tagscan.inventory.aws.FakeAws.roleKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tagscan.cli.CommandLineFactory;
import io.tagscan.cli.Environment;
import io.tagscan.inventory.aws.FakeAws.Found;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * {@code tagscan scan} through AWS Resource Explorer, end to end: the real command line and the
 * real SDK clients against a loopback server speaking Resource Explorer's REST-JSON ({@code POST
 * /GetDefaultView}, {@code /GetView}, {@code /ListResources}) beside STS, Organizations and the
 * Tagging API.
 */
class ResourceExplorerSourceTest {

  private static final String PROD = "111111111111";
  private static final String DEV = "222222222222";
  private static final String REGION = "us-east-1";
  private static final String VIEW =
      "arn:aws:resource-explorer-2:us-east-1:" + FakeAws.CALLER_ACCOUNT + ":view/org/1a2b3c";
  private static final Instant UPDATED = Instant.parse("2026-11-27T08:30:00Z");
  private static final Map<String, String> COMPLIANT =
      Map.of(
          "anycompany:workload:application-id", "churn",
          "anycompany:workload:environment", "production",
          "anycompany:finance:owner", "SecOps",
          "anycompany:finance:business-unit", "Sales",
          "anycompany:finance:cost-center", "5045",
          "anycompany:security:data-classification", "internal");
  private static final Map<String, String> ACCOUNT_TAGS =
      Map.of("anycompany:finance:owner", "SecOps", "anycompany:finance:business-unit", "Sales");
  private static final Map<String, String> WRONG =
      Map.of("Environment", "Production", "anycompany:finance:owner", "");

  private static final String PROD_ENDPOINT =
      "arn:aws:sagemaker:us-east-1:" + PROD + ":endpoint/churn";
  private static final String PROD_BUCKET = "arn:aws:s3:::prod-data";
  private static final String PROD_INSTANCE =
      "arn:aws:ec2:us-east-1:" + PROD + ":instance/i-0never";
  private static final String DEV_QUEUE = "arn:aws:sqs:us-east-1:" + DEV + ":jobs";
  private static final String DEV_ROLE = "arn:aws:iam::" + DEV + ":role/deployer";

  private static FakeAws aws;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    aws = new FakeAws();
    System.setProperty("aws.accessKeyId", FakeAws.CALLER_KEY);
    System.setProperty("aws.secretAccessKey", "caller-secret-never-printed");
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    aws.stop();
  }

  @BeforeEach
  void organization() {
    aws.reset();
    aws.callerIdentity(FakeAws.CALLER_ACCOUNT);
    for (String account : List.of(PROD, DEV)) {
      aws.assumeRole(account);
      aws.describeAccount(account, account.equals(PROD) ? "prod" : "dev", "ACTIVE");
      aws.accountTags(account, ACCOUNT_TAGS);
    }
    aws.organizationsPage(
        "ListAccounts",
        null,
        null,
        null,
        new FakeAws.Member(PROD, "prod", "ACTIVE"),
        new FakeAws.Member(DEV, "dev", "ACTIVE"));
  }

  /** The Tagging API of the fixture organization: every tagged resource, per account × region. */
  private void taggingApi() {
    aws.resources(
        roleKey(PROD),
        REGION,
        List.of(
            page(null, "p2", Map.of(PROD_ENDPOINT, COMPLIANT)),
            page("p2", null, Map.of(PROD_BUCKET, WRONG))));
    aws.resources(roleKey(DEV), REGION, List.of(page(null, null, Map.of(DEV_QUEUE, WRONG))));
    aws.resources(roleKey(DEV), "us-west-2", List.of(page(null, null, Map.of())));
  }

  /** The organization's view: the same tagged resources, plus what was never tagged. */
  private void view() {
    aws.explorerDefaultView(REGION, VIEW);
    aws.explorerView(REGION, VIEW, true, UPDATED);
    aws.explorerPage(
        REGION,
        VIEW,
        null,
        "page-2",
        List.of(
            new Found(PROD_ENDPOINT, PROD, REGION, "sagemaker:endpoint", COMPLIANT),
            new Found(PROD_BUCKET, PROD, REGION, "s3:bucket", WRONG),
            new Found(PROD_INSTANCE, PROD, REGION, "ec2:instance", Map.of())));
    aws.explorerPage(
        REGION,
        VIEW,
        "page-2",
        null,
        List.of(
            new Found(DEV_QUEUE, DEV, REGION, "sqs:queue", WRONG),
            new Found(DEV_ROLE, DEV, "global", "iam:role", null),
            new Found(
                "arn:aws:ssm:us-west-2:" + DEV + ":automation-execution/abc",
                DEV,
                "us-west-2",
                "ssm:automation-execution",
                Map.of("aws:cloudformation:stack-name", "x")),
            new Found(
                "arn:aws:internal-thing:us-west-2:" + DEV + ":widget/w1",
                DEV,
                "us-west-2",
                "internal-thing:widget",
                Map.of())));
  }

  @Test
  void readsEveryPageOfTheViewAloneWithoutAssumingARole() throws IOException {
    view();

    Run run = run("scan", "--source", "resource-explorer", "--format", "json", "-o", out());

    assertThat(run.code).as(run.err).isEqualTo(1);
    JsonNode report = report();
    assertThat(arns(report))
        .containsExactly(
            PROD_INSTANCE,
            PROD_BUCKET,
            PROD_ENDPOINT,
            DEV_ROLE,
            DEV_QUEUE,
            "arn:aws:ssm:us-west-2:" + DEV + ":automation-execution/abc");
    assertThat(resource(report, DEV_ROLE).get("source").asText()).isEqualTo("resource-explorer");
    assertThat(resource(report, PROD_BUCKET).get("source").asText()).isEqualTo("resource-explorer");
    assertThat(rules(report, PROD_INSTANCE)).contains("untagged-resource");
    assertThat(rules(report, DEV_ROLE)).contains("untagged-resource");
    assertThat(rules(report, PROD_ENDPOINT)).isEmpty();
    JsonNode scan = report.get("scan");
    assertThat(texts(scan.get("sources"))).containsExactly("resource-explorer");
    assertThat(texts(scan.get("regions"))).containsExactly("global", "us-east-1", "us-west-2");
    assertThat(scan.at("/accounts/requested").asInt()).isEqualTo(2);
    assertThat(scan.at("/accounts/scanned").asInt()).isEqualTo(2);
    assertThat(scan.get("complete").asBoolean()).isTrue();
    JsonNode explorer = scan.get("resourceExplorer");
    assertThat(explorer.at("/views/0/arn").asText()).isEqualTo(VIEW);
    assertThat(explorer.at("/views/0/lastUpdatedAt").asText()).isEqualTo(UPDATED.toString());
    assertThat(texts(explorer.get("resourceTypes")))
        .containsExactly(
            "ec2:instance",
            "iam:role",
            "internal-thing:widget",
            "s3:bucket",
            "sagemaker:endpoint",
            "sqs:queue",
            "ssm:automation-execution");
    assertThat(explorer.get("untaggedTypeSkipped").asInt()).isEqualTo(1);
    assertThat(explorer.get("outsideFilters").asInt()).isZero();
    assertThat(pair(explorer, PROD, REGION)).isEqualTo(List.of(0, 3, 3));
    assertThat(pair(explorer, DEV, "us-west-2")).isEqualTo(List.of(0, 2, 1));
    assertThat(schemaProblems(report)).isEmpty();
    aws.server.verify(exactly(2), FakeAws.explorerRequests("ListResources"));
    aws.server.verify(exactly(0), FakeAws.assumeRoleRequests());
    aws.server.verify(exactly(0), FakeAws.getResourcesRequests());
  }

  @Test
  void dropsAndCountsResultsOutsideTheAccountsAndRegionsAsked() throws IOException {
    view();

    Run run =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--accounts",
            PROD,
            "--regions",
            REGION,
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never");

    assertThat(run.code).as(run.err).isZero();
    JsonNode report = report();
    assertThat(arns(report)).containsExactly(PROD_INSTANCE, PROD_BUCKET, PROD_ENDPOINT);
    assertThat(report.at("/scan/resourceExplorer/outsideFilters").asInt()).isEqualTo(4);
    assertThat(report.at("/scan/accounts/requested").asInt()).isEqualTo(1);
    assertThat(texts(report.at("/scan/regions"))).containsExactly(REGION);
  }

  @Test
  void untaggedTypesChoosesWhichNeverTaggedResourcesCount() throws IOException {
    view();

    Run run =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--untagged-types",
            "internal-thing:*",
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never");

    assertThat(run.code).as(run.err).isZero();
    JsonNode report = report();
    assertThat(arns(report))
        .contains("arn:aws:internal-thing:us-west-2:" + DEV + ":widget/w1", DEV_QUEUE)
        .doesNotContain(PROD_INSTANCE, DEV_ROLE);
    assertThat(report.at("/scan/resourceExplorer/untaggedTypeSkipped").asInt()).isEqualTo(3);
  }

  @Test
  void stopsAListingThatHandsBackATokenItGaveBefore() throws IOException {
    aws.explorerDefaultView(REGION, VIEW);
    aws.explorerView(REGION, VIEW, true, UPDATED);
    aws.explorerPage(
        REGION,
        VIEW,
        null,
        "again",
        List.of(new Found(PROD_BUCKET, PROD, REGION, "s3:bucket", COMPLIANT)));
    aws.explorerPage(
        REGION,
        VIEW,
        "again",
        "again",
        List.of(new Found(DEV_QUEUE, DEV, REGION, "sqs:queue", COMPLIANT)));

    Run run =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never");

    assertThat(run.code).as(run.err).isEqualTo(3);
    JsonNode report = report();
    assertThat(arns(report)).containsExactly(PROD_BUCKET, DEV_QUEUE);
    assertThat(report.at("/errors/0/operation").asText()).isEqualTo("ListResources");
    assertThat(report.at("/errors/0/code").asText()).isEqualTo("PaginationLoop");
    aws.server.verify(exactly(2), FakeAws.explorerRequests("ListResources"));
  }

  @Test
  void refusesAViewThatDoesNotIncludeTags() {
    aws.explorerDefaultView(REGION, VIEW);
    aws.explorerView(REGION, VIEW, false, UPDATED);

    Run run = run("scan", "--source", "resource-explorer", "--format", "json", "-o", out());

    assertThat(run.code).as(run.err).isEqualTo(2);
    assertThat(run.err)
        .contains("does not include the tags property")
        .contains("--included-properties Name=tags");
    aws.server.verify(exactly(0), FakeAws.explorerRequests("ListResources"));
  }

  @Test
  void noDefaultViewIsAUsageErrorThatGivesTheSetUpCommands() {
    aws.explorerDefaultView(REGION, null);

    Run run = run("scan", "--source", "resource-explorer");

    assertThat(run.code).as(run.err).isEqualTo(2);
    assertThat(run.err)
        .contains("no default view in us-east-1")
        .contains("aws resource-explorer-2 create-index --type AGGREGATOR");
  }

  @Test
  void readsTheViewNamedInItsOwnRegion() throws IOException {
    String other =
        "arn:aws:resource-explorer-2:eu-west-1:" + FakeAws.CALLER_ACCOUNT + ":view/org/9z";
    aws.explorerView("eu-west-1", other, true, null);
    aws.explorerPage(
        "eu-west-1",
        other,
        null,
        null,
        List.of(new Found(PROD_BUCKET, PROD, "eu-west-1", "s3:bucket", COMPLIANT)));

    Run run =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--view-arn",
            other,
            "--format",
            "json",
            "-o",
            out());

    assertThat(run.code).as(run.err).isZero();
    JsonNode report = report();
    assertThat(arns(report)).containsExactly(PROD_BUCKET);
    assertThat(report.at("/scan/resourceExplorer/views/0").has("lastUpdatedAt")).isFalse();
    aws.server.verify(exactly(0), FakeAws.explorerRequests("GetDefaultView"));
  }

  @Test
  void besideTheTaggingApiAddsOnlyTheResourcesItDidNotReturn() throws IOException {
    taggingApi();
    view();
    // Resource Explorer lags: its tags for the endpoint are older than the Tagging API's.
    aws.explorerPage(
        REGION,
        VIEW,
        null,
        "page-2",
        List.of(
            new Found(PROD_ENDPOINT, PROD, REGION, "sagemaker:endpoint", Map.of("stale", "yes")),
            new Found(PROD_BUCKET, PROD, REGION, "s3:bucket", WRONG),
            new Found(PROD_INSTANCE, PROD, REGION, "ec2:instance", Map.of())));

    Run run = scanOrganization("--fail-on", "never", "--format", "json,markdown");

    assertThat(run.code).as(run.err).isZero();
    JsonNode report = report();
    assertThat(arns(report))
        .containsExactly(PROD_INSTANCE, PROD_BUCKET, PROD_ENDPOINT, DEV_ROLE, DEV_QUEUE);
    assertThat(Files.readString(dir.resolve("reports/tagscan-summary.md")))
        .contains("Resource Explorer: 2 resources found only in the view");
    assertThat(resource(report, PROD_ENDPOINT).get("source").asText()).isEqualTo("tagging-api");
    assertThat(resource(report, PROD_ENDPOINT).at("/tags/stale").isMissingNode()).isTrue();
    assertThat(resource(report, PROD_INSTANCE).get("source").asText())
        .isEqualTo("resource-explorer");
    assertThat(rules(report, PROD_INSTANCE)).contains("untagged-resource");
    JsonNode scan = report.get("scan");
    assertThat(texts(scan.get("sources")))
        .containsExactly("tagging-api", "sagemaker", "resource-explorer");
    JsonNode explorer = scan.get("resourceExplorer");
    assertThat(pair(explorer, PROD, REGION)).isEqualTo(List.of(2, 3, 1));
    assertThat(pair(explorer, DEV, REGION)).isEqualTo(List.of(1, 1, 0));
    assertThat(pair(explorer, DEV, "global")).isEqualTo(List.of(0, 1, 1));
    // us-west-2 is not scanned: its two results are dropped and counted.
    assertThat(explorer.get("outsideFilters").asInt()).isEqualTo(2);
    assertThat(schemaProblems(report)).isEmpty();
  }

  @Test
  void keepsTheTaggingApisResourcesWhenResourceExplorerIsDenied() throws IOException {
    taggingApi();
    view();
    aws.explorerFail("ListResources", 403, "AccessDeniedException");

    Run run = scanOrganization("--source", "combined", "--fail-on", "never");

    assertThat(run.code).as(run.err).isEqualTo(3);
    JsonNode report = report();
    assertThat(arns(report)).containsExactly(PROD_BUCKET, PROD_ENDPOINT, DEV_QUEUE);
    assertThat(report.at("/scan/complete").asBoolean()).isFalse();
    JsonNode error = report.get("errors").get(0);
    assertThat(error.get("operation").asText()).isEqualTo("ListResources");
    assertThat(error.get("code").asText()).isEqualTo("AccessDeniedException");
    assertThat(run.err).contains("ListResources").contains("AccessDeniedException");
  }

  /** Ways the view's listing can fail after GetDefaultView and GetView answered. */
  enum ListingFailure {
    REFUSED,
    THROTTLED,
    SECOND_PAGE_FAILS,
    TOKEN_LOOPS;

    /** Stubs the failure over the view of {@link #view()}. */
    void stub(FakeAws aws) {
      switch (this) {
        case REFUSED -> aws.explorerFail("ListResources", 403, "AccessDeniedException");
        case THROTTLED -> aws.explorerFail("ListResources", 400, "ThrottlingException");
        case SECOND_PAGE_FAILS ->
            aws.server.stubFor(
                post(urlEqualTo("/ListResources"))
                    .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
                    .atPriority(1)
                    .willReturn(
                        aResponse()
                            .withStatus(500)
                            .withHeader("Content-Type", "application/json")
                            .withHeader("x-amzn-ErrorType", "InternalServerException")
                            .withBody("{\"message\":\"boom\"}")));
        case TOKEN_LOOPS ->
            aws.explorerPage(
                REGION,
                VIEW,
                "page-2",
                "page-2",
                List.of(new Found(DEV_QUEUE, DEV, REGION, "sqs:queue", WRONG)));
      }
    }

    String code() {
      return switch (this) {
        case REFUSED -> "AccessDeniedException";
        case THROTTLED -> "ThrottlingException";
        case SECOND_PAGE_FAILS -> "InternalServerException";
        case TOKEN_LOOPS -> "PaginationLoop";
      };
    }
  }

  @ParameterizedTest
  @EnumSource(ListingFailure.class)
  void aFailedListingLeavesTheDefaultScanOnTheTaggingApiWithANote(ListingFailure failure)
      throws IOException {
    taggingApi();
    view();
    failure.stub(aws);

    Run run = scanOrganization("--fail-on", "never", "--format", "json,markdown");

    assertThat(run.code).as(run.err).isZero();
    JsonNode report = report();
    // Nothing of the view is kept, not even the first page's never-tagged instance.
    assertThat(arns(report)).containsExactly(PROD_BUCKET, PROD_ENDPOINT, DEV_QUEUE);
    assertThat(report.get("resources").findValuesAsText("source"))
        .doesNotContain("resource-explorer");
    assertThat(report.get("errors")).isEmpty();
    JsonNode scan = report.get("scan");
    assertThat(scan.get("complete").asBoolean()).isTrue();
    assertThat(scan.has("resourceExplorer")).isFalse();
    assertThat(texts(scan.get("sources"))).containsExactly("tagging-api", "sagemaker");
    String note =
        "Resource Explorer's ListResources of the view "
            + VIEW
            + " failed ("
            + failure.code()
            + "), so the scan read the Tagging API alone; pass --source tagging-api to leave"
            + " Resource Explorer out, or --source combined to have such a failure fail the scan";
    assertThat(texts(scan.get("notes"))).containsExactly(note);
    assertThat(run.err.lines().filter(line -> line.contains("Resource Explorer")))
        .containsExactly("tagscan: note: " + note);
    assertThat(schemaProblems(report)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ListingFailure.class)
  void aFailedListingStillFailsACombinedOrResourceExplorerScan(ListingFailure failure)
      throws IOException {
    taggingApi();
    view();
    failure.stub(aws);

    Run combined = scanOrganization("--source", "combined", "--fail-on", "never");
    assertThat(combined.code).as(combined.err).isEqualTo(3);
    assertThat(report().at("/errors/0/operation").asText()).isEqualTo("ListResources");
    assertThat(report().at("/errors/0/code").asText()).isEqualTo(failure.code());
    assertThat(report().get("scan").has("notes")).isFalse();

    Run alone =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never");
    assertThat(alone.code).as(alone.err).isEqualTo(3);
    assertThat(report().at("/errors/0/operation").asText()).isEqualTo("ListResources");
    assertThat(report().at("/errors/0/code").asText()).isEqualTo(failure.code());
  }

  @Test
  void judgesAccountTagsFromOrganizationsInAResourceExplorerScanWithoutAssumingARole()
      throws IOException {
    view();
    aws.accountTags(DEV, Map.of("anycompany:finance:owner", "SecOps"));

    Run run = run("scan", "--source", "resource-explorer", "--format", "json", "-o", out());

    assertThat(run.code).as(run.err).isEqualTo(1);
    JsonNode report = report();
    JsonNode dev = account(report, DEV);
    assertThat(dev.get("arn").asText())
        .isEqualTo("arn:aws:organizations::" + FakeAws.CALLER_ACCOUNT + ":account/o-abc/" + DEV);
    assertThat(dev.at("/tags/anycompany:finance:owner").asText()).isEqualTo("SecOps");
    assertThat(dev.get("findings").findValuesAsText("rule")).containsExactly("account-missing-tag");
    assertThat(dev.at("/findings/0/key").asText()).isEqualTo("anycompany:finance:business-unit");
    assertThat(account(report, PROD).get("findings")).isEmpty();
    assertThat(account(report, PROD).get("compliant").asBoolean()).isTrue();
    assertThat(report.at("/scan/complete").asBoolean()).isTrue();
    assertThat(report.get("scan").has("notes")).isFalse();
    assertThat(report.get("errors")).isEmpty();
    aws.server.verify(exactly(1), FakeAws.organizationsRequests("ListAccounts"));
    aws.server.verify(exactly(2), FakeAws.organizationsRequests("ListTagsForResource"));
    aws.server.verify(exactly(0), FakeAws.assumeRoleRequests());
    assertThat(schemaProblems(report)).isEmpty();
  }

  @Test
  void accountsNamedButAbsentFromTheViewAreJudgedToo() throws IOException {
    view();
    String empty = "333333333333";
    aws.describeAccount(empty, "empty", "ACTIVE");
    aws.accountTags(empty, Map.of());

    Run run =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--accounts",
            PROD + "," + empty,
            "--format",
            "json",
            "-o",
            out());

    assertThat(run.code).as(run.err).isEqualTo(1);
    JsonNode report = report();
    assertThat(account(report, empty).get("findings").findValuesAsText("rule"))
        .containsOnly("account-missing-tag");
    assertThat(account(report, PROD).get("findings")).isEmpty();
    aws.server.verify(exactly(0), FakeAws.organizationsRequests("ListAccounts"));
  }

  @Test
  void aRefusedOrganizationsLeavesAccountTagsUnjudgedWithANote() throws IOException {
    view();
    aws.server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", matching("AWSOrganizationsV20161128\\..*"))
            .atPriority(1)
            .willReturn(
                FakeAws.json(
                    400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"not allowed\"}")));

    Run run =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never");

    assertThat(run.code).as(run.err).isZero();
    JsonNode report = report();
    assertThat(report.get("resources").findValuesAsText("rule"))
        .doesNotContain("account-missing-tag");
    assertThat(account(report, DEV).get("tags")).isEmpty();
    assertThat(report.at("/scan/complete").asBoolean()).isTrue();
    assertThat(report.get("errors")).isEmpty();
    String note =
        "Organizations refused ListAccounts (AccessDeniedException), so the accounts' own tags are"
            + " not judged (account-missing-tag) in this scan through Resource Explorer alone;"
            + " allow organizations:ListAccounts and organizations:ListTagsForResource to the"
            + " caller to judge them";
    assertThat(texts(report.at("/scan/notes"))).containsExactly(note);
    assertThat(run.err).contains("tagscan: note: " + note);
    aws.server.verify(exactly(0), FakeAws.organizationsRequests("ListTagsForResource"));
  }

  @Test
  void anAccountsTagsThatCannotBeReadMakeAResourceExplorerScanIncomplete() throws IOException {
    view();
    aws.accountTagsFail(500, "ServiceException");

    Run run =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never");

    assertThat(run.code).as(run.err).isEqualTo(3);
    JsonNode report = report();
    assertThat(report.at("/scan/complete").asBoolean()).isFalse();
    assertThat(report.get("errors").findValuesAsText("operation"))
        .containsOnly("ListTagsForResource");
    assertThat(report.get("errors").findValuesAsText("accountId")).containsExactly(PROD, DEV);
    assertThat(arns(report)).contains(PROD_INSTANCE, DEV_QUEUE);
  }

  @Test
  void withoutAViewTheDefaultScanReadsTheTaggingApiAsBefore() throws IOException {
    taggingApi();

    Run run = scanOrganization("--fail-on", "never");

    assertThat(run.code).as(run.err).isZero();
    JsonNode report = report();
    assertThat(arns(report)).containsExactly(PROD_BUCKET, PROD_ENDPOINT, DEV_QUEUE);
    assertThat(report.get("scan").has("resourceExplorer")).isFalse();
    assertThat(texts(report.at("/scan/sources"))).containsExactly("tagging-api", "sagemaker");
  }

  @Test
  void aDefaultViewWithoutTagsLeavesTheDefaultScanToTheTaggingApiWithANote() throws IOException {
    taggingApi();
    aws.explorerDefaultView(REGION, VIEW);
    aws.explorerView(REGION, VIEW, false, UPDATED);

    Run run = scanOrganization("--fail-on", "never");

    assertThat(run.code).as(run.err).isZero();
    assertThat(arns(report())).containsExactly(PROD_BUCKET, PROD_ENDPOINT, DEV_QUEUE);
    assertThat(report().get("scan").has("resourceExplorer")).isFalse();
    assertThat(run.err)
        .contains("tagscan: note: the Resource Explorer view " + VIEW)
        .contains("the scan read the Tagging API alone");
    aws.server.verify(exactly(0), FakeAws.explorerRequests("ListResources"));
  }

  @Test
  void refusesAnUnknownSourceAndAViewArnThatIsNoView() {
    Run source = run("scan", "--source", "config");
    Run view = run("scan", "--source", "resource-explorer", "--view-arn", "arn:aws:s3:::bucket");

    assertThat(source.code).isEqualTo(2);
    assertThat(source.err)
        .contains("--source 'config' is not a source: auto, tagging-api, resource-explorer");
    assertThat(view.code).isEqualTo(2);
    assertThat(view.err)
        .contains("--view-arn 'arn:aws:s3:::bucket' is not a Resource Explorer view");
  }

  @Test
  void combinedWithoutADefaultViewIsAUsageError() {
    taggingApi();
    aws.explorerDefaultView(REGION, null);

    Run run = scanOrganization("--source", "combined");

    assertThat(run.code).as(run.err).isEqualTo(2);
    assertThat(run.err).contains("create-index --type AGGREGATOR");
    aws.server.verify(exactly(0), FakeAws.getResourcesRequests());
  }

  @Test
  void aRefusedGetDefaultViewFailsAResourceExplorerScanButNotTheDefaultOne() throws IOException {
    taggingApi();
    aws.explorerFail("GetDefaultView", 403, "AccessDeniedException");

    Run alone = run("scan", "--source", "resource-explorer", "--format", "json", "-o", out());
    assertThat(alone.code).as(alone.err).isEqualTo(3);
    assertThat(report().at("/errors/0/operation").asText()).isEqualTo("GetDefaultView");
    assertThat(report().at("/errors/0/code").asText()).isEqualTo("AccessDeniedException");

    Run auto = scanOrganization("--fail-on", "never");
    assertThat(auto.code).as(auto.err).isZero();
    assertThat(report().get("errors")).isEmpty();
    assertThat(arns(report())).containsExactly(PROD_BUCKET, PROD_ENDPOINT, DEV_QUEUE);
  }

  @Test
  void resourceExplorerOptionsCannotGoWithAnInventory() {
    Run run =
        run(
            "scan",
            "--inventory",
            "examples/inventory/anycompany-ml.json",
            "--source",
            "resource-explorer",
            "--untagged-types",
            "ec2:*");

    assertThat(run.code).as(run.err).isEqualTo(2);
    assertThat(run.err).contains("--source").contains("--untagged-types").contains("--inventory");
  }

  @Test
  void sourceTaggingApiAsksResourceExplorerNothing() throws IOException {
    taggingApi();
    view();

    Run run = scanOrganization("--source", "tagging-api", "--fail-on", "never");

    assertThat(run.code).as(run.err).isZero();
    assertThat(arns(report())).containsExactly(PROD_BUCKET, PROD_ENDPOINT, DEV_QUEUE);
    aws.server.verify(exactly(0), FakeAws.explorerRequests("GetDefaultView"));
    aws.server.verify(exactly(0), FakeAws.explorerRequests("ListResources"));
  }

  @Test
  void givesTheSameFindingsForTaggedResourcesThroughEitherSource() throws IOException {
    taggingApi();
    view();

    Run perPair = scanOrganization("--source", "tagging-api", "--fail-on", "never");
    assertThat(perPair.code).as(perPair.err).isZero();
    Map<String, List<String>> viaTaggingApi = findings(report());
    Run alone =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--regions",
            REGION,
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never");
    assertThat(alone.code).as(alone.err).isZero();
    Map<String, List<String>> viaExplorer = findings(report());

    assertThat(viaTaggingApi).isNotEmpty();
    assertThat(viaExplorer).containsAllEntriesOf(viaTaggingApi);
    assertThat(viaExplorer.keySet()).contains(PROD_INSTANCE, DEV_ROLE);
  }

  @Test
  void aScanOfItsSnapshotReportsTheSameResourceExplorerFigures() throws IOException {
    taggingApi();
    view();
    Path besideSnapshot = dir.resolve("beside.json");
    Path aloneSnapshot = dir.resolve("alone.json");

    Run beside =
        scanOrganization("--fail-on", "never", "--save-inventory", besideSnapshot.toString());
    assertThat(beside.code).as(beside.err).isZero();
    JsonNode live = report().at("/scan/resourceExplorer");
    assertThat(live.get("pairs")).isNotEmpty();
    JsonNode offline = offlineFigures(besideSnapshot);
    assertThat(offline).isEqualTo(live);

    Run alone =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never",
            "--save-inventory",
            aloneSnapshot.toString());
    assertThat(alone.code).as(alone.err).isZero();
    JsonNode aloneLive = report().at("/scan/resourceExplorer");
    assertThat(aloneLive.at("/views/0/lastUpdatedAt").asText()).isEqualTo(UPDATED.toString());
    assertThat(offlineFigures(aloneSnapshot)).isEqualTo(aloneLive);
    assertThat(schemaProblems(report())).isEmpty();
  }

  /** The Resource Explorer figures of an offline scan of the snapshot. */
  private JsonNode offlineFigures(Path snapshot) throws IOException {
    Run offline =
        run(
            "scan",
            "--inventory",
            snapshot.toString(),
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never");
    assertThat(offline.code).as(offline.err).isZero();
    return report().at("/scan/resourceExplorer");
  }

  @Test
  void reportRenderAndMergeKeepTheResourceExplorerFigures() throws IOException {
    view();
    Run scan =
        run(
            "scan",
            "--source",
            "resource-explorer",
            "--format",
            "json",
            "-o",
            out(),
            "--fail-on",
            "never");
    assertThat(scan.code).as(scan.err).isZero();
    JsonNode scanned = report().at("/scan/resourceExplorer");
    Path saved = dir.resolve("saved.json");
    Files.move(dir.resolve("reports/tagscan-report.json"), saved);

    Run render = run("report", "render", saved.toString(), "--format", "json", "-o", out());
    assertThat(render.code).as(render.err).isZero();
    assertThat(report().at("/scan/resourceExplorer")).isEqualTo(scanned);

    Run merge =
        run("report", "merge", saved.toString(), saved.toString(), "--format", "json", "-o", out());
    assertThat(merge.code).as(merge.err).isZero();
    JsonNode merged = report().at("/scan/resourceExplorer");
    assertThat(merged.get("views")).isEqualTo(scanned.get("views"));
    assertThat(merged.get("pairs")).isEqualTo(scanned.get("pairs"));
    assertThat(merged.get("resourceTypes")).isEqualTo(scanned.get("resourceTypes"));
  }

  // ---- helpers ----

  private Run scanOrganization(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                "--accounts",
                PROD + "," + DEV,
                "--role-name",
                "TagAuditor",
                "--regions",
                REGION,
                "-o",
                out()));
    args.addAll(List.of(more));
    if (!args.contains("--format")) {
      args.addAll(List.of("--format", "json"));
    }
    return run(args.toArray(String[]::new));
  }

  /** What the shipped JSON Schema finds wrong with the report. */
  private static Set<ValidationMessage> schemaProblems(JsonNode report) throws IOException {
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(new ObjectMapper().readTree(Path.of("schema/report.schema.json").toFile()));
    return schema.validate(report);
  }

  private String out() {
    return dir.resolve("reports").toString();
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(dir.resolve("reports/tagscan-report.json").toFile());
  }

  /** The ARNs of the resources read, leaving out the accounts themselves. */
  private static List<String> arns(JsonNode report) {
    List<String> arns = new ArrayList<>();
    report
        .get("resources")
        .forEach(
            r -> {
              if (!r.get("source").asText().equals("organizations")) {
                arns.add(r.get("arn").asText());
              }
            });
    return arns;
  }

  private static JsonNode resource(JsonNode report, String arn) {
    for (JsonNode r : report.get("resources")) {
      if (r.get("arn").asText().equals(arn)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + arn);
  }

  /** The account as the report lists it among the resources. */
  private static JsonNode account(JsonNode report, String id) {
    for (JsonNode r : report.get("resources")) {
      if (r.get("resourceType").asText().equals("organizations:account")
          && r.get("accountId").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no account " + id);
  }

  private static List<String> rules(JsonNode report, String arn) {
    List<String> rules = new ArrayList<>();
    resource(report, arn).get("findings").forEach(f -> rules.add(f.get("rule").asText()));
    return rules;
  }

  /**
   * Each resource's findings as rule, key and value, sorted; the accounts are left out, since
   * Resource Explorer alone does not ask Organizations for their tags.
   */
  private static Map<String, List<String>> findings(JsonNode report) {
    Map<String, List<String>> all = new TreeMap<>();
    for (JsonNode r : report.get("resources")) {
      if (r.get("source").asText().equals("organizations")) {
        continue;
      }
      TreeSet<String> each = new TreeSet<>();
      r.get("findings")
          .forEach(
              f ->
                  each.add(
                      f.get("rule").asText()
                          + " "
                          + f.path("key").asText()
                          + " "
                          + f.path("value").asText()));
      all.put(r.get("arn").asText(), List.copyOf(each));
    }
    return all;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /** The pair's figures: Tagging API, Resource Explorer, Resource Explorer only. */
  private static List<Integer> pair(JsonNode explorer, String account, String region) {
    for (JsonNode pair : explorer.get("pairs")) {
      if (pair.get("accountId").asText().equals(account)
          && pair.get("region").asText().equals(region)) {
        return List.of(
            pair.get("taggingApi").asInt(),
            pair.get("resourceExplorer").asInt(),
            pair.get("explorerOnly").asInt());
      }
    }
    throw new AssertionError("no figures for " + account + " " + region + " in " + explorer);
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (args[0].equals("scan") && !all.contains("--inventory")) {
      all.add("--endpoint-url");
      all.add(aws.endpoint().toString());
      all.add("--region");
      all.add(REGION);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        CommandLineFactory.create(
            new Environment(
                false,
                false,
                Map.of(),
                Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC)));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
