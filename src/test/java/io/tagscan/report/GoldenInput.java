package io.tagscan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import io.tagscan.model.Suppressed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The test-only JSON form of a golden case's input: the options, a dictionary, the scan info, the
 * accounts, the checked resources (in arrival order) and the errors.
 */
record GoldenInput(
    Severity failOn,
    int tableLimit,
    Dictionary dictionary,
    ScanInfo info,
    List<Account> accounts,
    List<CheckedResource> resources,
    List<ScanError> errors) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Finding finding(JsonNode finding) {
    return new Finding(
        Objects.requireNonNull(RuleId.fromSlug(finding.path("rule").asText())),
        Objects.requireNonNull(Severity.fromSlug(finding.path("severity").asText())),
        text(finding, "key"),
        text(finding, "value"),
        text(finding, "expected"),
        text(finding, "fix"),
        finding.path("message").asText());
  }

  static GoldenInput read(Path file) throws IOException {
    JsonNode root = MAPPER.readTree(file.toFile());
    JsonNode options = root.path("options");
    Severity failOn =
        options.path("failOn").isTextual()
            ? Objects.requireNonNull(Severity.fromSlug(options.path("failOn").asText()))
            : null;
    List<TagSpec> specs = new ArrayList<>();
    for (JsonNode tag : root.path("dictionary").path("tags")) {
      specs.add(
          Fixtures.spec(
              tag.path("key").asText(),
              tag.path("mandatory").asBoolean(),
              tag.path("costAllocation").asBoolean(),
              strings(tag.path("appliesTo")).toArray(String[]::new)));
    }
    Dictionary dictionary =
        Fixtures.dictionary(specs, strings(root.path("dictionary").path("accountMandatory")));
    JsonNode scan = root.path("scan");
    ScanInfo info =
        new ScanInfo(
            Instant.parse(scan.path("startedAt").asText()),
            Instant.parse(scan.path("finishedAt").asText()),
            scan.path("complete").asBoolean(),
            scan.path("dictionaryPath").asText(),
            scan.path("dictionarySha256").asText(),
            strings(scan.path("sources")),
            strings(scan.path("regions")),
            scan.path("accountsRequested").asInt(),
            scan.path("accountsScanned").asInt(),
            scan.path("accountsFailed").asInt(),
            sagemaker(scan.path("sagemaker")),
            null,
            List.of());
    List<Account> accounts = new ArrayList<>();
    for (JsonNode account : root.path("accounts")) {
      accounts.add(
          new Account(
              account.path("id").asText(),
              account.path("name").asText(""),
              account.path("state").asText(""),
              new java.util.TreeMap<>(tags(account.path("tags"))),
              "",
              !account.path("tagsKnown").isBoolean() || account.path("tagsKnown").asBoolean()));
    }
    List<CheckedResource> resources = new ArrayList<>();
    for (JsonNode node : root.path("resources")) {
      List<Finding> findings = new ArrayList<>();
      for (JsonNode finding : node.path("findings")) {
        findings.add(finding(finding));
      }
      List<Suppressed> suppressed = new ArrayList<>();
      for (JsonNode waived : node.path("suppressed")) {
        suppressed.add(
            new Suppressed(
                finding(waived),
                waived.path("reason").asText(),
                waived.path("exemption").asText()));
      }
      resources.add(
          new CheckedResource(
              Resource.of(
                  node.path("arn").asText(),
                  node.path("accountId").asText(""),
                  node.path("region").asText(""),
                  node.path("resourceType").asText(),
                  Objects.requireNonNull(Source.fromSlug(node.path("source").asText())),
                  tags(node.path("tags"))),
              findings,
              !node.path("tagsKnown").isBoolean() || node.path("tagsKnown").asBoolean(),
              suppressed));
    }
    List<ScanError> errors = new ArrayList<>();
    for (JsonNode error : root.path("errors")) {
      errors.add(
          new ScanError(
              error.path("accountId").asText(""),
              error.path("region").asText(""),
              error.path("operation").asText(),
              error.path("code").asText(""),
              error.path("message").asText("")));
    }
    return new GoldenInput(
        failOn,
        options.path("tableLimit").asInt(10),
        dictionary,
        info,
        accounts,
        resources,
        errors);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<SageMakerCoverage> sagemaker(JsonNode array) {
    List<SageMakerCoverage> coverage = new ArrayList<>();
    for (JsonNode node : array) {
      coverage.add(
          new SageMakerCoverage(
              node.path("accountId").asText(),
              node.path("region").asText(),
              node.path("taggingApi").asInt(),
              node.path("listing").asInt(),
              node.path("listingOnly").asInt()));
    }
    return coverage;
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(item -> list.add(item.asText()));
    return list;
  }

  private static Map<String, String> tags(JsonNode object) {
    Map<String, String> tags = new TreeMap<>();
    object.fields().forEachRemaining(field -> tags.put(field.getKey(), field.getValue().asText()));
    return tags;
  }
}
