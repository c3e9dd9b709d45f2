package io.tagscan.inventory.aws;

import static io.tagscan.inventory.aws.FakeAws.page;
import static io.tagscan.inventory.aws.FakeAws.roleKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tagscan.cli.CommandLineFactory;
import io.tagscan.cli.Environment;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tagscan scan} and {@code tagscan accounts} end to end against live-format AWS: the real
 * command line, the real SDK clients (credentials from the default chain, here the system
 * properties), and a loopback server speaking STS, Organizations and the Tagging API.
 */
class ScanCommandLiveTest {

  private static final String GOOD = "111111111111";
  private static final String DENIED = "222222222222";
  private static final String BARE = "333333333333";
  private static final Map<String, String> COMPLIANT =
      Map.of(
          "anycompany:workload:application-id", "churn",
          "anycompany:workload:environment", "production",
          "anycompany:finance:owner", "SecOps",
          "anycompany:finance:business-unit", "Sales",
          "anycompany:finance:cost-center", "5045",
          "anycompany:security:data-classification", "internal");

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
    aws.assumeRole(GOOD);
    aws.assumeRoleDenied(DENIED);
    aws.assumeRole(BARE);
    aws.describeAccount(GOOD, "ml-prod", "ACTIVE");
    aws.describeAccount(DENIED, "ml-dev", "ACTIVE");
    aws.describeAccount(BARE, "sandbox", "ACTIVE");
    aws.accountTags(
        GOOD,
        Map.of("anycompany:finance:owner", "SecOps", "anycompany:finance:business-unit", "Sales"));
    aws.accountTags(DENIED, Map.of());
    aws.accountTags(BARE, Map.of("anycompany:finance:owner", "Platform"));
    aws.resources(
        roleKey(GOOD),
        "us-east-1",
        List.of(
            page(
                null,
                "p2",
                Map.of("arn:aws:sagemaker:us-east-1:" + GOOD + ":endpoint/churn", COMPLIANT)),
            page(
                "p2",
                "",
                Map.of(
                    "arn:aws:sagemaker:us-east-1:" + GOOD + ":model/churn",
                    Map.of("env", "prod")))));
    aws.resources(
        roleKey(BARE),
        "us-east-1",
        List.of(page(null, null, Map.of("arn:aws:s3:::sandbox-data", COMPLIANT))));
  }

  @Test
  void keepsScanningWhenOneAccountIsDeniedAndSaysTheScanIsIncomplete() throws IOException {
    Path out = dir.resolve("reports");

    Run run =
        run(
            "scan",
            "--accounts",
            GOOD + "," + DENIED + "," + BARE,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1",
            "--format",
            "json,junit",
            "-o",
            out.toString(),
            "--fail-on",
            "never");

    assertThat(run.code).as(run.err).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(out.resolve("tagscan-report.json").toFile());
    assertThat(report.at("/scan/complete").asBoolean()).isFalse();
    assertThat(report.at("/scan/accounts/requested").asInt()).isEqualTo(3);
    assertThat(report.at("/scan/accounts/failed").asInt()).isEqualTo(1);
    List<String> arns = new ArrayList<>();
    report.get("resources").forEach(r -> arns.add(r.get("arn").asText()));
    assertThat(arns)
        .contains(
            "arn:aws:sagemaker:us-east-1:" + GOOD + ":endpoint/churn",
            "arn:aws:sagemaker:us-east-1:" + GOOD + ":model/churn",
            "arn:aws:s3:::sandbox-data");
    JsonNode error = report.get("errors").get(0);
    assertThat(error.get("accountId").asText()).isEqualTo(DENIED);
    assertThat(error.get("operation").asText()).isEqualTo("AssumeRole");
    assertThat(error.get("code").asText()).isEqualTo("AccessDenied");
    assertThat(run.err).contains("the scan is incomplete").contains(DENIED);
    assertThat(run.err).doesNotContain("caller-secret-never-printed").doesNotContain("role-secret");
    assertThat(Files.readString(out.resolve("tagscan-junit.xml"))).contains("AccessDenied");
  }

  @Test
  void reportsAccountsWithoutTheirMandatoryTagsAsResources() throws IOException {
    Run run =
        run(
            "scan",
            "--accounts",
            GOOD + "," + BARE,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1",
            "--format",
            "json");

    assertThat(run.code).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out);
    JsonNode bare = null;
    for (JsonNode resource : report.get("resources")) {
      if (resource.get("resourceType").asText().equals("organizations:account")
          && resource.get("accountId").asText().equals(BARE)) {
        bare = resource;
      }
    }
    assertThat(bare).isNotNull();
    assertThat(bare.get("findings").get(0).get("rule").asText()).isEqualTo("account-missing-tag");
    assertThat(bare.get("findings").get(0).get("key").asText())
        .isEqualTo("anycompany:finance:business-unit");
  }

  @Test
  void findsNeverTaggedSageMakerResourcesAndChecksDomainTagPropagation() throws IOException {
    String domain = "arn:aws:sagemaker:us-east-1:" + GOOD + ":domain/d-abc123";
    aws.sagemaker(
        roleKey(GOOD),
        "us-east-1",
        "ListDomains",
        null,
        "{\"Domains\":[{\"DomainArn\":\""
            + domain
            + "\",\"DomainId\":\"d-abc123\",\"DomainName\":\"research\",\"Status\":\"InService\"}]}");
    aws.sagemakerTags(roleKey(GOOD), "us-east-1", domain, COMPLIANT);
    aws.sagemaker(
        roleKey(GOOD),
        "us-east-1",
        "ListApps",
        null,
        "{\"Apps\":[{\"DomainId\":\"d-abc123\",\"UserProfileName\":\"alice\","
            + "\"AppType\":\"JupyterServer\",\"AppName\":\"default\",\"Status\":\"InService\"}]}");
    aws.sagemakerSearch(
        roleKey(GOOD),
        "us-east-1",
        "Endpoint",
        null,
        "{\"Results\":[{\"Endpoint\":{\"EndpointName\":\"churn\","
            + "\"EndpointArn\":\"arn:aws:sagemaker:us-east-1:"
            + GOOD
            + ":endpoint/churn\",\"EndpointStatus\":\"InService\"}},{\"Endpoint\":{"
            + "\"EndpointName\":\"fraud\",\"EndpointArn\":\"arn:aws:sagemaker:us-east-1:"
            + GOOD
            + ":endpoint/fraud\",\"EndpointStatus\":\"InService\",\"Tags\":[]}}]}");

    Run run =
        run(
            "scan",
            "--accounts",
            GOOD,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1",
            "--format",
            "json",
            "--save-inventory",
            dir.resolve("snapshot.json").toString());

    JsonNode report = new ObjectMapper().readTree(run.out);
    Map<String, JsonNode> byArn = new java.util.TreeMap<>();
    report.get("resources").forEach(r -> byArn.put(r.get("arn").asText(), r));
    String app =
        "arn:aws:sagemaker:us-east-1:" + GOOD + ":app/d-abc123/alice/jupyterserver/default";
    assertThat(byArn.get(app).get("source").asText()).isEqualTo("sagemaker");
    List<String> appRules = new ArrayList<>();
    byArn
        .get(app)
        .get("findings")
        .forEach(f -> appRules.add(f.get("rule").asText() + " " + f.path("key").asText()));
    assertThat(appRules)
        .contains(
            "untagged-resource ",
            "sagemaker-tag-not-propagated anycompany:workload:application-id",
            "sagemaker-tag-not-propagated anycompany:finance:cost-center");
    JsonNode fraud = byArn.get("arn:aws:sagemaker:us-east-1:" + GOOD + ":endpoint/fraud");
    assertThat(fraud.get("source").asText()).isEqualTo("sagemaker");
    assertThat(fraud.get("findings").get(0).get("rule").asText()).isEqualTo("untagged-resource");
    assertThat(
            byArn
                .get("arn:aws:sagemaker:us-east-1:" + GOOD + ":endpoint/churn")
                .get("source")
                .asText())
        .as("found by both sources, reported once as the Tagging API's")
        .isEqualTo("tagging-api");
    JsonNode coverage = report.at("/scan/sagemaker/0");
    assertThat(coverage.get("accountId").asText()).isEqualTo(GOOD);
    assertThat(coverage.get("taggingApi").asInt()).isEqualTo(2);
    assertThat(coverage.get("listing").asInt()).isEqualTo(4);
    assertThat(coverage.get("listingOnly").asInt()).isEqualTo(3);
    assertThat(report.at("/scan/sources").toString()).isEqualTo("[\"tagging-api\",\"sagemaker\"]");

    Run again =
        runOffline(
            "scan", "--inventory", dir.resolve("snapshot.json").toString(), "--format", "json");
    JsonNode offline = new ObjectMapper().readTree(again.out);
    assertThat(offline.get("resources"))
        .as("checked again offline")
        .isEqualTo(report.get("resources"));
    assertThat(offline.at("/scan/sagemaker")).isEqualTo(report.at("/scan/sagemaker"));
  }

  @Test
  void keepsTheOtherSageMakerListingsWhenOneAnswers500sAndCountsTheAccountAsScanned()
      throws IOException {
    aws.server.stubFor(
        aws.getResources(roleKey(GOOD), "us-east-1", null)
            .atPriority(1)
            .willReturn(FakeAws.json(200, "{\"ResourceTagMappingList\":[]}")));
    aws.sagemakerFail(roleKey(GOOD), "us-east-1", "ListUserProfiles", 500, "InternalFailure");
    String model = "arn:aws:sagemaker:us-east-1:" + GOOD + ":model/never-tagged";
    aws.sagemakerSearch(
        roleKey(GOOD),
        "us-east-1",
        "Model",
        null,
        "{\"Results\":[{\"Model\":{\"Model\":{\"ModelName\":\"never-tagged\",\"ModelArn\":\""
            + model
            + "\"}}}]}");

    Run run =
        run(
            "scan",
            "--accounts",
            GOOD,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--save-inventory",
            dir.resolve("partial.json").toString());
    Run again =
        runOffline(
            "scan",
            "--inventory",
            dir.resolve("partial.json").toString(),
            "--format",
            "json",
            "--fail-on",
            "never");

    assertThat(run.code).as(run.err).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(run.out);
    List<String> arns = new ArrayList<>();
    report.get("resources").forEach(r -> arns.add(r.get("arn").asText()));
    assertThat(arns).contains(model);
    JsonNode offline = new ObjectMapper().readTree(again.out);
    assertThat(offline.at("/scan/accounts"))
        .as("checked again offline, the account still counts as read in part")
        .isEqualTo(report.at("/scan/accounts"));
    assertThat(again.code).as(again.err).isEqualTo(3);
    assertThat(report.at("/scan/accounts/scanned").asInt()).isEqualTo(1);
    assertThat(report.at("/scan/accounts/failed").asInt()).isZero();
    assertThat(report.at("/scan/complete").asBoolean()).isFalse();
    assertThat(report.get("errors")).hasSize(1);
    JsonNode error = report.get("errors").get(0);
    assertThat(error.get("accountId").asText()).isEqualTo(GOOD);
    assertThat(error.get("region").asText()).isEqualTo("us-east-1");
    assertThat(error.get("operation").asText()).isEqualTo("ListUserProfiles");
    assertThat(error.get("code").asText()).isEqualTo("InternalFailure");
    assertThat(run.err).contains("ListUserProfiles");
  }

  @Test
  void neverPrintsOrStoresACredentialOrAControlCharacterThatAwsEchoesInAnError()
      throws IOException {
    String token =
        "IQoJb3JpZ2luX2VjEMr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx3Q1s2nZ0bKfZ8Kk2p8Q1l5YgHcV3m0Ge"
            + "Tq7mJ0w1yQIgB9PqY+XfWm2o1uQ0CkQx9fT1z3YyZ5mJ7x4e1nq1R8Iq9gIIk///////////ARAAGgwxMTEx";
    aws.server.stubFor(
        aws.getResources(roleKey(BARE), "eu-west-1", null)
            .atPriority(1)
            .willReturn(
                FakeAws.json(
                    400,
                    "{\"__type\":\"Access\\u001b[2JDenied\\u202e\",\"Message\":\"proxy says:"
                        + " X-Amz-Security-Token="
                        + token
                        + "&X-Amz-Credential=ASIAQXK3EXAMPLE7ZB4N%2F20261128 \\u001b]0;owned\\u0007"
                        + " token "
                        + token
                        + "\"}")));
    Path out = dir.resolve("reports");

    Run run =
        run(
            "scan",
            "--accounts",
            BARE,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1,eu-west-1",
            "--no-sagemaker",
            "--format",
            "json,csv,junit,markdown,html",
            "-o",
            out.toString(),
            "--fail-on",
            "never");

    assertThat(run.code).as(run.err).isEqualTo(3);
    assertThat(run.err)
        .contains(
            "GetResources Access\\u001b[2JDenied\\u202e: proxy says: X-Amz-Security-Token=[redacted]")
        .doesNotContain("\u001b")
        .doesNotContain("\u202e")
        .doesNotContain(token.substring(0, 24))
        .doesNotContain("QXK3EXAMPLE7ZB4N");
    try (var files = Files.list(out)) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file))
            .as(file.getFileName().toString())
            .doesNotContain(token.substring(0, 24))
            .doesNotContain("QXK3EXAMPLE7ZB4N")
            .doesNotContain("\u001b")
            .doesNotContain("\u202e");
      }
    }
    JsonNode error = new ObjectMapper().readTree(out.resolve("tagscan-report.json").toFile());
    assertThat(error.at("/errors/0/message").asText())
        .isEqualTo(
            "proxy says: X-Amz-Security-Token=[redacted]&X-Amz-Credential=[redacted]"
                + " \u001b]0;owned\u0007 token [redacted]");
  }

  @Test
  void ridesOutThrottlingAndReportsARegionAnswering500s() throws IOException {
    aws.server.stubFor(
        aws.getResources(roleKey(BARE), "us-east-1", null)
            .atPriority(1)
            .inScenario("throttled")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                FakeAws.json(
                    400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"))
            .willSetStateTo("calm"));
    aws.server.stubFor(
        aws.getResources(roleKey(BARE), "us-east-1", null)
            .atPriority(1)
            .inScenario("throttled")
            .whenScenarioStateIs("calm")
            .willReturn(
                FakeAws.json(
                    200,
                    "{\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:s3:::sandbox-logs\",\"Tags\":[]}]}")));
    aws.resourcesFail(roleKey(BARE), "eu-west-1", 500, "InternalServiceException");

    Run run =
        run(
            "scan",
            "--accounts",
            BARE,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1,eu-west-1",
            "--no-sagemaker",
            "--format",
            "json",
            "--fail-on",
            "never");

    assertThat(run.code).as(run.err).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(run.out);
    List<String> arns = new ArrayList<>();
    report.get("resources").forEach(r -> arns.add(r.get("arn").asText()));
    assertThat(arns).contains("arn:aws:s3:::sandbox-logs");
    assertThat(report.get("errors")).hasSize(1);
    JsonNode error = report.get("errors").get(0);
    assertThat(error.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(error.get("operation").asText()).isEqualTo("GetResources");
    assertThat(error.get("code").asText()).isEqualTo("InternalServiceException");
    assertThat(report.at("/scan/complete").asBoolean()).isFalse();
  }

  @Test
  void keepsAccountsWhoseTagsCannotBeReadUnjudgedAndCallsTheScanIncomplete() throws IOException {
    aws.reset();
    aws.callerIdentity(FakeAws.CALLER_ACCOUNT);
    aws.assumeRole(BARE);
    aws.describeAccount(BARE, "sandbox", "ACTIVE");
    aws.accountTagsFail(400, "AccessDeniedException");
    aws.resources(
        roleKey(BARE),
        "us-east-1",
        List.of(page(null, null, Map.of("arn:aws:s3:::sandbox-data", COMPLIANT))));

    Run run =
        run(
            "scan",
            "--accounts",
            BARE,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1",
            "--no-sagemaker",
            "--format",
            "json");

    assertThat(run.code).as(run.err).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(run.out);
    assertThat(unjudgedAccount(report, BARE)).as(run.out).isNotNull();
    assertThat(report.at("/summary/resources").asInt())
        .as("an account nobody could read the tags of counts in no figure")
        .isEqualTo(1);
    assertThat(report.at("/summary/compliant").asInt()).isEqualTo(1);
    assertThat(report.at("/summary/noncompliant").asInt()).isZero();
    assertThat(report.at("/scan/complete").asBoolean()).isFalse();
    assertThat(report.at("/scan/accounts/scanned").asInt()).isEqualTo(1);
    assertThat(report.at("/scan/accounts/failed").asInt()).isZero();
    assertThat(report.get("errors")).hasSize(1);
    assertThat(report.at("/errors/0/operation").asText()).isEqualTo("ListTagsForResource");
    assertThat(report.at("/errors/0/code").asText()).isEqualTo("AccessDeniedException");
    assertThat(run.err).contains("ListTagsForResource").contains("the scan is incomplete");
  }

  @Test
  void findingsStillWinOverAnAccountWhoseTagsCannotBeRead() throws IOException {
    aws.accountTagsFail(400, "AccessDeniedException");

    Run run =
        run(
            "scan",
            "--accounts",
            GOOD,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1",
            "--no-sagemaker",
            "--format",
            "json");

    assertThat(run.code).as(run.err).isEqualTo(1);
    assertThat(unjudgedAccount(new ObjectMapper().readTree(run.out), GOOD)).isNotNull();
  }

  /** The account among the resources, when it is there unjudged: tags unknown, no finding. */
  private static JsonNode unjudgedAccount(JsonNode report, String accountId) {
    for (JsonNode resource : report.get("resources")) {
      if (resource.get("resourceType").asText().equals("organizations:account")
          && resource.get("accountId").asText().equals(accountId)
          && resource.path("tagsKnown").isBoolean()
          && !resource.get("tagsKnown").asBoolean()
          && resource.get("compliant").isNull()
          && resource.get("findings").isEmpty()
          && resource.get("tags").isEmpty()) {
        return resource;
      }
    }
    return null;
  }

  @Test
  void keepsAccountsUnjudgedWhenOrganizationsRefusesEverything() throws IOException {
    aws.reset();
    aws.callerIdentity(FakeAws.CALLER_ACCOUNT);
    aws.assumeRole(BARE);
    aws.organizationsFail(400, "AccessDeniedException");
    aws.resources(
        roleKey(BARE),
        "us-east-1",
        List.of(page(null, null, Map.of("arn:aws:s3:::sandbox-data", COMPLIANT))));
    Path snapshot = dir.resolve("snapshot.json");

    Run run =
        run(
            "scan",
            "--accounts",
            BARE,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1",
            "--no-sagemaker",
            "--format",
            "json",
            "--save-inventory",
            snapshot.toString());
    Run again = runOffline("scan", "--inventory", snapshot.toString(), "--format", "json");

    assertThat(run.code).as(run.err).isEqualTo(3);
    for (Run each : List.of(run, again)) {
      JsonNode report = new ObjectMapper().readTree(each.out);
      List<String> types = new ArrayList<>();
      report.get("resources").forEach(r -> types.add(r.get("resourceType").asText()));
      assertThat(types).containsExactly("organizations:account", "s3:bucket");
      assertThat(unjudgedAccount(report, BARE))
          .as("no account judged on tags nobody could read")
          .isNotNull();
      assertThat(report.at("/scan/complete").asBoolean()).isFalse();
    }
    assertThat(again.code).as(again.err).isEqualTo(3);
  }

  @Test
  void listsTheAccountsAScanWouldCoverWithTheirTags() {
    Run run =
        run(
            "accounts",
            "--accounts",
            GOOD + "," + BARE,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1",
            "--format",
            "csv");

    assertThat(run.code).isZero();
    assertThat(run.out)
        .isEqualTo(
            "accountId,accountName,state,meetsMandatory,missing,tags\r\n"
                + GOOD
                + ",ml-prod,ACTIVE,yes,,anycompany:finance:business-unit=Sales; anycompany:finance:owner=SecOps\r\n"
                + BARE
                + ",sandbox,ACTIVE,no,anycompany:finance:business-unit,anycompany:finance:owner=Platform\r\n");
  }

  @Test
  void anAccountListLostToAFullDiskIsExit2() throws java.io.IOException {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        CommandLineFactory.create(
            new Environment(false, false, Map.of(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
    commandLine.setOut(new PrintWriter(new java.io.FileOutputStream("/dev/full"), true));
    commandLine.setErr(new PrintWriter(err, true));

    int code =
        commandLine.execute(
            "accounts",
            "--accounts",
            GOOD,
            "--role-name",
            "TagAuditor",
            "--format",
            "json",
            "--endpoint-url",
            aws.endpoint().toString(),
            "--region",
            "us-east-1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("tagscan: error: cannot write to standard output\n");
  }

  @Test
  void refusesAwsOptionsBesideAnInventory() {
    Run run =
        run(
            "scan",
            "--inventory",
            "examples/inventory/anycompany-ml.json",
            "--org",
            "--regions",
            "eu-west-1");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err)
        .isEqualTo(
            "tagscan: error: --region, --endpoint-url, --regions, --org read live AWS and cannot go"
                + " with --inventory, which checks files offline\n");
  }

  @Test
  void scansEachAccountInExactlyOneShardAndTheMergeIsTheWholeScan() throws IOException {
    String accounts = GOOD + "," + DENIED + "," + BARE;
    Path whole = dir.resolve("whole");
    Run unsharded =
        run(
            "scan",
            "--accounts",
            accounts,
            "--role-name",
            "TagAuditor",
            "--regions",
            "us-east-1",
            "--format",
            "json,markdown",
            "-o",
            whole.toString(),
            "--fail-on",
            "never");
    assertThat(unsharded.code).as(unsharded.err).isEqualTo(3);
    for (int parts : new int[] {2, 3}) {
      List<String> merge = new ArrayList<>(List.of("report", "merge"));
      List<String> covered = new ArrayList<>();
      for (int k = 1; k <= parts; k++) {
        Path part = dir.resolve(parts + "-" + k);
        Run run =
            run(
                "scan",
                "--accounts",
                accounts,
                "--role-name",
                "TagAuditor",
                "--regions",
                "us-east-1",
                "--format",
                "json",
                "-o",
                part.toString(),
                "--fail-on",
                "never",
                "--shard",
                k + "/" + parts);
        assertThat(run.code).as(run.err).isIn(0, 3);
        JsonNode report = new ObjectMapper().readTree(part.resolve("tagscan-report.json").toFile());
        report.get("accounts").forEach(account -> covered.add(account.get("id").asText()));
        merge.add(part.resolve("tagscan-report.json").toString());
      }
      assertThat(covered).as("%d parts", parts).containsExactlyInAnyOrder(GOOD, DENIED, BARE);
      Path merged = dir.resolve("merged-" + parts);
      merge.addAll(
          List.of("--format", "json,markdown", "-o", merged.toString(), "--fail-on", "never"));
      Run run = runOffline(merge.toArray(String[]::new));
      assertThat(run.code).as(run.err).isZero();
      for (String file : List.of("tagscan-report.json", "tagscan-summary.md")) {
        assertThat(Files.readString(merged.resolve(file)))
            .as("%s of %d parts", file, parts)
            .isEqualTo(Files.readString(whole.resolve(file)));
      }
    }
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--endpoint-url");
    all.add(aws.endpoint().toString());
    all.add("--region");
    all.add("us-east-1");
    return runOffline(all.toArray(String[]::new));
  }

  /** Runs the command line with exactly these arguments. */
  private Run runOffline(String... args) {
    List<String> all = List.of(args);
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
