package io.tagscan.controls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.model.Account;
import io.tagscan.model.AccountPolicy;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PolicyCheck}: the dictionary against an account's effective tag policy. */
class PolicyCheckTest {

  private static final Dictionary SMALL =
      DictionaryLoader.parse(
          "d.yaml",
          """
          version: 1
          tags:
            - key: cost-center
              mandatory: true
              applies-to: ["ec2:instance", "s3:bucket"]
              values: { allowed: ["100", "200"] }
            - key: project
              values: { pattern: '^[a-z]+$' }
            - key: environment
              values: { allowed: [dev, prod] }
          """);

  private static AccountPolicy policy(String content, List<AccountPolicy.RequiredTags> required) {
    return new AccountPolicy(
        Account.ofId("111111111111"), content, required, List.of("us-east-1"), List.of());
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(f -> f.rule().slug() + " " + f.key()).toList();
  }

  @Test
  void theDictionarysOwnExportedPolicyGivesNoFinding() throws Exception {
    Dictionary root = DictionaryLoader.load(Path.of("tag-dictionary.yaml"));
    ObjectNode tags = Json.object();
    for (ExportedFile file :
        ControlTarget.TAG_POLICY.export(root, ExportOptions.defaults()).files()) {
      JsonNode part = Json.mapper().readTree(file.text());
      part.get("tags").properties().forEach(e -> tags.set(e.getKey(), e.getValue()));
    }
    ObjectNode document = Json.object();
    document.set("tags", tags);
    List<String> mandatory = new ArrayList<>();
    root.tags().stream().filter(t -> t.mandatory()).forEach(t -> mandatory.add(t.key()));
    AccountPolicy exported =
        policy(
            Json.compact(document),
            List.of(new AccountPolicy.RequiredTags("us-east-1", "ec2:instance", mandatory)));

    assertThat(new PolicyCheck(root).check(exported)).isEmpty();
  }

  @Test
  void aServicesAllSupportedCoversItsTypesAndAMissingTypeIsNamed() {
    String content =
        """
        {"tags":{"cost-center":{"tag_key":"cost-center","tag_value":["100","200"],
          "report_required_tag_for":["ec2:ALL_SUPPORTED"]}}}
        """;
    List<Finding> findings =
        new PolicyCheck(SMALL)
            .check(
                policy(
                    content,
                    List.of(
                        new AccountPolicy.RequiredTags(
                            "us-east-1", "ec2:instance", List.of("cost-center")))));

    assertThat(rules(findings)).containsExactly("tag-policy-missing-required-key cost-center");
    assertThat(findings.get(0).message())
        .contains("does not require it for s3:bucket")
        .doesNotContain("ec2:instance");
    assertThat(findings.get(0).fix())
        .isEqualTo("add s3:bucket to report_required_tag_for of 'cost-center'");
  }

  @Test
  void aRegionWhereListRequiredTagsDoesNotReportTheKeyIsNamed() {
    String content =
        """
        {"tags":{"cost-center":{"tag_key":{"@@assign":"cost-center"},
          "tag_value":{"@@assign":["100","200"]},
          "report_required_tag_for":{"@@assign":["ec2:instance","s3:bucket"]}}}}
        """;
    List<Finding> findings = new PolicyCheck(SMALL).check(policy(content, List.of()));

    assertThat(rules(findings)).containsExactly("tag-policy-missing-required-key cost-center");
    assertThat(findings.get(0).message())
        .isEqualTo(
            "the dictionary makes 'cost-center' mandatory, but ListRequiredTags reports it for no"
                + " resource type in us-east-1");
  }

  @Test
  void unconstrainedValuesDifferFromAnAllowedListButAPatternIsNotCompared() {
    String content =
        """
        {"tags":{"environment":{"tag_key":"environment"},
          "project":{"tag_key":"project","tag_value":["a*"]}}}
        """;
    List<Finding> findings = new PolicyCheck(SMALL).check(policy(content, List.of()));

    assertThat(rules(findings))
        .containsExactly(
            "tag-policy-missing-required-key cost-center", "tag-policy-values-differ environment");
    assertThat(findings.get(1).message())
        .isEqualTo(
            "the tag policy leaves the value unconstrained; the dictionary allows only 'dev',"
                + " 'prod'");
    assertThat(findings.get(1).severity())
        .isEqualTo(RuleId.TAG_POLICY_VALUES_DIFFER.defaultSeverity());
  }

  @Test
  void noPolicyIsOneFindingNotOnePerKey() {
    List<Finding> findings = new PolicyCheck(SMALL).check(policy(null, List.of()));

    assertThat(rules(findings)).containsExactly("tag-policy-missing null");
  }

  @Test
  void theDictionaryChangesASeverity() {
    Dictionary lowered =
        DictionaryLoader.parse(
            "d.yaml",
            """
            version: 1
            rules:
              tag-policy-missing: info
            tags:
              - key: cost-center
            """);

    assertThat(new PolicyCheck(lowered).check(policy(null, List.of())))
        .extracting(Finding::severity)
        .containsExactly(io.tagscan.model.Severity.INFO);
  }

  @Test
  void aDocumentThatIsNotATagPolicyIsAValidationFinding() {
    List<Finding> findings = new PolicyCheck(SMALL).check(policy("[1]", List.of()));

    assertThat(rules(findings)).contains("tag-policy-validation-error null");
  }
}
