package io.tagscan.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionaryLoaderTest {

  private static final String VALID =
      """
      version: 1
      tags:
        - key: team
      """;

  @TempDir Path dir;

  /** The formatted problems of a dictionary given as text, named {@code d.yaml}. */
  private static List<String> problems(String yaml) {
    InputException e =
        catchThrowableOfType(InputException.class, () -> DictionaryLoader.parse("d.yaml", yaml));
    assertThat(e).as("problems expected in:%n%s", yaml).isNotNull();
    return e.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void reportsASyntaxErrorAtTheParsersMark() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: team
                   mandatory: true
                """))
        .containsExactly(
            "d.yaml:4:4: error: invalid YAML: expected the end of the indented block, but found a"
                + " mapping; check the indentation (in the block that starts at line 3, column 3)");
  }

  @Test
  void reportsAnUnclosedListWhereItStarts() {
    assertThat(problems("version: 1\ntags: [a, b\n"))
        .containsExactly(
            "d.yaml:3:1: error: invalid YAML: expected ',' or ']', but got the end of the file (in"
                + " the list '[' that starts at line 2, column 7)");
  }

  @Test
  void explainsTabsUsedForIndentation() {
    assertThat(problems("version: 1\ntags:\n\t- key: a\n"))
        .containsExactly("d.yaml:3:1: error: invalid YAML: a tab cannot indent YAML; use spaces");
  }

  @Test
  void rejectsASecondDocument() {
    assertThat(problems("version: 1\n---\ntags: []\n"))
        .containsExactly(
            "d.yaml:2:1: error: invalid YAML: a second document starts here; the file must hold"
                + " one document");
  }

  @Test
  void reportsMappingKeysGivenTwiceWithTheirPosition() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: team
                    purpose: one
                    purpose: two
                version: 1
                """))
        .containsExactly(
            "d.yaml:5:5: error: 'purpose' is given twice in this mapping (first at line 4)",
            "d.yaml:6:1: error: 'version' is given twice in this mapping (first at line 1)");
  }

  @Test
  void suggestsTheClosestFieldForAnUnknownField() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: CostCenter
                    cost-alocation: true
                """))
        .containsExactly(
            "d.yaml:4:5: error: tag 'CostCenter': unknown field 'cost-alocation'; did you mean"
                + " 'cost-allocation'?");
  }

  @Test
  void listsTheKnownFieldsWhenNoneIsClose() {
    assertThat(
            problems(
                """
                version: 1
                owner: me
                tags:
                  - key: team
                """))
        .containsExactly(
            "d.yaml:2:1: error: unknown field 'owner'; expected one of: version, prefix,"
                + " conventions, rules, tags, accounts, sagemaker");
  }

  @Test
  void suggestsFieldsAtEveryLevel() {
    assertThat(
            problems(
                """
                version: 1
                conventions:
                  key_case: lower
                tags:
                  - key: team
                    values:
                      alowed: [a]
                accounts:
                  mandatory_tags: [team]
                """))
        .containsExactly(
            "d.yaml:3:3: error: conventions: unknown field 'key_case'; did you mean 'key-case'?",
            "d.yaml:7:7: error: tag 'team': values: unknown field 'alowed'; did you mean"
                + " 'allowed'?",
            "d.yaml:9:3: error: accounts: unknown field 'mandatory_tags'; did you mean"
                + " 'mandatory'?");
  }

  @Test
  void doesNotAlsoReportAsMissingAFieldItSuggestedForAMisspelling() {
    assertThat(
            problems(
                """
                version: 1
                tag:
                  - key: team
                """))
        .containsExactly("d.yaml:2:1: error: unknown field 'tag'; did you mean 'tags'?");
  }

  @Test
  void requiresAllowedValuesOrAPatternInValues() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: team
                    values:
                      example: core
                """))
        .containsExactly(
            "d.yaml:5:7: error: tag 'team': values: give 'allowed', 'pattern' or both");
  }

  @Test
  void namesTheExpectedTypeWhenAValueHasTheWrongType() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: team
                    mandatory: Y
                    cost-allocation: "true"
                    aliases: Team
                    applies-to: [s3, [ec2]]
                    values: [a, b]
                """))
        .containsExactly(
            "d.yaml:4:16: error: tag 'team': mandatory: expected true or false, got 'Y'",
            "d.yaml:5:22: error: tag 'team': cost-allocation: expected true or false, got 'true'"
                + " in quotes",
            "d.yaml:6:14: error: tag 'team': aliases: expected a list of strings, got 'Team'",
            "d.yaml:7:22: error: tag 'team': applies-to: expected a list of strings, but item 2"
                + " is a list",
            "d.yaml:8:13: error: tag 'team': values: expected a mapping, got a list");
  }

  @Test
  void readsYesAndNoAsTextAsTheYaml12CoreSchemaDoes() {
    Dictionary dictionary =
        DictionaryLoader.parse(
            "d.yaml",
            """
            version: 1
            tags:
              - key: backup
                values: {allowed: [yes, no, on, off]}
            """);

    assertThat(dictionary.tag("backup").values().allowed())
        .containsExactly("yes", "no", "on", "off");
  }

  @Test
  void reportsABadPatternAtThePatternsOwnPosition() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: cost-center
                    values:
                      pattern: '^(\\d{4}$'
                  - key: team
                    values: {pattern: '(?=x)y'}
                """))
        .containsExactly(
            "d.yaml:5:16: error: tag 'cost-center': values.pattern: '^(\\d{4}$' is not a valid RE2"
                + " pattern: missing closing )",
            "d.yaml:7:23: error: tag 'team': values.pattern: '(?=x)y' is not a valid RE2 pattern:"
                + " invalid or unsupported Perl syntax at '(?='");
  }

  @Test
  void compilesPatternsAndCarriesAllowedValuesAlongside() {
    Dictionary dictionary =
        DictionaryLoader.parse(
            "d.yaml",
            """
            version: 1
            tags:
              - key: cost-center
                values:
                  allowed: [shared]
                  pattern: '^([A-Za-z]+-)?[0-9]{4}$'
                  example: HR-2045
            """);

    ValueRule values = dictionary.tag("cost-center").values();
    assertThat(values.allowed()).containsExactly("shared");
    assertThat(values.patternSource()).isEqualTo("^([A-Za-z]+-)?[0-9]{4}$");
    assertThat(values.matchesPattern("Sales-5045")).isTrue();
    assertThat(values.matchesPattern("shared")).isFalse();
    assertThat(values.example()).isEqualTo("HR-2045");
  }

  @Test
  void reportsAnExampleTheRulesWouldReject() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: env
                    values: {allowed: [dev, prod], example: production}
                  - key: cost-center
                    values: {pattern: '^[0-9]{4}$', example: "50-45"}
                """))
        .containsExactly(
            "d.yaml:4:45: error: tag 'env': values.example: 'production' is not one of the allowed"
                + " values",
            "d.yaml:6:46: error: tag 'cost-center': values.example: '50-45' does not match the"
                + " pattern");
  }

  @Test
  void rejectsJavaAndLocalTagsWithoutConstructingAnything() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: !!java.io.File /etc/passwd
                  - !!javax.script.ScriptEngineManager [key]
                  - key: team
                    purpose: !secret hidden
                """))
        .containsExactly(
            "d.yaml:3:10: error: the tag '!!java.io.File' is not allowed; only plain YAML values"
                + " are (text, numbers, true or false, null, lists and mappings)",
            "d.yaml:4:5: error: the tag '!!javax.script.ScriptEngineManager' is not allowed; only"
                + " plain YAML values are (text, numbers, true or false, null, lists and"
                + " mappings)",
            "d.yaml:6:14: error: the tag '!secret' is not allowed; only plain YAML values are"
                + " (text, numbers, true or false, null, lists and mappings)");
  }

  @Test
  void rejectsTagsOnMappingKeysAndNonScalarKeys() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - !!java.lang.String key: team
                    ? [purpose]
                    : x
                  - key: other
                """))
        .containsExactly(
            "d.yaml:3:5: error: the tag '!!java.lang.String' is not allowed; only plain YAML"
                + " values are (text, numbers, true or false, null, lists and mappings)",
            "d.yaml:3:5: error: tag #1: missing required field 'key'",
            "d.yaml:4:7: error: a mapping key must be a plain value, not a list or a mapping");
  }

  @Test
  void acceptsExplicitCoreTags() {
    Dictionary dictionary =
        DictionaryLoader.parse(
            "d.yaml",
            """
            version: !!int 1
            tags:
              - key: !!str 2024
                mandatory: !!bool true
            """);

    assertThat(dictionary.tag("2024").mandatory()).isTrue();
  }

  @Test
  void rejectsAnAliasBombAtTheAliasOverTheLimit() {
    StringBuilder yaml = new StringBuilder("version: 1\nbase: &l0 [x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 30; level++) {
      yaml.append("l")
          .append(level)
          .append(": &l")
          .append(level)
          .append(" [*l")
          .append(level - 1)
          .append(", *l")
          .append(level - 1)
          .append("]\n");
    }
    yaml.append("tags: [{key: team}]\n");

    // Level 26 (line 28) holds the 51st and 52nd aliases; the 51st starts at column 12.
    assertThat(problems(yaml.toString()))
        .containsExactly(
            "d.yaml:28:12: error: more than 50 aliases to lists or mappings; write the document"
                + " out plainly");
  }

  @Test
  void rejectsADocumentThatAFewAliasesBlowUp() {
    StringBuilder yaml = new StringBuilder("version: 1\nbase: &l0 [x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 20; level++) {
      yaml.append("l%d: &l%d [*l%d, *l%d]\n".formatted(level, level, level - 1, level - 1));
    }
    yaml.append("tags: [{key: team}]\n");

    assertThat(problems(yaml.toString()))
        .containsExactly(
            "d.yaml: error: the document has more than 100000 values once its aliases are"
                + " expanded; write it out plainly");
  }

  @Test
  void rejectsAFileOverOneMebibyteBeforeParsingIt() throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, VALID + "#".repeat(1024 * 1024));

    InputException e =
        catchThrowableOfType(InputException.class, () -> DictionaryLoader.load(file));

    assertThat(e.diagnostics())
        .containsExactly(
            Diagnostic.ofFile(
                file.toString(),
                "file is larger than 1 MiB (" + (VALID.length() + 1024 * 1024) + " bytes)"));
  }

  @Test
  void reportsMissingRequiredFields() {
    assertThat(
            problems(
                """
                prefix: anycompany
                tags:
                  - purpose: no key here
                """))
        .containsExactly(
            "d.yaml:1:1: error: missing required field 'version'",
            "d.yaml:3:5: error: tag #1: missing required field 'key'");
    assertThat(problems("version: 1\n"))
        .containsExactly("d.yaml:1:1: error: missing required field 'tags'");
    assertThat(problems("version: 1\ntags: []\n"))
        .containsExactly("d.yaml:2:7: error: tags: expected at least one tag");
  }

  @Test
  void reportsAnEmptyFile() {
    assertThat(problems("# nothing yet\n"))
        .containsExactly(
            "d.yaml: error: the file is empty; a dictionary needs at least 'version' and 'tags'");
  }

  @Test
  void reportsUnknownRulesWithTheClosestSlug() {
    assertThat(
            problems(
                """
                version: 1
                rules:
                  value-case-mismach: warning
                  missing-tag: error
                  key-alias: loud
                tags:
                  - key: team
                """))
        .containsExactly(
            "d.yaml:3:3: error: rules: unknown rule 'value-case-mismach'; did you mean"
                + " 'value-case-mismatch'?",
            "d.yaml:4:3: error: rules: unknown rule 'missing-tag'; expected one of:"
                + " missing-mandatory-tag, key-case-mismatch, key-alias, value-not-allowed,"
                + " value-pattern-mismatch, value-case-mismatch, empty-value, key-convention,"
                + " undeclared-key, pii-in-tag, tag-limit, account-missing-tag,"
                + " sagemaker-tag-not-propagated, untagged-resource, exemption-expired,"
                + " cost-allocation-tag-inactive, cost-allocation-tag-unused, tag-policy-missing,"
                + " tag-policy-missing-required-key, tag-policy-key-case, tag-policy-values-differ,"
                + " tag-policy-unknown-key, tag-policy-validation-error,"
                + " unknown-until-apply",
            "d.yaml:5:14: error: rules.key-alias: expected one of error, warning, info, off, got"
                + " 'loud'");
  }

  @Test
  void reportsARuleSetBothByAConventionShorthandAndByRules() {
    assertThat(
            problems(
                """
                version: 1
                conventions:
                  undeclared-keys: warn
                  pii-in-values: error
                rules:
                  pii-in-tag: warning
                tags:
                  - key: team
                """))
        .containsExactly(
            "d.yaml:3:20: error: conventions.undeclared-keys: expected one of allow, info,"
                + " warning, error, got 'warn'; did you mean 'warning'?",
            "d.yaml:6:3: error: rules: 'pii-in-tag' is also set by conventions.pii-in-values (line"
                + " 4); set it in one place");
  }

  @Test
  void buildsSeveritiesFromDefaultsThenShorthandsThenRules() {
    Dictionary dictionary =
        DictionaryLoader.parse(
            "d.yaml",
            """
            version: 1
            conventions:
              undeclared-keys: allow
              pii-in-values: warning
            rules:
              value-case-mismatch: warning
              untagged-resource: off
              key-convention: error
            tags:
              - key: team
            """);

    Map<RuleId, Severity> expected = Dictionary.defaultSeverities();
    expected.remove(RuleId.UNDECLARED_KEY);
    expected.put(RuleId.PII_IN_TAG, Severity.WARNING);
    expected.put(RuleId.VALUE_CASE_MISMATCH, Severity.WARNING);
    expected.remove(RuleId.UNTAGGED_RESOURCE);
    expected.put(RuleId.KEY_CONVENTION, Severity.ERROR);
    assertThat(dictionary.severities()).isEqualTo(expected);
    assertThat(dictionary.severity(RuleId.UNDECLARED_KEY)).isNull();
  }

  @Test
  void defaultsConventionsAndSeveritiesWhenNotGiven() {
    Dictionary dictionary = DictionaryLoader.parse("d.yaml", VALID);

    assertThat(dictionary.conventions()).isEqualTo(Conventions.DEFAULT);
    assertThat(dictionary.severities()).isEqualTo(Dictionary.defaultSeverities());
    assertThat(dictionary.prefix()).isEmpty();
    assertThat(dictionary.tag("team").mandatory()).isFalse();
    assertThat(dictionary.tag("team").costAllocation()).isFalse();
    assertThat(dictionary.tag("team").values()).isNull();
  }

  @Test
  void reportsDuplicateKeysAndKeysEqualIgnoringCase() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: CostCenter
                  - key: costcenter
                  - key: CostCenter
                """))
        .containsExactly(
            "d.yaml:4:10: error: tag 'costcenter': differs from 'CostCenter' (line 3) only in"
                + " letter case; AWS would keep both as separate keys",
            "d.yaml:5:10: error: tag 'CostCenter': declared twice (first at line 3)");
  }

  @Test
  void reportsAliasesThatClashWithKeysOrOtherAliases() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: anycompany:workload:environment
                    aliases: [Environment, env, env]
                  - key: env
                  - key: stage
                    aliases: [Environment, stage]
                """))
        .containsExactly(
            "d.yaml:4:28: error: tag 'anycompany:workload:environment': aliases: 'env' is a"
                + " declared key (line 5); an alias cannot also be a key",
            "d.yaml:4:33: error: tag 'anycompany:workload:environment': aliases: 'env' is listed"
                + " twice (first at column 28)",
            "d.yaml:7:15: error: tag 'stage': aliases: 'Environment' is already an alias of"
                + " 'anycompany:workload:environment' (line 3)",
            "d.yaml:7:28: error: tag 'stage': aliases: 'stage' is the key itself");
  }

  @Test
  void rejectsKeysAwsWouldRefuse() {
    String longKey = "k".repeat(129);
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: "cost center$"
                  - key: %s
                  - key: aws:cloudformation:stack-name
                  - key: ok
                    aliases: ["Cost#Center"]
                """
                    .formatted(longKey)))
        .containsExactly(
            "d.yaml:3:10: error: tag 'cost center$': key has the character '$', which AWS does"
                + " not allow in tag keys (letters, digits, spaces and _ . : / = + - @ are"
                + " allowed)",
            "d.yaml:4:10: error: tag '"
                + "k".repeat(100)
                + "...': key is 129 characters long; AWS allows at most 128",
            "d.yaml:5:10: error: tag 'aws:cloudformation:stack-name': key starts with the reserved"
                + " prefix 'aws:'; such keys are never judged, so it cannot be declared",
            "d.yaml:7:15: error: tag 'ok': aliases: 'Cost#Center' has the character '#', which"
                + " AWS does not allow in tag keys (letters, digits, spaces and _ . : / = + - @"
                + " are allowed)");
  }

  @Test
  void acceptsKeysOfExactly128CharactersInAnyScript() {
    String key = "é".repeat(128);
    Dictionary dictionary =
        DictionaryLoader.parse("d.yaml", "version: 1\ntags:\n  - key: " + key + "\n");

    assertThat(dictionary.tag(key)).isNotNull();
  }

  @Test
  void printsControlCharactersInUserTextEscaped() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: "team\\e[31m\\u202e"
                    colour: red
                """))
        .containsExactly(
            "d.yaml:3:10: error: tag 'team\\u001B[31m\\u202E': key has the character '\\u001B',"
                + " which AWS does not allow in tag keys (letters, digits, spaces and _ . : / = +"
                + " - @ are allowed)",
            "d.yaml:4:5: error: tag 'team\\u001B[31m\\u202E': unknown field 'colour'; expected one"
                + " of: key, type, purpose, cost-allocation, mandatory, values, aliases,"
                + " applies-to, default");
  }

  @Test
  void rejectsAnUnknownVersion() {
    assertThat(problems("version: 2\ntags: [{key: team}]\n"))
        .containsExactly(
            "d.yaml:1:10: error: version: unsupported version '2'; this tagscan reads version 1");
    assertThat(problems("version: one\ntags: [{key: team}]\n"))
        .containsExactly("d.yaml:1:10: error: version: expected 1, got 'one'");
    assertThat(problems("version: \"1\"\ntags: [{key: team}]\n"))
        .containsExactly("d.yaml:1:10: error: version: expected 1, got '1' in quotes");
  }

  @Test
  void requiresAccountAndSageMakerKeysToBeDeclared() {
    assertThat(
            problems(
                """
                version: 1
                tags:
                  - key: anycompany:finance:owner
                accounts:
                  mandatory: [anycompany:finance:onwer, anycompany:finance:owner]
                sagemaker:
                  propagate: [project]
                """))
        .containsExactly(
            "d.yaml:5:15: error: accounts.mandatory: 'anycompany:finance:onwer' is not a declared"
                + " key; did you mean 'anycompany:finance:owner'?",
            "d.yaml:7:15: error: sagemaker.propagate: 'project' is not a declared key; declare it"
                + " in tags");
  }

  @Test
  void reportsAMissingFile() {
    Path file = dir.resolve("missing.yaml");

    assertThat(DictionaryLoader.lint(file))
        .containsExactly(Diagnostic.ofFile(file.toString(), "no such file"));
  }

  @Test
  void reportsADirectoryAndAFileThatIsNotUtf8() throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(
        latin1, "version: 1\ntags: [{key: caf\u00e9}]\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(DictionaryLoader.lint(dir))
        .containsExactly(Diagnostic.ofFile(dir.toString(), "this is a directory, not a file"));
    assertThat(DictionaryLoader.lint(latin1))
        .containsExactly(
            Diagnostic.ofFile(
                latin1.toString(), "file is not UTF-8 text (invalid byte at offset 27)"));
  }

  @Test
  void reportsEveryProblemAtOnceInFileOrder() {
    List<String> found =
        problems(
            """
            version: 3
            conventions:
              key-case: camel
            tags:
              - key: team
                mandatory: yes
              - key: team
                values: {pattern: '['}
            """);

    assertThat(found)
        .containsExactly(
            "d.yaml:1:10: error: version: unsupported version '3'; this tagscan reads version 1",
            "d.yaml:3:13: error: conventions.key-case: expected one of lower, upper, any, got"
                + " 'camel'",
            "d.yaml:6:16: error: tag 'team': mandatory: expected true or false, got 'yes'",
            "d.yaml:7:10: error: tag 'team': declared twice (first at line 5)",
            "d.yaml:8:23: error: tag 'team': values.pattern: '[' is not a valid RE2 pattern:"
                + " missing closing ]");
  }

  @Test
  void lintReturnsNothingForASoundFile() throws IOException {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, VALID);

    assertThat(DictionaryLoader.lint(file)).isEmpty();
  }

  @Test
  void recordsThePathAsGivenAndTheSha256OfTheBytes() throws Exception {
    Path file = dir.resolve("tag-dictionary.yaml");
    Files.writeString(file, VALID);

    Dictionary dictionary = DictionaryLoader.load(file);

    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(VALID.getBytes(StandardCharsets.UTF_8)));
    assertThat(dictionary.path()).isEqualTo(file.toString());
    assertThat(dictionary.sha256()).isEqualTo(expected).hasSize(64);
  }

  @Test
  void readsEveryFieldOfATag() {
    Dictionary dictionary =
        DictionaryLoader.parse(
            "d.yaml",
            """
            version: 1
            prefix: acme
            conventions:
              key-case: any
              word-separator: "_"
              reserved-prefixes: ["aws:", "sagemaker:"]
            tags:
              - key: acme:data_class
                type: security
                purpose: How confidential the data is
                cost-allocation: false
                mandatory: true
                values:
                  allowed: [public, internal]
                aliases: [DataClass]
                applies-to: ["s3:bucket", "sagemaker:*"]
            accounts:
              mandatory: [acme:data_class]
            sagemaker:
              propagate: [acme:data_class]
            """);

    TagSpec tag = dictionary.tag("acme:data_class");
    assertThat(dictionary.prefix()).isEqualTo("acme");
    assertThat(dictionary.conventions())
        .isEqualTo(new Conventions(KeyCase.ANY, "_", List.of("aws:", "sagemaker:")));
    assertThat(tag.type()).isEqualTo("security");
    assertThat(tag.purpose()).isEqualTo("How confidential the data is");
    assertThat(tag.mandatory()).isTrue();
    assertThat(tag.costAllocation()).isFalse();
    assertThat(tag.values().allowed()).containsExactly("public", "internal");
    assertThat(tag.values().pattern()).isNull();
    assertThat(tag.aliases()).containsExactly("DataClass");
    assertThat(tag.appliesTo())
        .extracting(Glob::pattern)
        .containsExactly("s3:bucket", "sagemaker:*");
    assertThat(tag.appliesTo("sagemaker:endpoint")).isTrue();
    assertThat(tag.appliesTo("ec2:instance")).isFalse();
    assertThat(tag.line()).isEqualTo(8);
    assertThat(tag.column()).isEqualTo(5);
    assertThat(dictionary.accountMandatory()).containsExactly("acme:data_class");
    assertThat(dictionary.sagemakerPropagate()).containsExactly("acme:data_class");
  }

  @Test
  void placesEachKeyAtItsKeyFieldAndTheConventionsAtTheirField() {
    Dictionary dictionary =
        DictionaryLoader.parse(
            "d.yaml",
            """
            version: 1
            tags:
              - purpose: the key comes second
                key: owner
              - {mandatory: true, key: env}
            conventions:
              key-case: any
            """);

    assertThat(dictionary.tag("owner").mark()).isEqualTo(new Mark(4, 5));
    assertThat(dictionary.tag("env").mark()).isEqualTo(new Mark(5, 23));
    assertThat(dictionary.conventionsMark()).isEqualTo(new Mark(6, 1));
  }

  @Test
  void placesNoConventionsWhenTheFileLeavesThemToTheDefaults() {
    Dictionary dictionary = DictionaryLoader.parse("d.yaml", "version: 1\ntags:\n  - key: env\n");

    assertThat(dictionary.conventionsMark()).isEqualTo(Mark.NONE);
    assertThat(dictionary.tag("env").mark()).isEqualTo(new Mark(3, 5));
  }

  @Test
  void loadsTheRootDictionaryAsTheSeedArticlesTable() {
    Dictionary dictionary = DictionaryLoader.load(Path.of("tag-dictionary.yaml"));

    // key, type, cost allocation, mandatory: the "Tagging dictionary" table row for row.
    record Row(String key, String type, boolean costAllocation, boolean mandatory) {}
    List<Row> table =
        List.of(
            new Row("anycompany:workload:application-id", "workload", true, true),
            new Row("anycompany:workload:environment", "workload", true, true),
            new Row("anycompany:finance:owner", "financial", true, true),
            new Row("anycompany:finance:business-unit", "financial", true, true),
            new Row("anycompany:finance:cost-center", "financial", true, true),
            new Row("anycompany:security:data-classification", "security", false, true),
            new Row("anycompany:automation:encryption", "automation", false, false),
            new Row("anycompany:workload:name", "workload", false, false),
            new Row("anycompany:workload:cluster", "workload", false, false),
            new Row("anycompany:workload:version", "workload", false, false),
            new Row("anycompany:operations:backup", "operations", false, false),
            new Row("anycompany:regulatory:framework", "regulatory", false, false));
    assertThat(dictionary.tags())
        .extracting(t -> new Row(t.key(), t.type(), t.costAllocation(), t.mandatory()))
        .containsExactlyElementsOf(table);
    assertThat(dictionary.prefix()).isEqualTo("anycompany");
    assertThat(dictionary.tag("anycompany:finance:cost-center").purpose())
        .isEqualTo("Indicates cost allocation and tracking, for example 5045, Sales-5045, HR-2045");
    assertThat(dictionary.accountMandatory())
        .containsExactly("anycompany:finance:owner", "anycompany:finance:business-unit");
    assertThat(dictionary.sagemakerPropagate())
        .containsExactly("anycompany:workload:application-id", "anycompany:finance:cost-center");
  }

  @Test
  void theRootDictionarysValueRulesAcceptTheArticlesExamples() {
    Dictionary dictionary = DictionaryLoader.load(Path.of("tag-dictionary.yaml"));

    ValueRule costCenter = dictionary.tag("anycompany:finance:cost-center").values();
    assertThat(List.of("5045", "Sales-5045", "HR-2045")).allMatch(costCenter::matchesPattern);
    assertThat(List.of("50455", "Sales 5045", "-5045", "")).noneMatch(costCenter::matchesPattern);
    assertThat(dictionary.tag("anycompany:workload:environment").values().allowed())
        .containsExactly("dev", "test", "production");
    assertThat(dictionary.tag("anycompany:workload:environment").aliases())
        .contains("Environment", "env");
    assertThat(dictionary.tag("anycompany:automation:encryption").values().allowed())
        .containsExactly("yes", "no");
    assertThat(dictionary.tag("anycompany:operations:backup").values().allowed())
        .containsExactly("yes", "no");
    assertThat(dictionary.tag("anycompany:regulatory:framework").values().allowed())
        .containsExactly("NIST", "HIPAA", "GDPR");
    assertThat(dictionary.conventions()).isEqualTo(Conventions.DEFAULT);
    assertThat(dictionary.severities()).isEqualTo(Dictionary.defaultSeverities());
  }

  @Test
  void readsAKeysDefaultValueForFixPlans() {
    Dictionary dictionary =
        DictionaryLoader.parse(
            "d.yaml",
            "version: 1\ntags:\n  - key: env\n    values: { allowed: [dev, prod] }\n"
                + "    default: dev\n  - key: team\n");
    assertThat(dictionary.tag("env").defaultValue()).isEqualTo("dev");
    assertThat(dictionary.tag("team").defaultValue()).isNull();
  }

  @Test
  void rejectsADefaultTheKeyWouldNotAccept() {
    assertThat(
            problems(
                "version: 1\ntags:\n  - key: env\n    values: { allowed: [dev, prod] }\n"
                    + "    default: staging\n  - key: team\n    default: '  '\n"))
        .containsExactly(
            "d.yaml:5:14: error: tag 'env': default: 'staging' is not one of the allowed values",
            "d.yaml:7:14: error: tag 'team': default: '  ' is blank; a default must be a value the"
                + " key accepts");
  }
}
