package io.tagscan.rules;

import static io.tagscan.rules.Fixtures.APP;
import static io.tagscan.rules.Fixtures.BUCKET_ARN;
import static io.tagscan.rules.Fixtures.CLASSIFICATION;
import static io.tagscan.rules.Fixtures.COST;
import static io.tagscan.rules.Fixtures.ENCRYPTION;
import static io.tagscan.rules.Fixtures.ENDPOINT_ARN;
import static io.tagscan.rules.Fixtures.ENV;
import static io.tagscan.rules.Fixtures.NAME;
import static io.tagscan.rules.Fixtures.OWNER;
import static io.tagscan.rules.Fixtures.TODAY;
import static io.tagscan.rules.Fixtures.UNIT;
import static io.tagscan.rules.Fixtures.compliantTags;
import static io.tagscan.rules.Fixtures.compliantWith;
import static io.tagscan.rules.Fixtures.compliantWithout;
import static io.tagscan.rules.Fixtures.ec2;
import static io.tagscan.rules.Fixtures.engine;
import static io.tagscan.rules.Fixtures.resource;
import static io.tagscan.rules.Fixtures.spec;
import static io.tagscan.rules.Fixtures.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.re2j.Pattern;
import io.tagscan.dictionary.Conventions;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Exemption;
import io.tagscan.dictionary.Glob;
import io.tagscan.dictionary.KeyCase;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.dictionary.ValueRule;
import io.tagscan.model.Account;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleEngineTest {

  private static List<Finding> check(Map<String, String> tags) {
    return engine().check(ec2(tags));
  }

  private static List<Finding> only(RuleId rule, List<Finding> findings) {
    return findings.stream().filter(finding -> finding.rule() == rule).toList();
  }

  private static Dictionary withSeverities(Map<RuleId, Severity> severities) {
    return Fixtures.dictionary(Fixtures.seedTags(), severities);
  }

  private static Map<RuleId, Severity> defaultsWith(RuleId rule, Severity severity) {
    Map<RuleId, Severity> severities = new java.util.EnumMap<>(Dictionary.defaultSeverities());
    if (severity == null) {
      severities.remove(rule);
    } else {
      severities.put(rule, severity);
    }
    return severities;
  }

  @Test
  void returnsNoFindingsForACompliantResource() {
    assertThat(check(compliantTags())).isEmpty();
  }

  @Test
  void acceptsOptionalKeysWithGoodValues() {
    assertThat(check(compliantWith(ENCRYPTION, "true", NAME, "churn-api"))).isEmpty();
  }

  @Nested
  class MissingMandatoryTag {

    @Test
    void reportsAMissingKeyWithTheDictionaryExample() {
      assertThat(check(compliantWithout(COST)))
          .containsExactly(
              new Finding(
                  RuleId.MISSING_MANDATORY_TAG,
                  Severity.ERROR,
                  COST,
                  null,
                  "matching ^\\d{4}$",
                  "add tag 'anycompany:finance:cost-center' (e.g. '5045')",
                  "mandatory tag 'anycompany:finance:cost-center' is missing"));
    }

    @Test
    void listsTheAllowedValuesWhenThereIsNoExample() {
      assertThat(check(compliantWithout(ENV)))
          .containsExactly(
              new Finding(
                  RuleId.MISSING_MANDATORY_TAG,
                  Severity.ERROR,
                  ENV,
                  null,
                  "one of: dev, test, production",
                  "add tag 'anycompany:workload:environment' with one of: dev, test, production",
                  "mandatory tag 'anycompany:workload:environment' is missing"));
    }

    @Test
    void namesThePatternWhenThereIsNeitherExampleNorList() {
      assertThat(check(compliantWithout(APP)))
          .extracting(Finding::expected, Finding::fix)
          .containsExactly(
              tuple(
                  "matching app-[0-9]{3}",
                  "add tag 'anycompany:workload:application-id' with a value matching"
                      + " app-[0-9]{3}"));
    }

    @Test
    void asksOnlyForSomeValueWhenTheKeyHasNoValueRule() {
      assertThat(check(compliantWithout(OWNER)))
          .extracting(Finding::expected, Finding::fix)
          .containsExactly(tuple("a non-empty value", "add tag 'anycompany:finance:owner'"));
    }

    @Test
    void reportsEveryMissingKeyOfAnUntaggedResource() {
      assertThat(check(Map.of()))
          .extracting(Finding::rule, Finding::key)
          .containsExactly(
              tuple(RuleId.MISSING_MANDATORY_TAG, UNIT),
              tuple(RuleId.MISSING_MANDATORY_TAG, COST),
              tuple(RuleId.MISSING_MANDATORY_TAG, OWNER),
              tuple(RuleId.MISSING_MANDATORY_TAG, APP),
              tuple(RuleId.MISSING_MANDATORY_TAG, ENV));
    }

    @Test
    void doesNotAskForOptionalKeys() {
      assertThat(check(compliantTags())).extracting(Finding::key).doesNotContain(NAME, ENCRYPTION);
    }
  }

  @Nested
  class KeyCaseMismatch {

    @Test
    void reportsAKeyInAnotherCaseOnceAndNotAsMissing() {
      assertThat(check(compliantWith(ENV, null, "Anycompany:Workload:Environment", "production")))
          .containsExactly(
              new Finding(
                  RuleId.KEY_CASE_MISMATCH,
                  Severity.ERROR,
                  "Anycompany:Workload:Environment",
                  "production",
                  ENV,
                  "rename tag 'Anycompany:Workload:Environment' to"
                      + " 'anycompany:workload:environment'",
                  "tag 'Anycompany:Workload:Environment' (value 'production') differs only in"
                      + " letter case from the dictionary key 'anycompany:workload:environment'"));
    }

    @Test
    void asksToRemoveACaseVariantNextToTheExactKey() {
      assertThat(check(compliantWith("ANYCOMPANY:WORKLOAD:ENVIRONMENT", "dev")))
          .extracting(Finding::rule, Finding::key, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.KEY_CASE_MISMATCH,
                  "ANYCOMPANY:WORKLOAD:ENVIRONMENT",
                  "remove tag 'ANYCOMPANY:WORKLOAD:ENVIRONMENT' (duplicate of"
                      + " 'anycompany:workload:environment')"));
    }

    @Test
    void judgesTheValueOfTheCaseVariant() {
      assertThat(check(compliantWith(ENV, null, "Anycompany:Workload:Environment", "prod")))
          .extracting(Finding::rule, Finding::key, Finding::value)
          .containsExactly(
              tuple(RuleId.KEY_CASE_MISMATCH, "Anycompany:Workload:Environment", "prod"),
              tuple(RuleId.VALUE_NOT_ALLOWED, "Anycompany:Workload:Environment", "prod"));
    }

    @Test
    void keepsTheKeyPresentWhenTheRuleIsSwitchedOff() {
      RuleEngine engine =
          new RuleEngine(
              withSeverities(defaultsWith(RuleId.KEY_CASE_MISMATCH, null)), List.of(), TODAY);

      assertThat(
              engine.check(
                  ec2(compliantWith(ENV, null, "Anycompany:Workload:Environment", "production"))))
          .isEmpty();
    }
  }

  @Nested
  class KeyAlias {

    @Test
    void reportsADeclaredAliasOnceAndNotAsMissingOrUndeclared() {
      assertThat(check(compliantWith(ENV, null, "env", "dev")))
          .containsExactly(
              new Finding(
                  RuleId.KEY_ALIAS,
                  Severity.WARNING,
                  "env",
                  "dev",
                  ENV,
                  "rename tag 'env' to 'anycompany:workload:environment'",
                  "tag 'env' (value 'dev') is an old name (a declared alias) of the dictionary key"
                      + " 'anycompany:workload:environment'"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "CostCenter",
          "cost_center",
          "Cost-Center",
          "Cost Center",
          "COST_CENTER",
          "cost.center",
          "finance:cost-center",
          "Finance:CostCenter",
          "anycompany:finance:CostCenter",
          "anycompany:finance:cost_center"
        })
    void recognisesNearMissSpellings(String spelling) {
      assertThat(check(compliantWith(COST, null, spelling, "5045")))
          .containsExactly(
              new Finding(
                  RuleId.KEY_ALIAS,
                  Severity.WARNING,
                  spelling,
                  "5045",
                  COST,
                  "rename tag '" + spelling + "' to 'anycompany:finance:cost-center'",
                  "tag '"
                      + spelling
                      + "' (value '5045') looks like a misspelling of the dictionary key"
                      + " 'anycompany:finance:cost-center'"));
    }

    @Test
    void asksToRemoveAnAliasNextToTheExactKey() {
      assertThat(check(compliantWith("CostCenter", "5045")))
          .extracting(Finding::rule, Finding::key, Finding::expected, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.KEY_ALIAS,
                  "CostCenter",
                  COST,
                  "remove tag 'CostCenter' (duplicate of 'anycompany:finance:cost-center')"));
    }

    @Test
    void prefersADeclaredAliasOverANearMiss() {
      assertThat(check(compliantWith(ENV, null, "env", "dev", "ENVIRONMENT", "dev")))
          .extracting(Finding::key, Finding::fix)
          .containsExactly(
              tuple("ENVIRONMENT", "remove tag 'ENVIRONMENT' (duplicate of 'env')"),
              tuple("env", "rename tag 'env' to 'anycompany:workload:environment'"));
    }

    @Test
    void judgesTheValueOfTheAliasUnderItsOwnKey() {
      assertThat(check(compliantWith(ENV, null, "Environment", "Production")))
          .extracting(Finding::rule, Finding::key, Finding::fix)
          .containsExactly(
              tuple(RuleId.VALUE_CASE_MISMATCH, "Environment", "set 'Environment' to 'production'"),
              tuple(
                  RuleId.KEY_ALIAS,
                  "Environment",
                  "rename tag 'Environment' to 'anycompany:workload:environment'"));
    }

    @Test
    void doesNotUseALastSegmentTwoKeysShare() {
      List<TagSpec> specs = new ArrayList<>(Fixtures.seedTags());
      specs.add(spec("anycompany:security:owner", false, null, List.of()));
      RuleEngine engine =
          new RuleEngine(
              Fixtures.dictionary(specs, Dictionary.defaultSeverities()), List.of(), TODAY);

      List<Finding> findings = engine.check(ec2(compliantWith("Owner", "SecOps")));

      assertThat(findings)
          .extracting(Finding::rule)
          .containsExactly(RuleId.KEY_CONVENTION, RuleId.UNDECLARED_KEY);
      assertThat(engine.check(ec2(compliantWith(OWNER, null, "finance:owner", "SecOps"))))
          .extracting(Finding::rule, Finding::fix)
          .containsExactly(
              tuple(RuleId.KEY_ALIAS, "rename tag 'finance:owner' to 'anycompany:finance:owner'"));
    }

    @Test
    void usesALastSegmentOnlyOneKeyHas() {
      assertThat(check(compliantWith(UNIT, null, "BusinessUnit", "Retail")))
          .extracting(Finding::rule, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.KEY_ALIAS,
                  "rename tag 'BusinessUnit' to 'anycompany:finance:business-unit'"));
    }

    @Test
    void leavesALoneCommonWordAlone() {
      assertThat(check(compliantWith(OWNER, null, "Owner", "SecOps")))
          .extracting(Finding::rule, Finding::key)
          .containsExactlyInAnyOrder(
              tuple(RuleId.MISSING_MANDATORY_TAG, OWNER),
              tuple(RuleId.KEY_CONVENTION, "Owner"),
              tuple(RuleId.UNDECLARED_KEY, "Owner"));
    }

    @Test
    void findsAKeyWrittenWithUnderscoresForColons() {
      assertThat(check(compliantWith(UNIT, null, "anycompany_finance_business_unit", "Retail")))
          .extracting(Finding::rule, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.KEY_ALIAS,
                  "rename tag 'anycompany_finance_business_unit' to"
                      + " 'anycompany:finance:business-unit'"));
    }

    @Test
    void recognisesSpellingsOfKeysOutsideTheResourceTypeScope() {
      assertThat(check(compliantWith("DataClassification", "internal")))
          .extracting(Finding::rule, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.KEY_ALIAS,
                  "rename tag 'DataClassification' to 'anycompany:security:data-classification'"));
    }
  }

  @Nested
  class EmptyValue {

    @Test
    void reportsAnEmptyMandatoryValueAndNotAlsoThePattern() {
      assertThat(check(compliantWith(COST, "")))
          .containsExactly(
              new Finding(
                  RuleId.EMPTY_VALUE,
                  Severity.ERROR,
                  COST,
                  "",
                  "matching ^\\d{4}$",
                  "set 'anycompany:finance:cost-center' to a value matching ^\\d{4}$ (e.g. '5045')",
                  "mandatory tag 'anycompany:finance:cost-center' has an empty value"));
    }

    @Test
    void reportsABlankMandatoryValueAndNotAlsoTheList() {
      assertThat(check(compliantWith(ENV, "  ")))
          .containsExactly(
              new Finding(
                  RuleId.EMPTY_VALUE,
                  Severity.ERROR,
                  ENV,
                  "  ",
                  "one of: dev, test, production",
                  "set 'anycompany:workload:environment' to one of: dev, test, production",
                  "mandatory tag 'anycompany:workload:environment' has the blank value '  '"));
    }

    @Test
    void asksForAnyValueWhenTheKeyHasNoValueRule() {
      assertThat(check(compliantWith(OWNER, "")))
          .extracting(Finding::rule, Finding::expected, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.EMPTY_VALUE,
                  "a non-empty value",
                  "set 'anycompany:finance:owner' to a non-empty value"));
    }

    @Test
    void leavesEmptyOptionalValuesToTheValueRules() {
      assertThat(check(compliantWith(NAME, "", ENCRYPTION, "")))
          .extracting(Finding::rule, Finding::key)
          .containsExactly(tuple(RuleId.VALUE_NOT_ALLOWED, ENCRYPTION));
    }

    @Test
    void reportsNothingElseWhenSwitchedOff() {
      RuleEngine engine =
          new RuleEngine(withSeverities(defaultsWith(RuleId.EMPTY_VALUE, null)), List.of(), TODAY);

      assertThat(engine.check(ec2(compliantWith(COST, "")))).isEmpty();
    }
  }

  @Nested
  class ValueCaseMismatch {

    @Test
    void suggestsTheRightSpellingAndIsNotAlsoNotAllowed() {
      assertThat(check(compliantWith(ENV, "Production")))
          .containsExactly(
              new Finding(
                  RuleId.VALUE_CASE_MISMATCH,
                  Severity.ERROR,
                  ENV,
                  "Production",
                  "one of: dev, test, production",
                  "set 'anycompany:workload:environment' to 'production'",
                  "tag 'anycompany:workload:environment' has the value 'Production', which differs"
                      + " only in letter case from the allowed value 'production'"));
    }

    @Test
    void findsMixedCaseAllowedValues() {
      assertThat(check(compliantWith(UNIT, "devops")))
          .extracting(Finding::rule, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.VALUE_CASE_MISMATCH,
                  "set 'anycompany:finance:business-unit' to 'DevOps'"));
    }
  }

  @Nested
  class ValueNotAllowed {

    @Test
    void listsTheAllowedValuesWhenNoneIsClose() {
      assertThat(check(compliantWith(ENV, "prod")))
          .containsExactly(
              new Finding(
                  RuleId.VALUE_NOT_ALLOWED,
                  Severity.ERROR,
                  ENV,
                  "prod",
                  "one of: dev, test, production",
                  "set 'anycompany:workload:environment' to one of: dev, test, production",
                  "tag 'anycompany:workload:environment' has the value 'prod', which is not one of"
                      + " the allowed values"));
    }

    @Test
    void suggestsTheAllowedValueATypoMeant() {
      assertThat(check(compliantWith(ENV, "prodution")))
          .extracting(Finding::rule, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.VALUE_NOT_ALLOWED,
                  "set 'anycompany:workload:environment' to 'production'"));
    }

    @Test
    void acceptsAValueMatchingThePatternBesideTheList() {
      RuleEngine engine = engineWithListAndPattern();

      assertThat(engine.check(ec2(compliantWith("anycompany:workload:ticket", "none")))).isEmpty();
      assertThat(engine.check(ec2(compliantWith("anycompany:workload:ticket", "1234")))).isEmpty();
    }

    @Test
    void reportsAValueOutsideBothListAndPatternOnceAsNotAllowed() {
      assertThat(
              engineWithListAndPattern()
                  .check(ec2(compliantWith("anycompany:workload:ticket", "12"))))
          .extracting(Finding::rule, Finding::expected, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.VALUE_NOT_ALLOWED,
                  "one of: none, or matching ^\\d{4}$",
                  "set 'anycompany:workload:ticket' to one of: none, or a value matching"
                      + " ^\\d{4}$"));
    }

    private RuleEngine engineWithListAndPattern() {
      List<TagSpec> specs = new ArrayList<>(Fixtures.seedTags());
      specs.add(
          spec(
              "anycompany:workload:ticket",
              false,
              new ValueRule(List.of("none"), "^\\d{4}$", Pattern.compile("^\\d{4}$"), null),
              List.of()));
      return new RuleEngine(
          Fixtures.dictionary(specs, Dictionary.defaultSeverities()), List.of(), TODAY);
    }
  }

  @Nested
  class ValuePatternMismatch {

    @Test
    void namesThePatternAndTheExample() {
      assertThat(check(compliantWith(COST, "50A5")))
          .containsExactly(
              new Finding(
                  RuleId.VALUE_PATTERN_MISMATCH,
                  Severity.ERROR,
                  COST,
                  "50A5",
                  "matching ^\\d{4}$",
                  "set 'anycompany:finance:cost-center' to a value matching ^\\d{4}$ (e.g. '5045')",
                  "tag 'anycompany:finance:cost-center' has the value '50A5', which does not match"
                      + " the pattern ^\\d{4}$"));
    }

    @Test
    void matchesTheWholeValue() {
      assertThat(check(compliantWith(APP, "xapp-001")))
          .extracting(Finding::rule, Finding::fix)
          .containsExactly(
              tuple(
                  RuleId.VALUE_PATTERN_MISMATCH,
                  "set 'anycompany:workload:application-id' to a value matching app-[0-9]{3}"));
    }
  }

  @Nested
  class KeyConvention {

    @Test
    void namesEveryConventionTheKeyBreaksAndTheConventionalSpelling() {
      assertThat(only(RuleId.KEY_CONVENTION, check(compliantWith("Team_Name", "platform"))))
          .containsExactly(
              new Finding(
                  RuleId.KEY_CONVENTION,
                  Severity.WARNING,
                  "Team_Name",
                  "platform",
                  "lower-case words separated by '-', after the prefix 'anycompany:'",
                  "rename tag 'Team_Name' to 'anycompany:team-name'",
                  "tag 'Team_Name' (value 'platform') breaks the key conventions: upper-case"
                      + " letters, words separated by '_', no 'anycompany:' prefix"));
    }

    @Test
    void splitsCamelCase() {
      assertThat(only(RuleId.KEY_CONVENTION, check(compliantWith("projectOwner", "x"))))
          .extracting(Finding::fix, Finding::message)
          .containsExactly(
              tuple(
                  "rename tag 'projectOwner' to 'anycompany:project-owner'",
                  "tag 'projectOwner' (value 'x') breaks the key conventions: upper-case letters,"
                      + " CamelCase words, no 'anycompany:' prefix"));
    }

    @Test
    void keepsAPrefixWrittenInAnotherCase() {
      assertThat(only(RuleId.KEY_CONVENTION, check(compliantWith("AnyCompany:Team Lead", "x"))))
          .extracting(Finding::fix, Finding::message)
          .containsExactly(
              tuple(
                  "rename tag 'AnyCompany:Team Lead' to 'anycompany:team-lead'",
                  "tag 'AnyCompany:Team Lead' (value 'x') breaks the key conventions: upper-case"
                      + " letters, words separated by ' '"));
    }

    @Test
    void acceptsAConventionalUndeclaredKey() {
      assertThat(check(compliantWith("anycompany:workload:team", "platform")))
          .extracting(Finding::rule)
          .containsExactly(RuleId.UNDECLARED_KEY);
    }

    @Test
    void followsTheDictionarysOwnConventions() {
      RuleEngine engine = engineWith(new Conventions(KeyCase.ANY, "_", List.of("aws:")), "");

      assertThat(engine.check(ec2(tags("Team_Name", "x")))).isEmpty();
      assertThat(engine.check(ec2(tags("team-name", "x"))))
          .extracting(Finding::expected, Finding::fix, Finding::message)
          .containsExactly(
              tuple(
                  "words separated by '_'",
                  "rename tag 'team-name' to 'team_name'",
                  "tag 'team-name' (value 'x') breaks the key conventions: words separated by"
                      + " '-'"));
    }

    @Test
    void spellsUpperCaseConventions() {
      RuleEngine engine = engineWith(new Conventions(KeyCase.UPPER, "_", List.of("aws:")), "");

      assertThat(engine.check(ec2(tags("team_name", "x"))))
          .extracting(Finding::fix, Finding::message)
          .containsExactly(
              tuple(
                  "rename tag 'team_name' to 'TEAM_NAME'",
                  "tag 'team_name' (value 'x') breaks the key conventions: lower-case letters"));
    }

    @Test
    void isIndependentOfUndeclaredKey() {
      RuleEngine engine =
          new RuleEngine(
              withSeverities(defaultsWith(RuleId.UNDECLARED_KEY, null)), List.of(), TODAY);

      assertThat(engine.check(ec2(compliantWith("Team_Name", "x"))))
          .extracting(Finding::rule)
          .containsExactly(RuleId.KEY_CONVENTION);
    }

    private RuleEngine engineWith(Conventions conventions, String prefix) {
      Map<RuleId, Severity> severities = defaultsWith(RuleId.UNDECLARED_KEY, null);
      return new RuleEngine(
          new Dictionary(
              1, prefix, conventions, List.of(), List.of(), List.of(), severities, "", ""),
          List.of(),
          TODAY);
    }
  }

  @Nested
  class UndeclaredKey {

    @Test
    void reportsAKeyTheDictionaryDoesNotKnow() {
      assertThat(check(compliantWith("anycompany:workload:team", "platform")))
          .containsExactly(
              new Finding(
                  RuleId.UNDECLARED_KEY,
                  Severity.WARNING,
                  "anycompany:workload:team",
                  "platform",
                  null,
                  "declare 'anycompany:workload:team' in the tag dictionary or remove the tag",
                  "tag 'anycompany:workload:team' (value 'platform') is not declared in the tag"
                      + " dictionary"));
    }

    @Test
    void takesItsSeverityFromTheDictionary() {
      RuleEngine engine =
          new RuleEngine(
              withSeverities(defaultsWith(RuleId.UNDECLARED_KEY, Severity.INFO)), List.of(), TODAY);

      assertThat(engine.check(ec2(compliantWith("anycompany:workload:team", "platform"))))
          .extracting(Finding::severity)
          .containsExactly(Severity.INFO);
    }
  }

  @Nested
  class ReservedKeys {

    @Test
    void neverJudgesAwsKeys() {
      assertThat(
              check(
                  compliantWith(
                      "aws:cloudformation:stack-name", "My_Stack#1",
                      "aws:createdBy", "john.doe@example.com",
                      "aws:Environment", "Production")))
          .isEmpty();
    }

    @Test
    void honoursTheDictionarysReservedPrefixes() {
      Dictionary dictionary =
          new Dictionary(
              1,
              "anycompany",
              new Conventions(KeyCase.LOWER, "-", List.of("aws:", "kubernetes.io/")),
              Fixtures.seedTags(),
              List.of(),
              List.of(),
              Dictionary.defaultSeverities(),
              "",
              "");

      assertThat(
              new RuleEngine(dictionary, List.of(), TODAY)
                  .check(ec2(compliantWith("kubernetes.io/cluster/Prod_EKS", "owned"))))
          .isEmpty();
    }
  }

  @Nested
  class PiiInTag {

    @Test
    void masksAnEmailAddressInTheMessage() {
      assertThat(only(RuleId.PII_IN_TAG, check(compliantWith(OWNER, "john.doe@example.com"))))
          .containsExactly(
              new Finding(
                  RuleId.PII_IN_TAG,
                  Severity.ERROR,
                  OWNER,
                  "john.doe@example.com",
                  null,
                  "remove tag 'anycompany:finance:owner' or replace its value with a team or role"
                      + " name",
                  "tag 'anycompany:finance:owner' has a value that looks like an e-mail address"
                      + " ('j***@example.com')"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "+44 20 7946 0958|a phone number|+** ** **** **58",
          "(555) 123-4567|a phone number|(***) ***-**67",
          "123-45-6789|a US social security number|***-**-6789",
          "4111 1111 1111 1111|a payment card number|**** **** **** 1111"
        })
    void masksNumbersInTheMessage(String example) {
      String[] parts = example.split("\\|");

      List<Finding> findings = only(RuleId.PII_IN_TAG, check(compliantWith(OWNER, parts[0])));

      assertThat(findings)
          .extracting(Finding::value, Finding::message)
          .containsExactly(
              tuple(
                  parts[0],
                  "tag 'anycompany:finance:owner' has a value that looks like "
                      + parts[1]
                      + " ('"
                      + parts[2]
                      + "')"));
    }

    @Test
    void checksKeysForEmailAddresses() {
      List<Finding> findings =
          only(RuleId.PII_IN_TAG, check(compliantWith("contact:john@example.com", "yes")));

      assertThat(findings)
          .extracting(Finding::key, Finding::fix, Finding::message)
          .containsExactly(
              tuple(
                  "contact:john@example.com",
                  "rename tag 'contact:j***@example.com' to a key without personal data",
                  "tag key 'contact:j***@example.com' holds what looks like an e-mail address"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SecOps",
          "10.0.12.7",
          "111122223333",
          "1111-2222-3333",
          "2024-01-15",
          "Sales-5045",
          "1718035200000",
          "team@ops"
        })
    void leavesOrdinaryValuesAlone(String value) {
      assertThat(check(compliantWith(OWNER, value))).isEmpty();
    }
  }

  @Nested
  class TagLimit {

    @Test
    void countsUserTagsButNotAwsOnes() {
      Map<String, String> tags = compliantTags();
      for (int i = tags.size(); i < 51; i++) {
        tags.put("anycompany:workload:extra-" + i, "x");
      }
      tags.put("aws:cloudformation:stack-name", "s");
      tags.put("aws:cloudformation:stack-id", "s");

      assertThat(only(RuleId.TAG_LIMIT, check(tags)))
          .containsExactly(
              new Finding(
                  RuleId.TAG_LIMIT,
                  Severity.ERROR,
                  null,
                  null,
                  "at most 50 user tags",
                  "remove at least 1 user tag",
                  "resource carries 51 user tags, more than the 50 AWS allows"));

      tags.remove("anycompany:workload:extra-50");
      assertThat(only(RuleId.TAG_LIMIT, check(tags))).isEmpty();
    }

    @Test
    void reportsAKeyOverOneHundredTwentyEightCharacters() {
      String key = "anycompany:" + "k".repeat(118);

      assertThat(only(RuleId.TAG_LIMIT, check(compliantWith(key, "x"))))
          .extracting(Finding::key, Finding::fix)
          .containsExactly(tuple(key, "shorten the key to at most 128 characters"));
      assertThat(only(RuleId.TAG_LIMIT, check(compliantWith(key.substring(1), "x")))).isEmpty();
    }

    @Test
    void countsValueLengthInCodePoints() {
      String letter = "\uD835\uDC9C"; // MATHEMATICAL SCRIPT CAPITAL A, two UTF-16 units

      assertThat(only(RuleId.TAG_LIMIT, check(compliantWith(NAME, letter.repeat(256))))).isEmpty();
      assertThat(only(RuleId.TAG_LIMIT, check(compliantWith(NAME, letter.repeat(257)))))
          .extracting(Finding::fix)
          .containsExactly("shorten the value to at most 256 characters");
    }

    @Test
    void namesTheCharactersAwsRejects() {
      assertThat(check(compliantWith(NAME, "a#b!c#")))
          .containsExactly(
              new Finding(
                  RuleId.TAG_LIMIT,
                  Severity.ERROR,
                  NAME,
                  "a#b!c#",
                  TagLimitRule.EXPECTED_TAG,
                  "remove '#', '!' from the value",
                  "tag 'anycompany:workload:name' (value 'a#b!c#') breaks AWS tag limits: the value"
                      + " holds characters AWS rejects ('#', '!')"));
    }

    @Test
    void namesRejectedCharactersInTheKey() {
      assertThat(
              only(RuleId.TAG_LIMIT, check(compliantWith("anycompany:workload:cost#center", "x"))))
          .extracting(Finding::key, Finding::fix, Finding::message)
          .containsExactly(
              tuple(
                  "anycompany:workload:cost#center",
                  "remove '#' from the key",
                  "tag 'anycompany:workload:cost#center' (value 'x') breaks AWS tag limits: the key"
                      + " holds characters AWS rejects ('#')"));
    }

    @Test
    void neverJudgesReservedKeys() {
      assertThat(check(compliantWith("aws:" + "k".repeat(200), "#".repeat(300)))).isEmpty();
    }

    @Test
    void acceptsLettersOfEveryScript() {
      assertThat(check(compliantWith(NAME, "Zürich Büro 東京 1/2 a=b+c@d"))).isEmpty();
    }
  }

  @Nested
  class AccountMissingTag {

    @Test
    void reportsEachMandatoryAccountTagTheAccountLacks() {
      Account account = Account.of("111122223333", "Prod", "ACTIVE", tags(OWNER, "SecOps"));

      assertThat(engine().checkAccount(account))
          .containsExactly(
              new Finding(
                  RuleId.ACCOUNT_MISSING_TAG,
                  Severity.ERROR,
                  UNIT,
                  null,
                  "one of: Finance, Retail, Sales, DevOps, Shared",
                  "add tag 'anycompany:finance:business-unit' to account 111122223333"
                      + " (Organizations TagResource)",
                  "account 111122223333 ('Prod') lacks the tag 'anycompany:finance:business-unit'"
                      + " the dictionary requires of accounts"));
    }

    @Test
    void countsABlankValueAsMissing() {
      Account account = Account.of("111122223333", "", "ACTIVE", tags(OWNER, " ", UNIT, "Shared"));

      assertThat(engine().checkAccount(account))
          .extracting(Finding::key, Finding::value, Finding::message)
          .containsExactly(
              tuple(
                  OWNER,
                  " ",
                  "account 111122223333 has an empty value for the tag 'anycompany:finance:owner'"
                      + " the dictionary requires of accounts"));
    }

    @Test
    void acceptsAnAccountWithEveryTag() {
      Account account =
          Account.of("111122223333", "Prod", "ACTIVE", tags(OWNER, "SecOps", UNIT, "Shared"));

      assertThat(engine().checkAccount(account)).isEmpty();
    }

    @Test
    void reportsPersonalDataInAnAccountsOwnTagsMaskedInTheMessage() {
      Account account =
          Account.of(
              "111122223333",
              "Prod",
              "ACTIVE",
              tags(OWNER, "jane.doe@anycompany.com", UNIT, "Shared"));

      List<Finding> findings = engine().checkAccount(account);

      assertThat(findings).extracting(Finding::rule).containsExactly(RuleId.PII_IN_TAG);
      assertThat(findings.get(0).value()).isEqualTo("jane.doe@anycompany.com");
      assertThat(findings.get(0).message()).doesNotContain("jane.doe");
    }

    @Test
    void matchesExemptionsAgainstTheAccountArn() {
      Exemption exemption =
          exemption(
              "arn:aws:organizations::*:account/*111122223333",
              Set.of(),
              Set.of(UNIT),
              LocalDate.of(2025, 12, 31));
      RuleEngine engine = new RuleEngine(Fixtures.seed(), List.of(exemption), TODAY);

      assertThat(engine.checkAccount(Account.ofId("111122223333")))
          .extracting(Finding::key)
          .containsExactly(OWNER);
    }
  }

  @Nested
  class UntaggedResource {

    @Test
    void reportsADirectlyDiscoveredResourceWithoutUserTags() {
      Resource endpoint =
          resource(
              ENDPOINT_ARN,
              "sagemaker:endpoint",
              Source.SAGEMAKER,
              tags("aws:cloudformation:stack-id", "x"));

      assertThat(only(RuleId.UNTAGGED_RESOURCE, engine().check(endpoint)))
          .containsExactly(
              new Finding(
                  RuleId.UNTAGGED_RESOURCE,
                  Severity.ERROR,
                  null,
                  null,
                  "at least one user tag",
                  "add the mandatory tags 'anycompany:workload:application-id',"
                      + " 'anycompany:workload:environment', 'anycompany:finance:owner',"
                      + " 'anycompany:finance:business-unit', 'anycompany:finance:cost-center',"
                      + " 'anycompany:security:data-classification'",
                  "resource found by direct discovery carries no user tags"));
    }

    @Test
    void leavesTaggingApiResourcesToTheMissingKeyRule() {
      assertThat(only(RuleId.UNTAGGED_RESOURCE, check(Map.of()))).isEmpty();
    }

    @Test
    void leavesTaggedDiscoveredResourcesAlone() {
      Resource endpoint =
          resource(ENDPOINT_ARN, "sagemaker:endpoint", Source.SAGEMAKER, tags(NAME, "churn"));

      assertThat(only(RuleId.UNTAGGED_RESOURCE, engine().check(endpoint))).isEmpty();
    }
  }

  @Nested
  class Scoping {

    @Test
    void requiresAScopedKeyOnlyOnMatchingResourceTypes() {
      Resource bucket = resource(BUCKET_ARN, "s3:bucket", Source.TAGGING_API, compliantTags());
      Resource endpoint =
          resource(ENDPOINT_ARN, "sagemaker:endpoint", Source.SAGEMAKER, compliantTags());

      assertThat(check(compliantTags())).isEmpty();
      assertThat(engine().check(bucket))
          .extracting(Finding::rule, Finding::key)
          .containsExactly(tuple(RuleId.MISSING_MANDATORY_TAG, CLASSIFICATION));
      assertThat(engine().check(endpoint))
          .extracting(Finding::rule, Finding::key)
          .containsExactly(tuple(RuleId.MISSING_MANDATORY_TAG, CLASSIFICATION));
    }

    @Test
    void readsAGlobWithoutColonAsAWholeService() {
      List<TagSpec> specs =
          List.of(spec("anycompany:security:retention", true, null, List.of(), "s3"));
      RuleEngine engine =
          new RuleEngine(
              Fixtures.dictionary(specs, Dictionary.defaultSeverities()), List.of(), TODAY);

      assertThat(engine.check(resource(BUCKET_ARN, "s3:bucket", Source.TAGGING_API, Map.of())))
          .extracting(Finding::key)
          .containsExactly("anycompany:security:retention");
      assertThat(engine.check(ec2(Map.of()))).isEmpty();
    }

    @Test
    void judgesTheValueOfAScopedKeyWhereverItAppears() {
      assertThat(check(compliantWith(CLASSIFICATION, "secret")))
          .extracting(Finding::rule)
          .containsExactly(RuleId.VALUE_NOT_ALLOWED);
    }
  }

  @Nested
  class Severities {

    @Test
    void useTheDictionarysOverride() {
      RuleEngine engine =
          new RuleEngine(
              withSeverities(defaultsWith(RuleId.MISSING_MANDATORY_TAG, Severity.WARNING)),
              List.of(),
              TODAY);

      assertThat(engine.check(ec2(compliantWithout(OWNER))))
          .extracting(Finding::severity)
          .containsExactly(Severity.WARNING);
    }

    @Test
    void switchARuleOffWhenAbsent() {
      RuleEngine engine =
          new RuleEngine(
              withSeverities(defaultsWith(RuleId.MISSING_MANDATORY_TAG, null)), List.of(), TODAY);

      assertThat(engine.check(ec2(Map.of()))).isEmpty();
    }

    @Test
    void switchEverythingOffWithAnEmptyMap() {
      RuleEngine engine = new RuleEngine(withSeverities(Map.of()), List.of(), TODAY);

      assertThat(engine.check(ec2(tags("Bad Key#", "john@example.com")))).isEmpty();
      assertThat(engine.checkAccount(Account.ofId("111122223333"))).isEmpty();
    }
  }

  @Nested
  class Order {

    @Test
    void sortsBySeverityThenKeyThenRule() {
      List<Finding> findings =
          check(
              compliantWith(
                  OWNER,
                  null,
                  ENV,
                  "Production",
                  COST,
                  null,
                  "CostCenter",
                  "5045",
                  "Team_Name",
                  "x"));

      assertThat(findings)
          .extracting(Finding::severity, Finding::key, Finding::rule)
          .containsExactly(
              tuple(Severity.ERROR, OWNER, RuleId.MISSING_MANDATORY_TAG),
              tuple(Severity.ERROR, ENV, RuleId.VALUE_CASE_MISMATCH),
              tuple(Severity.WARNING, "CostCenter", RuleId.KEY_ALIAS),
              tuple(Severity.WARNING, "Team_Name", RuleId.KEY_CONVENTION),
              tuple(Severity.WARNING, "Team_Name", RuleId.UNDECLARED_KEY));
    }

    @Test
    void putsResourceWideFindingsBeforeKeyedOnesOfTheSameSeverity() {
      Resource endpoint = resource(ENDPOINT_ARN, "sagemaker:endpoint", Source.SAGEMAKER, Map.of());

      assertThat(engine().check(endpoint).get(0).rule()).isEqualTo(RuleId.UNTAGGED_RESOURCE);
    }

    @Test
    void comesOutTheSameFromManyThreads() throws Exception {
      RuleEngine engine = engine();
      List<Resource> resources =
          List.of(
              ec2(compliantWith(ENV, "Production", "CostCenter", "50A5", "Team_Name", "x")),
              ec2(compliantWithout(OWNER, UNIT)),
              resource(ENDPOINT_ARN, "sagemaker:endpoint", Source.SAGEMAKER, Map.of()));
      List<List<Finding>> expected = resources.stream().map(engine::check).toList();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          results.add(
              pool.submit(
                  () -> {
                    for (int round = 0; round < 500; round++) {
                      for (int r = 0; r < resources.size(); r++) {
                        if (!engine.check(resources.get(r)).equals(expected.get(r))) {
                          return false;
                        }
                      }
                    }
                    return true;
                  }));
        }
        for (Future<Boolean> result : results) {
          assertThat(result.get()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class Exemptions {

    @Test
    void dropsAFindingALiveExemptionCovers() {
      RuleEngine engine =
          engineWith(
              exemption(
                  "arn:aws:ec2:*",
                  Set.of(RuleId.MISSING_MANDATORY_TAG),
                  Set.of(COST),
                  LocalDate.of(2025, 12, 31)));

      assertThat(engine.check(ec2(compliantWithout(COST, OWNER))))
          .extracting(Finding::key)
          .containsExactly(OWNER);
    }

    @Test
    void countsTheFindingsItWaivedSoThatReportsCanSaySo() {
      RuleEngine engine =
          engineWith(
              exemption(
                  "arn:aws:ec2:*",
                  Set.of(RuleId.MISSING_MANDATORY_TAG),
                  Set.of(COST, OWNER),
                  LocalDate.of(2025, 12, 31)));

      io.tagscan.model.CheckedResource judged =
          engine.judge(ec2(compliantWithout(COST, OWNER)), arn -> null);

      assertThat(judged.findings()).isEmpty();
      assertThat(judged.waived()).isEqualTo(2);
      assertThat(judged.compliant()).isTrue();
    }

    @Test
    void keepsEachWaivedFindingWithTheReasonOfTheFirstExemptionCoveringIt() {
      Exemption first =
          exemption(
              "arn:aws:ec2:*",
              Set.of(RuleId.MISSING_MANDATORY_TAG),
              Set.of(OWNER),
              LocalDate.of(2025, 12, 31));
      Exemption broad = exemption("*", Set.of(), Set.of(), LocalDate.of(2025, 12, 31));
      RuleEngine engine =
          engineWith(
              first,
              new Exemption(
                  broad.arns(),
                  broad.rules(),
                  broad.keys(),
                  "everything, for now",
                  broad.expires(),
                  "exemptions.yaml",
                  9));

      io.tagscan.model.CheckedResource judged =
          engine.judge(ec2(compliantWithout(COST, OWNER)), arn -> null);

      assertThat(judged.findings()).isEmpty();
      assertThat(judged.suppressed())
          .extracting(waived -> waived.finding().key(), io.tagscan.model.Suppressed::reason)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(COST, "everything, for now"),
              org.assertj.core.groups.Tuple.tuple(OWNER, "migration in progress"));
      assertThat(judged.suppressed())
          .filteredOn(waived -> waived.finding().key().equals(COST))
          .extracting(io.tagscan.model.Suppressed::exemption)
          .containsExactly("exemptions.yaml:9");
    }

    @Test
    void countsNothingWaivedWhereNoExemptionCovers() {
      RuleEngine engine =
          engineWith(exemption("arn:aws:s3:::*", Set.of(), Set.of(), LocalDate.of(2025, 12, 31)));

      io.tagscan.model.CheckedResource judged =
          engine.judge(ec2(compliantWithout(COST)), arn -> null);

      assertThat(judged.findings()).extracting(Finding::key).containsExactly(COST);
      assertThat(judged.waived()).isZero();
    }

    @Test
    void holdsOnItsExpiryDay() {
      RuleEngine engine = engineWith(exemption("*", Set.of(), Set.of(), TODAY));

      assertThat(engine.check(ec2(compliantWithout(COST)))).isEmpty();
    }

    @Test
    void keepsTheFindingAndReportsAnExpiredExemption() {
      RuleEngine engine =
          engineWith(
              exemption(
                  "arn:aws:ec2:*",
                  Set.of(RuleId.MISSING_MANDATORY_TAG),
                  Set.of(COST),
                  LocalDate.of(2025, 5, 31)));

      assertThat(engine.check(ec2(compliantWithout(COST))))
          .containsExactly(
              new Finding(
                  RuleId.MISSING_MANDATORY_TAG,
                  Severity.ERROR,
                  COST,
                  null,
                  "matching ^\\d{4}$",
                  "add tag 'anycompany:finance:cost-center' (e.g. '5045')",
                  "mandatory tag 'anycompany:finance:cost-center' is missing"),
              new Finding(
                  RuleId.EXEMPTION_EXPIRED,
                  Severity.WARNING,
                  COST,
                  null,
                  null,
                  "renew or remove the exemption at exemptions.yaml:7",
                  "the exemption at exemptions.yaml:7 expired on 2025-05-31, so the findings on"
                      + " 'anycompany:finance:cost-center' it waived stand again"));
    }

    @Test
    void reportsAnExpiredExemptionOncePerKey() {
      RuleEngine engine = engineWith(exemption("*", Set.of(), Set.of(), LocalDate.of(2024, 1, 1)));

      List<Finding> findings = engine.check(ec2(compliantWith(COST, null, "CostCenter", "50A5")));

      assertThat(findings)
          .extracting(Finding::rule, Finding::key)
          .containsExactly(
              tuple(RuleId.VALUE_PATTERN_MISMATCH, "CostCenter"),
              tuple(RuleId.EXEMPTION_EXPIRED, "CostCenter"),
              tuple(RuleId.KEY_ALIAS, "CostCenter"));
    }

    @Test
    void letsALiveExemptionWinOverAnExpiredOne() {
      RuleEngine engine =
          engineWith(
              exemption("*", Set.of(), Set.of(COST), LocalDate.of(2024, 1, 1)),
              exemption("*", Set.of(), Set.of(COST), LocalDate.of(2026, 1, 1)));

      assertThat(engine.check(ec2(compliantWithout(COST)))).isEmpty();
    }

    @Test
    void coversOnlyTheRulesItNames() {
      RuleEngine engine =
          engineWith(exemption("*", Set.of(RuleId.KEY_ALIAS), Set.of(), LocalDate.of(2026, 1, 1)));

      assertThat(engine.check(ec2(compliantWith(COST, null, "CostCenter", "50A5"))))
          .extracting(Finding::rule)
          .containsExactly(RuleId.VALUE_PATTERN_MISMATCH);
    }

    @Test
    void coversOnlyTheKeysItNames() {
      RuleEngine engine =
          engineWith(exemption("*", Set.of(), Set.of(OWNER), LocalDate.of(2026, 1, 1)));

      assertThat(engine.check(ec2(compliantWithout(COST, OWNER))))
          .extracting(Finding::key)
          .containsExactly(COST);
    }

    @Test
    void coversAliasesOfTheDictionaryKeyItNames() {
      RuleEngine engine =
          engineWith(exemption("*", Set.of(), Set.of(COST), LocalDate.of(2026, 1, 1)));

      assertThat(engine.check(ec2(compliantWith(COST, null, "CostCenter", "50A5")))).isEmpty();
    }

    @Test
    void coversOnlyResourcesItsGlobsMatch() {
      RuleEngine engine =
          engineWith(exemption("arn:aws:s3:::*", Set.of(), Set.of(), LocalDate.of(2026, 1, 1)));

      assertThat(engine.check(ec2(compliantWithout(COST)))).hasSize(1);
      assertThat(
              engine.check(
                  resource(BUCKET_ARN, "s3:bucket", Source.TAGGING_API, compliantWithout(COST))))
          .isEmpty();
    }

    @Test
    void keepsTheFindingSilentlyWhenExemptionExpiredIsSwitchedOff() {
      RuleEngine engine =
          new RuleEngine(
              withSeverities(defaultsWith(RuleId.EXEMPTION_EXPIRED, null)),
              List.of(exemption("*", Set.of(), Set.of(), LocalDate.of(2024, 1, 1))),
              TODAY);

      assertThat(engine.check(ec2(compliantWithout(COST))))
          .extracting(Finding::rule)
          .containsExactly(RuleId.MISSING_MANDATORY_TAG);
    }

    private RuleEngine engineWith(Exemption... exemptions) {
      return new RuleEngine(Fixtures.seed(), List.of(exemptions), TODAY);
    }
  }

  @Test
  void escapesControlCharactersInMessagesButKeepsTheRawKey() {
    String key = "anycompany:workload:x\u001b[31m";

    List<Finding> findings = only(RuleId.UNDECLARED_KEY, check(compliantWith(key, "v\u202e")));

    assertThat(findings)
        .extracting(Finding::key, Finding::message)
        .containsExactly(
            tuple(
                key,
                "tag 'anycompany:workload:x\\u001b[31m' (value 'v\\u202e') is not declared in the"
                    + " tag dictionary"));
  }

  static Exemption exemption(
      String arnGlob, Set<RuleId> rules, Set<String> keys, LocalDate expires) {
    return new Exemption(
        List.of(Glob.of(arnGlob)),
        rules,
        keys,
        "migration in progress",
        expires,
        "exemptions.yaml",
        7);
  }
}
