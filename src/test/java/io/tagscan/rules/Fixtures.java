package io.tagscan.rules;

import com.google.re2j.Pattern;
import io.tagscan.dictionary.Conventions;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Glob;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.dictionary.ValueRule;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seed article's dictionary and resources built in code, for the rule tests. */
final class Fixtures {

  static final String APP = "anycompany:workload:application-id";
  static final String ENV = "anycompany:workload:environment";
  static final String OWNER = "anycompany:finance:owner";
  static final String UNIT = "anycompany:finance:business-unit";
  static final String COST = "anycompany:finance:cost-center";
  static final String CLASSIFICATION = "anycompany:security:data-classification";
  static final String ENCRYPTION = "anycompany:automation:encryption";
  static final String NAME = "anycompany:workload:name";

  static final String EC2_ARN = "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc";
  static final String BUCKET_ARN = "arn:aws:s3:::analytics-raw";
  static final String ENDPOINT_ARN =
      "arn:aws:sagemaker:eu-west-1:111122223333:endpoint/churn-model";
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  private Fixtures() {}

  static TagSpec spec(
      String key, boolean mandatory, ValueRule values, List<String> aliases, String... appliesTo) {
    List<Glob> globs = new ArrayList<>();
    for (String glob : appliesTo) {
      globs.add(Glob.of(glob));
    }
    return new TagSpec(key, "", "", true, mandatory, values, aliases, globs, 0, 0);
  }

  static ValueRule pattern(String regex, String example) {
    return new ValueRule(List.of(), regex, Pattern.compile(regex), example);
  }

  /** The seed's twelve keys with sensible value rules. */
  static List<TagSpec> seedTags() {
    return List.of(
        spec(APP, true, ValueRule.matching("app-[0-9]{3}"), List.of()),
        spec(
            ENV,
            true,
            ValueRule.allowing(List.of("dev", "test", "production")),
            List.of("Environment", "env")),
        spec(OWNER, true, null, List.of()),
        spec(
            UNIT,
            true,
            ValueRule.allowing(List.of("Finance", "Retail", "Sales", "DevOps", "Shared")),
            List.of()),
        spec(COST, true, pattern("^\\d{4}$", "5045"), List.of()),
        spec(
            CLASSIFICATION,
            true,
            ValueRule.allowing(List.of("public", "internal", "confidential", "restricted")),
            List.of(),
            "s3:bucket",
            "sagemaker:*"),
        spec(ENCRYPTION, false, ValueRule.allowing(List.of("true", "false")), List.of()),
        spec(NAME, false, null, List.of()),
        spec("anycompany:workload:cluster", false, null, List.of()),
        spec("anycompany:workload:version", false, null, List.of()),
        spec("anycompany:operations:backup", false, null, List.of()),
        spec("anycompany:regulatory:framework", false, null, List.of()));
  }

  static Dictionary seed() {
    return dictionary(seedTags(), Dictionary.defaultSeverities());
  }

  static Dictionary dictionary(List<TagSpec> tags, Map<RuleId, Severity> severities) {
    return new Dictionary(
        1,
        "anycompany",
        Conventions.DEFAULT,
        tags,
        List.of(OWNER, UNIT),
        List.of(APP),
        severities,
        "",
        "");
  }

  static RuleEngine engine() {
    return new RuleEngine(seed(), List.of(), TODAY);
  }

  /** Tags from alternating keys and values. */
  static Map<String, String> tags(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "keys and values come in pairs: " + Arrays.toString(keysAndValues));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      tags.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return tags;
  }

  /** Every tag an EC2 instance must carry, with good values. */
  static Map<String, String> compliantTags() {
    return tags(APP, "app-001", ENV, "production", OWNER, "SecOps", UNIT, "Finance", COST, "5045");
  }

  /** The compliant tags with some replaced or added (a null value removes the key). */
  static Map<String, String> compliantWith(String... keysAndValues) {
    Map<String, String> tags = compliantTags();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] == null) {
        tags.remove(keysAndValues[i]);
      } else {
        tags.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return tags;
  }

  static Map<String, String> compliantWithout(String... keys) {
    Map<String, String> tags = compliantTags();
    for (String key : keys) {
      tags.remove(key);
    }
    return tags;
  }

  static Resource ec2(Map<String, String> tags) {
    return Resource.of(
        EC2_ARN, "111122223333", "eu-west-1", "ec2:instance", Source.TAGGING_API, tags);
  }

  static Resource resource(String arn, String type, Source source, Map<String, String> tags) {
    return Resource.of(arn, "111122223333", "eu-west-1", type, source, tags);
  }
}
