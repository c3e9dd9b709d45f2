package io.tagscan.report;

import static io.tagscan.report.Fixtures.CLASSIFICATION;
import static io.tagscan.report.Fixtures.ENVIRONMENT;
import static io.tagscan.report.Fixtures.OWNER;
import static io.tagscan.report.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import io.tagscan.model.Suppressed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryBuilderTest {

  private final SummaryBuilder builder = new SummaryBuilder(Fixtures.dictionary());

  private static CheckedResource of(
      String account,
      String type,
      Source source,
      Map<String, String> tags,
      io.tagscan.model.Finding... findings) {
    return new CheckedResource(
        Resource.of("arn:aws:x:::" + type + tags, account, "eu-west-1", type, source, tags),
        List.of(findings));
  }

  @Test
  void countsResourcesAndFindingsBySeverityRuleAndAccount() {
    builder.add(
        of(
            "111",
            "ec2:instance",
            Source.TAGGING_API,
            Map.of(OWNER, "a"),
            finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, ENVIRONMENT),
            finding(RuleId.KEY_ALIAS, Severity.WARNING, "Owner")));
    builder.add(
        of(
            "111",
            "ec2:volume",
            Source.TAGGING_API,
            Map.of(OWNER, "a"),
            finding(RuleId.UNDECLARED_KEY, Severity.INFO, "x")));
    builder.add(
        of(
            "222",
            "ec2:volume",
            Source.TAGGING_API,
            Map.of(),
            finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, OWNER),
            finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, ENVIRONMENT)));

    Summary summary = builder.snapshot(List.of("333"));

    assertThat(summary.resources()).isEqualTo(3);
    assertThat(summary.compliant()).isEqualTo(1);
    assertThat(summary.noncompliant()).isEqualTo(2);
    assertThat(summary.findingsBySeverity())
        .containsExactly(
            Map.entry(Severity.ERROR, 3L),
            Map.entry(Severity.WARNING, 1L),
            Map.entry(Severity.INFO, 1L));
    assertThat(summary.findingsByRule())
        .containsExactly(
            Map.entry("key-alias", 1L),
            Map.entry("missing-mandatory-tag", 3L),
            Map.entry("undeclared-key", 1L));
    assertThat(summary.findingsAtOrAbove(Severity.ERROR)).isEqualTo(3);
    assertThat(summary.findingsAtOrAbove(Severity.WARNING)).isEqualTo(4);
    assertThat(summary.findingsAtOrAbove(Severity.INFO)).isEqualTo(5);
    assertThat(summary.findingsAtOrAbove(null)).isZero();
    assertThat(summary.resourcesAtOrAbove(Severity.ERROR)).isEqualTo(2);
    assertThat(summary.resourcesWithFindings()).isEqualTo(3);
    assertThat(summary.complianceRate()).isEqualByComparingTo("0.3333");
    assertThat(summary.findingsByAccount()).containsOnlyKeys("111", "222", "333");
    Summary.AccountFigures first = summary.findingsByAccount().get("111");
    assertThat(first.resources()).isEqualTo(2);
    assertThat(first.compliant()).isEqualTo(1);
    assertThat(first.findingsAtOrAbove(Severity.WARNING)).isEqualTo(2);
    assertThat(summary.findingsByAccount().get("333").complianceRate()).isNull();
  }

  @Test
  void addsUpTheFindingsExemptionsWaivedButNotThoseOfUnjudgedResources() {
    Resource bucket =
        Resource.of("arn:aws:s3:::a", "111", "", "s3:bucket", Source.TAGGING_API, Map.of());
    Suppressed missing =
        new Suppressed(finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, OWNER), "old", "");
    Suppressed undeclared =
        new Suppressed(finding(RuleId.UNDECLARED_KEY, Severity.WARNING, "team"), "old", "");
    builder.add(new CheckedResource(bucket, List.of(), true, List.of(missing, undeclared)));
    builder.add(
        new CheckedResource(
            Resource.of("arn:aws:s3:::b", "111", "", "s3:bucket", Source.TAGGING_API, Map.of()),
            List.of(finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, OWNER)),
            true,
            List.of(missing)));
    builder.add(CheckedResource.unjudged(bucket));

    Summary summary = builder.snapshot(List.of());
    assertThat(summary.findingsWaived()).isEqualTo(3);
    assertThat(summary.waivedByRule())
        .containsExactly(Map.entry("missing-mandatory-tag", 2L), Map.entry("undeclared-key", 1L));
  }

  @Test
  void countsAResourceWithOnlyWarningsAsCompliant() {
    builder.add(
        of(
            "111",
            "ec2:instance",
            Source.TAGGING_API,
            Map.of("Name", "web"),
            finding(RuleId.UNDECLARED_KEY, Severity.WARNING, "Name"),
            finding(RuleId.KEY_CONVENTION, Severity.WARNING, "Name")));
    builder.add(
        of(
            "111",
            "ec2:volume",
            Source.TAGGING_API,
            Map.of(),
            finding(RuleId.MISSING_MANDATORY_TAG, Severity.ERROR, OWNER)));

    Summary summary = builder.snapshot(List.of());

    assertThat(summary.compliant()).isEqualTo(1);
    assertThat(summary.noncompliant()).isEqualTo(1);
    assertThat(summary.complianceRate()).isEqualByComparingTo("0.5");
    assertThat(summary.findingsByAccount().get("111").compliant()).isEqualTo(1);
    assertThat(summary.findingsBySeverity().get(Severity.WARNING)).isEqualTo(2);
  }

  @Test
  void coversEachMandatoryOrCostKeyOnlyWhereItApplies() {
    builder.add(
        of(
            "111",
            "s3:bucket",
            Source.TAGGING_API,
            Map.of(OWNER, "a", ENVIRONMENT, "dev", CLASSIFICATION, "internal")));
    builder.add(
        of("111", "ec2:instance", Source.TAGGING_API, Map.of(OWNER, " ", ENVIRONMENT, "dev")));
    builder.add(of("222", "sagemaker:endpoint", Source.SAGEMAKER, Map.of("Owner", "a")));

    Summary summary = builder.snapshot(List.of());

    assertThat(summary.coverage())
        .containsExactly(
            new Summary.KeyCoverage(OWNER, true, true, 3, 1),
            new Summary.KeyCoverage(ENVIRONMENT, true, false, 3, 2),
            new Summary.KeyCoverage(CLASSIFICATION, true, false, 2, 1));
    assertThat(summary.coverage().get(0).rate()).isEqualByComparingTo("0.3333");
    assertThat(summary.coverageByAccount().get("222"))
        .containsExactly(
            new Summary.KeyCoverage(OWNER, true, true, 1, 0),
            new Summary.KeyCoverage(ENVIRONMENT, true, false, 1, 0),
            new Summary.KeyCoverage(CLASSIFICATION, true, false, 1, 0));
  }

  @Test
  void countsAnAccountWhoseTagsAreUnknownInNoFigure() {
    builder.add(of("111", "ec2:instance", Source.TAGGING_API, Map.of(OWNER, "a")));
    builder.add(
        CheckedResource.unjudged(
            Resource.of(
                "arn:aws:organizations::111:account/111",
                "111",
                "",
                "organizations:account",
                Source.ORGANIZATIONS,
                Map.of())));

    Summary summary = builder.snapshot(List.of("111"));

    assertThat(summary.resources()).isEqualTo(1);
    assertThat(summary.compliant() + summary.noncompliant()).isEqualTo(1);
    assertThat(summary.findingsByAccount().get("111").resources()).isEqualTo(1);
    assertThat(summary.coverage())
        .extracting(Summary.KeyCoverage::inScope)
        .allMatch(inScope -> inScope <= 1L);
  }

  @Test
  void countsAnAccountOnlyForTheKeysTheDictionaryRequiresOfAccounts() {
    builder.add(of("111", "organizations:account", Source.ORGANIZATIONS, Map.of(OWNER, "a")));

    Summary summary = builder.snapshot(List.of());

    assertThat(summary.coverage())
        .extracting(Summary.KeyCoverage::inScope)
        .containsExactly(1L, 0L, 0L);
    assertThat(summary.coverage().get(0).rate()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(summary.coverage().get(1).rate()).isNull();
  }

  @Test
  void roundsRatesHalfUpToFourDecimals() {
    assertThat(Summary.rate(2, 3)).isEqualByComparingTo("0.6667");
    assertThat(Summary.rate(1, 8)).isEqualByComparingTo("0.125");
    assertThat(Summary.rate(1, 20_000)).isEqualByComparingTo("0.0001");
    assertThat(Summary.rate(1, 20_001).toPlainString()).isEqualTo("0");
    assertThat(Summary.rate(5, 5).toPlainString()).isEqualTo("1");
    assertThat(Summary.rate(0, 0)).isNull();
  }

  private static final String UNIT = "anycompany:finance:business-unit";

  private static SummaryBuilder unitBuilder(int limit) {
    return new SummaryBuilder(
        Fixtures.dictionary(
            List.of(Fixtures.spec(OWNER, true, true), Fixtures.spec(UNIT, true, true)), List.of()),
        limit);
  }

  private static CheckedResource inUnit(String unit, boolean compliant) {
    Map<String, String> tags = unit == null ? Map.of(OWNER, "a") : Map.of(OWNER, "a", UNIT, unit);
    return compliant
        ? of("111", "ec2:volume" + unit, Source.TAGGING_API, tags)
        : of(
            "111",
            "ec2:volume" + unit,
            Source.TAGGING_API,
            tags,
            finding(RuleId.VALUE_NOT_ALLOWED, Severity.ERROR, UNIT));
  }

  @Test
  void namesTheAlphabeticallyFirstBusinessUnitsWhateverTheOrderResourcesArriveIn() {
    List<CheckedResource> resources =
        List.of(
            inUnit("gamma", true),
            inUnit("delta", false),
            inUnit("beta", true),
            inUnit("gamma", false),
            inUnit("alpha", false),
            inUnit(" ", true),
            inUnit(null, false),
            inUnit("beta", true));
    SummaryBuilder forwards = unitBuilder(2);
    resources.forEach(forwards::add);
    SummaryBuilder backwards = unitBuilder(2);
    List<CheckedResource> reversed = new java.util.ArrayList<>(resources);
    java.util.Collections.reverse(reversed);
    reversed.forEach(backwards::add);

    Summary.BusinessUnits units = forwards.snapshot(List.of()).businessUnits();
    assertThat(units.key()).isEqualTo(UNIT);
    assertThat(units.limit()).isEqualTo(2);
    assertThat(units.named())
        .containsExactly(
            Map.entry("alpha", new Summary.Group(1, 0)),
            Map.entry("beta", new Summary.Group(2, 2)));
    assertThat(units.other()).isEqualTo(new Summary.Group(3, 1));
    assertThat(units.untagged()).isEqualTo(new Summary.Group(2, 1));
    assertThat(backwards.snapshot(List.of()).businessUnits()).isEqualTo(units);
  }

  @Test
  void leavesBusinessUnitsOutWhenTheDictionaryNamesNoSuchKey() {
    builder.add(of("111", "ec2:volume", Source.TAGGING_API, Map.of(OWNER, "a")));

    assertThat(builder.snapshot(List.of()).businessUnits()).isNull();
  }
}
