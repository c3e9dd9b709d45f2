package io.tagscan.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExemptionsLoaderTest {

  @TempDir Path dir;

  private static List<String> problems(String yaml) {
    InputException e =
        catchThrowableOfType(InputException.class, () -> ExemptionsLoader.parse("x.yaml", yaml));
    assertThat(e).as("problems expected in:%n%s", yaml).isNotNull();
    return e.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void loadsEachExemptionWithItsFileAndLine() throws IOException {
    Path file = dir.resolve("exemptions.yaml");
    Files.writeString(
        file,
        """
        version: 1
        exemptions:
          - arns: ["arn:aws:s3:::legacy-*"]
            rules: [missing-mandatory-tag]
            keys: [anycompany:finance:cost-center]
            reason: "Legacy bucket, migrating in Q1"
            expires: 2027-03-31
          - arns: ["arn:aws:sagemaker:*:111122223333:app/*"]
            reason: Sandbox
            expires: "2026-12-31"
        """);

    List<Exemption> exemptions = ExemptionsLoader.load(file);

    assertThat(exemptions).hasSize(2);
    Exemption legacy = exemptions.get(0);
    assertThat(legacy.arns()).extracting(Glob::pattern).containsExactly("arn:aws:s3:::legacy-*");
    assertThat(legacy.rules()).containsExactly(RuleId.MISSING_MANDATORY_TAG);
    assertThat(legacy.keys()).containsExactly("anycompany:finance:cost-center");
    assertThat(legacy.reason()).isEqualTo("Legacy bucket, migrating in Q1");
    assertThat(legacy.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(legacy.file()).isEqualTo(file.toString());
    assertThat(legacy.line()).isEqualTo(3);
    assertThat(
            legacy.covers(
                "arn:aws:s3:::legacy-logs",
                RuleId.MISSING_MANDATORY_TAG,
                "anycompany:finance:cost-center"))
        .isTrue();
    Exemption sandbox = exemptions.get(1);
    assertThat(sandbox.rules()).isEmpty();
    assertThat(sandbox.keys()).isEmpty();
    assertThat(sandbox.expires()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(sandbox.line()).isEqualTo(8);
  }

  @Test
  void acceptsAnEmptyListOfExemptions() {
    assertThat(ExemptionsLoader.parse("x.yaml", "version: 1\nexemptions: []\n")).isEmpty();
  }

  @Test
  void reportsUnknownRulesAndBadDatesAtTheirPositions() {
    assertThat(
            problems(
                """
                version: 1
                exemptions:
                  - arns: ["arn:aws:s3:::legacy-*"]
                    rules: [missing-mandatory-tags, no-such-rule]
                    reason: Legacy
                    expires: 2027-02-30
                  - arns: ["arn:aws:s3:::other"]
                    reason: Other
                    expires: 31/03/2027
                """))
        .containsExactly(
            "x.yaml:4:13: error: exemption #1: rules: unknown rule 'missing-mandatory-tags'; did"
                + " you mean 'missing-mandatory-tag'?",
            "x.yaml:4:37: error: exemption #1: rules: unknown rule 'no-such-rule'; expected one"
                + " of: missing-mandatory-tag, key-case-mismatch, key-alias, value-not-allowed,"
                + " value-pattern-mismatch, value-case-mismatch, empty-value, key-convention,"
                + " undeclared-key, pii-in-tag, tag-limit, account-missing-tag,"
                + " sagemaker-tag-not-propagated, untagged-resource, exemption-expired,"
                + " cost-allocation-tag-inactive, cost-allocation-tag-unused, tag-policy-missing,"
                + " tag-policy-missing-required-key, tag-policy-key-case, tag-policy-values-differ,"
                + " tag-policy-unknown-key, tag-policy-validation-error,"
                + " unknown-until-apply",
            "x.yaml:6:14: error: exemption #1: expires: '2027-02-30' is not a real date",
            "x.yaml:9:14: error: exemption #2: expires: expected a date such as 2027-03-31"
                + " (YYYY-MM-DD), got '31/03/2027'");
  }

  @Test
  void reportsMissingAndBlankRequiredFields() {
    assertThat(
            problems(
                """
                version: 1
                exemptions:
                  - rules: [tag-limit]
                  - arns: []
                    reason: "  "
                    expires: 2027-01-01
                """))
        .containsExactly(
            "x.yaml:3:5: error: exemption #1: missing required field 'arns'",
            "x.yaml:3:5: error: exemption #1: missing required field 'reason'",
            "x.yaml:3:5: error: exemption #1: missing required field 'expires'",
            "x.yaml:4:11: error: exemption #2: arns: expected at least one value",
            "x.yaml:5:13: error: exemption #2: reason: must say why the exemption is granted");
  }

  @Test
  void reportsArnGlobsThatCanNeverMatch() {
    assertThat(
            problems(
                """
                version: 1
                exemptions:
                  - arns: ["legacy-*", "*:s3:::legacy-*", "ar?:aws:s3:::x"]
                    reason: Legacy
                    expires: 2027-01-01
                """))
        .containsExactly(
            "x.yaml:3:12: error: exemption #1: arns: 'legacy-*' can never match: ARNs start with"
                + " 'arn:' (for example 'arn:aws:s3:::legacy-*')");
  }

  @Test
  void suggestsFieldsAndChecksKeys() {
    assertThat(
            problems(
                """
                version: 1
                exemptions:
                  - arns: ["arn:aws:s3:::x"]
                    reason: Legacy
                    expires: 2027-01-01
                    key: [Cost$Center]
                """))
        .containsExactly(
            "x.yaml:6:5: error: exemption #1: unknown field 'key'; did you mean 'keys'?");
    assertThat(
            problems(
                """
                version: 1
                exemptions:
                  - arns: ["arn:aws:s3:::x"]
                    reason: Legacy
                    expires: 2027-01-01
                    keys: [Cost$Center]
                """))
        .containsExactly(
            "x.yaml:6:12: error: exemption #1: keys: 'Cost$Center' has the character '$', which AWS"
                + " does not allow in tag keys (letters, digits, spaces and _ . : / = + - @ are"
                + " allowed)");
  }

  @Test
  void isAsSafeAsTheDictionaryLoader() {
    assertThat(
            problems(
                """
                version: 2
                exemptions: !!java.util.ArrayList []
                """))
        .containsExactly(
            "x.yaml:1:10: error: version: unsupported version '2'; this tagscan reads version 1",
            "x.yaml:2:13: error: the tag '!!java.util.ArrayList' is not allowed; only plain YAML"
                + " values are (text, numbers, true or false, null, lists and mappings)");
    assertThat(problems("version: 1\nexemptions: [\n"))
        .containsExactly(
            "x.yaml:3:1: error: invalid YAML: expected a value, but found the end of the file");
  }

  @Test
  void reportsAMissingFileWithoutAPosition() {
    Path file = dir.resolve("none.yaml");

    assertThat(ExemptionsLoader.lint(file))
        .containsExactly(Diagnostic.ofFile(file.toString(), "no such file"));
  }
}
