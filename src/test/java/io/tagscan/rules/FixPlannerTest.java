package io.tagscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.model.Resource;
import io.tagscan.model.SkippedFix;
import io.tagscan.model.Source;
import io.tagscan.model.TagChange;
import io.tagscan.model.UsageException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixPlannerTest {

  private static final String ARN = "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc";
  private static final String ENV = "anycompany:workload:environment";
  private static final String COST = "anycompany:finance:cost-center";
  private static final String OWNER = "anycompany:finance:owner";

  private static final String YAML =
      """
      version: 1
      prefix: anycompany
      tags:
        - key: anycompany:workload:environment
          mandatory: true
          values: { allowed: [dev, test, production] }
          aliases: [Environment, env]
          default: dev
        - key: anycompany:finance:cost-center
          mandatory: true
          values: { pattern: '^\\d{4}$' }
          aliases: [CostCenter]
        - key: anycompany:finance:owner
          mandatory: true
      """;

  private static FixPlanner planner(String yaml, Map<String, String> set) {
    Dictionary dictionary = DictionaryLoader.parse("tag-dictionary.yaml", yaml);
    return new FixPlanner(new RuleEngine(dictionary, List.of(), LocalDate.of(2026, 1, 1)), set);
  }

  private static FixPlanner planner() {
    return planner(YAML, Map.of(OWNER, "team-a"));
  }

  private static Resource resource(String... keysAndValues) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      tags.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Resource.of(ARN, "111122223333", "eu-west-1", "ec2:instance", Source.TAGGING_API, tags);
  }

  private static final Resource COMPLIANT_BUT = resource(ENV, "dev", COST, "2045", OWNER, "team-a");

  @Test
  void renamesAnAliasWhenTheDictionaryKeyIsAbsent() {
    FixPlanner.Outcome outcome =
        planner().plan(resource(ENV, "dev", "CostCenter", "2045", OWNER, "x"));
    assertThat(outcome.fix().changes())
        .containsExactly(
            TagChange.rename(
                "CostCenter",
                "2045",
                COST,
                "key-alias",
                "an old or misspelt name of '" + COST + "'"));
    assertThat(outcome.fix().after()).containsEntry(COST, "2045").doesNotContainKey("CostCenter");
    assertThat(outcome.skipped()).isEmpty();
  }

  @Test
  void renamesAKeyInAnotherCase() {
    FixPlanner.Outcome outcome =
        planner()
            .plan(resource("Anycompany:Workload:Environment", "dev", COST, "2045", OWNER, "x"));
    assertThat(outcome.fix().changes())
        .extracting(TagChange::action, TagChange::newKey)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TagChange.Action.RENAME, ENV));
    assertThat(outcome.fix().changes().get(0).rule()).isEqualTo("key-case-mismatch");
  }

  @Test
  void removesADuplicateWhenTheDictionaryKeyHoldsTheSameValue() {
    FixPlanner.Outcome outcome =
        planner().plan(resource(ENV, "dev", COST, "2045", "CostCenter", "2045", OWNER, "x"));
    assertThat(outcome.fix().changes())
        .extracting(TagChange::action, TagChange::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TagChange.Action.REMOVE, "CostCenter"));
    assertThat(outcome.fix().toRemove()).containsExactly("CostCenter");
    assertThat(outcome.fix().toSet()).isEmpty();
  }

  @Test
  void skipsAnAliasWhenTheDictionaryKeyHoldsAnotherValue() {
    FixPlanner.Outcome outcome =
        planner().plan(resource(ENV, "dev", COST, "2045", "CostCenter", "3000", OWNER, "x"));
    assertThat(outcome.fix()).isNull();
    assertThat(outcome.skipped())
        .extracting(SkippedFix::key, SkippedFix::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CostCenter", "key-alias"));
    assertThat(outcome.skipped().get(0).reason()).contains("already there with another value");
  }

  @Test
  void skipsEveryAliasWhenSeveralStandForOneKey() {
    FixPlanner.Outcome outcome =
        planner().plan(resource("Environment", "dev", "env", "test", COST, "2045", OWNER, "x"));
    assertThat(outcome.fix()).isNull();
    assertThat(outcome.skipped())
        .extracting(SkippedFix::key)
        .containsExactlyInAnyOrder("Environment", "env");
    assertThat(outcome.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("several tags"));
  }

  @Test
  void setsTheAllowedCaseOfAValue() {
    FixPlanner.Outcome outcome =
        planner().plan(resource(ENV, "Production", COST, "2045", OWNER, "x"));
    assertThat(outcome.fix().changes())
        .containsExactly(
            TagChange.setValue(
                ENV,
                "Production",
                "production",
                "value-case-mismatch",
                "the allowed value is spelt 'production'"));
  }

  @Test
  void trimsWhiteSpaceThenFixesTheCaseOfARenamedKey() {
    FixPlanner.Outcome outcome =
        planner().plan(resource("env", " Test ", COST, "2045", OWNER, "x"));
    assertThat(outcome.fix().changes())
        .extracting(TagChange::action, TagChange::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TagChange.Action.RENAME, "key-alias"),
            org.assertj.core.groups.Tuple.tuple(TagChange.Action.SET_VALUE, "whitespace"),
            org.assertj.core.groups.Tuple.tuple(TagChange.Action.SET_VALUE, "value-case-mismatch"));
    assertThat(outcome.fix().after()).containsEntry(ENV, "test").doesNotContainKey("env");
  }

  @Test
  void trimsAPatternValue() {
    FixPlanner.Outcome outcome = planner().plan(resource(ENV, "dev", COST, "2045 ", OWNER, "x"));
    assertThat(outcome.fix().after()).containsEntry(COST, "2045");
  }

  @Test
  void addsAMissingKeyFromSetOrTheDictionaryDefaultAndNeverInventsOne() {
    FixPlanner.Outcome withSet = planner().plan(resource(COST, "2045"));
    assertThat(withSet.fix().toSet()).containsEntry(OWNER, "team-a").containsEntry(ENV, "dev");
    assertThat(withSet.fix().changes())
        .extracting(TagChange::reason)
        .containsExactlyInAnyOrder("given with --set", "the dictionary's default");

    FixPlanner.Outcome without = planner(YAML, Map.of()).plan(resource(COST, "2045"));
    assertThat(without.fix().toSet()).containsOnlyKeys(ENV);
    assertThat(without.skipped())
        .extracting(SkippedFix::key, SkippedFix::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(OWNER, "missing-mandatory-tag"));
  }

  @Test
  void leavesACompliantResourceAlone() {
    FixPlanner.Outcome outcome = planner().plan(COMPLIANT_BUT);
    assertThat(outcome.fix()).isNull();
    assertThat(outcome.skipped()).isEmpty();
  }

  @Test
  void neverAddsATagThatWouldPassFiftyUserTags() {
    Map<String, String> tags = new HashMap<>();
    for (int i = 0; i < 49; i++) {
      tags.put("anycompany:extra:k" + i, "v");
    }
    tags.put(COST, "2045");
    Resource full =
        Resource.of(ARN, "111122223333", "eu-west-1", "ec2:instance", Source.TAGGING_API, tags);
    FixPlanner.Outcome outcome = planner().plan(full);
    assertThat(outcome.fix()).isNull();
    assertThat(outcome.skipped()).extracting(SkippedFix::key).contains(ENV, OWNER);
    assertThat(outcome.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("50"));
  }

  @Test
  void fixesNothingARuleSwitchedOffWouldReport() {
    String off = YAML + "rules:\n  key-alias: off\n";
    FixPlanner.Outcome outcome =
        planner(off, Map.of()).plan(resource(ENV, "dev", "CostCenter", "2045", OWNER, "x"));
    assertThat(outcome.fix()).isNull();
  }

  @Test
  void refusesASetValueTheKeyWouldNotAccept() {
    assertThatThrownBy(() -> planner(YAML, Map.of(ENV, "staging", "nope", "x")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--set 'anycompany:workload:environment=staging'")
        .hasMessageContaining("'nope' is not a key of the dictionary");
  }
}
