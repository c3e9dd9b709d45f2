package io.tagscan.report;

import io.tagscan.dictionary.Conventions;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Glob;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders shared by the report tests. */
final class Fixtures {

  static final String OWNER = "anycompany:finance:owner";
  static final String ENVIRONMENT = "anycompany:workload:environment";
  static final String CLASSIFICATION = "anycompany:security:data-classification";
  static final String NAME = "anycompany:workload:name";

  private Fixtures() {}

  static TagSpec spec(String key, boolean mandatory, boolean costAllocation, String... appliesTo) {
    return new TagSpec(
        key,
        "",
        "",
        costAllocation,
        mandatory,
        null,
        List.of(),
        Arrays.stream(appliesTo).map(Glob::of).toList(),
        0,
        0);
  }

  /** Owner (mandatory, cost), environment (mandatory), classification (S3 only), name (neither). */
  static Dictionary dictionary() {
    return dictionary(
        List.of(
            spec(OWNER, true, true),
            spec(ENVIRONMENT, true, false),
            spec(CLASSIFICATION, true, false, "s3:bucket", "sagemaker"),
            spec(NAME, false, false)),
        List.of(OWNER));
  }

  static Dictionary dictionary(List<TagSpec> tags, List<String> accountMandatory) {
    return new Dictionary(
        1,
        "anycompany",
        Conventions.DEFAULT,
        tags,
        accountMandatory,
        List.of(),
        Dictionary.defaultSeverities(),
        "tag-dictionary.yaml",
        "");
  }

  static Resource resource(String accountId, String region, String arn, Map<String, String> tags) {
    return Resource.of(arn, accountId, region, "ec2:instance", Source.TAGGING_API, tags);
  }

  static CheckedResource checked(
      String accountId, String region, String id, Map<String, String> tags, Finding... findings) {
    String arn = "arn:aws:ec2:" + region + ":" + accountId + ":instance/" + id;
    return new CheckedResource(resource(accountId, region, arn, tags), List.of(findings));
  }

  static Finding finding(RuleId rule, Severity severity, String key) {
    return new Finding(
        rule, severity, key, null, null, "add the tag " + key, rule.slug() + " on " + key);
  }

  static ScanInfo scanInfo(boolean complete) {
    return new ScanInfo(
        Instant.parse("2025-01-02T03:04:05Z"),
        Instant.parse("2025-01-02T03:09:05Z"),
        complete,
        "tag-dictionary.yaml",
        "",
        List.of("tagging-api"),
        List.of("eu-west-1", "us-east-1"),
        2,
        complete ? 2 : 1,
        complete ? 0 : 1);
  }

  static ReportOptions options(Path dir, ReportFormat... formats) {
    return new ReportOptions(Set.of(formats), dir, CsvLayout.FINDINGS, Severity.ERROR, 10, false);
  }

  static ReportPipeline.Tuning tuning(int runEntries, int fanIn) {
    return new ReportPipeline.Tuning(runEntries, Long.MAX_VALUE, fanIn, "0.0.0-test");
  }
}
