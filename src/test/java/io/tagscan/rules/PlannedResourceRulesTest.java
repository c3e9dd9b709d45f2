package io.tagscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.dictionary.Exemption;
import io.tagscan.dictionary.ExemptionsLoader;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.PlannedResource;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import io.tagscan.model.SourceLocation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resources of plans and templates are judged by a scan's rules, with what apply will tell. */
class PlannedResourceRulesTest {

  private static final Dictionary DICTIONARY =
      DictionaryLoader.parse(
          "d.yaml",
          """
          version: 1
          prefix: anycompany
          tags:
            - key: anycompany:workload:environment
              mandatory: true
              values: { allowed: [dev, production] }
            - key: anycompany:security:data-classification
              mandatory: true
              applies-to: ["s3:bucket"]
          """);
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  private static PlannedResource planned(
      String type, Map<String, String> tags, Set<String> unknown, boolean more) {
    return new PlannedResource(
        Resource.of("module.a.aws_x.b", "", "", type, Source.TERRAFORM_PLAN, tags),
        "aws_x",
        true,
        unknown,
        more,
        new SourceLocation("plan.json", 1, 2));
  }

  private static List<Finding> findings(List<Exemption> exemptions, PlannedResource resource) {
    return new RuleEngine(DICTIONARY, exemptions, TODAY).judgePlanned(resource).findings();
  }

  @Test
  void neverJudgesOrMissesAValueKnownOnlyAfterApply() {
    PlannedResource bucket =
        planned(
            "s3:bucket",
            Map.of(
                "anycompany:workload:environment",
                "",
                "anycompany:security:data-classification",
                "x"),
            Set.of("anycompany:workload:environment"),
            false);

    assertThat(findings(List.of(), bucket))
        .extracting(Finding::rule, Finding::severity, Finding::key)
        .containsExactly(
            tuple(RuleId.UNKNOWN_UNTIL_APPLY, Severity.INFO, "anycompany:workload:environment"));
  }

  @Test
  void appliesScopesByTheMappedTypeAndReportsMissingKeysWhenTheTagsAreKnown() {
    assertThat(findings(List.of(), planned("s3:bucket", Map.of(), Set.of(), false)))
        .extracting(Finding::rule, Finding::key)
        .containsExactly(
            tuple(RuleId.MISSING_MANDATORY_TAG, "anycompany:security:data-classification"),
            tuple(RuleId.MISSING_MANDATORY_TAG, "anycompany:workload:environment"));
    assertThat(findings(List.of(), planned("unknown", Map.of(), Set.of(), false)))
        .extracting(Finding::key)
        .containsExactly("anycompany:workload:environment");
  }

  @Test
  void takesAbsentKeysForUnknownWhenApplyMayAddTags() {
    assertThat(findings(List.of(), planned("s3:bucket", Map.of(), Set.of(), true)))
        .extracting(Finding::rule)
        .containsOnly(RuleId.UNKNOWN_UNTIL_APPLY)
        .hasSize(2);
  }

  @Test
  void runsNoRuleThatNeedsLiveAws() {
    // No tag at all: a SageMaker listing would add untagged-resource; a plan does not.
    assertThat(findings(List.of(), planned("sagemaker:endpoint", Map.of(), Set.of(), false)))
        .extracting(Finding::rule)
        .containsOnly(RuleId.MISSING_MANDATORY_TAG);
  }

  @Test
  void waivesByAddressGlobsAndNeverByArnGlobs() {
    List<Exemption> byAddress =
        ExemptionsLoader.parse(
            "e.yaml",
            "version: 1\nexemptions:\n  - addresses: [\"module.a.*\"]\n    reason: legacy\n"
                + "    expires: 2027-01-01\n");
    List<Exemption> byArn =
        ExemptionsLoader.parse(
            "e.yaml",
            "version: 1\nexemptions:\n  - arns: [\"*\"]\n    reason: legacy\n"
                + "    expires: 2027-01-01\n");
    PlannedResource bucket = planned("s3:bucket", Map.of(), Set.of(), false);

    CheckedResource waived = new RuleEngine(DICTIONARY, byAddress, TODAY).judgePlanned(bucket);
    assertThat(waived.findings()).isEmpty();
    assertThat(waived.waived()).isEqualTo(2);
    assertThat(findings(byArn, bucket)).hasSize(2);
  }
}
