package io.tagscan.controls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker itself catches what it is there to catch, so a passing export means something. */
class TagPolicySyntaxTest {

  @Test
  void acceptsTheExampleOfTheAwsDocumentation() {
    assertThat(
            TagPolicySyntax.problems(
                "{\"tags\": {\"costcenter\": {\"tag_key\": {\"@@assign\": \"CostCenter\"},"
                    + " \"tag_value\": {\"@@assign\": [\"100\", \"300*\"]},"
                    + " \"enforced_for\": {\"@@assign\": [\"secretsmanager:ALL_SUPPORTED\"]}}}}"))
        .isEmpty();
  }

  @Test
  void rejectsUnknownOperatorsTwoWildcardsAndOversizedPolicies() {
    assertThat(
            TagPolicySyntax.problems(
                "{\"tags\": {\"a\": {\"tag_key\": {\"@@set\": \"A\"},"
                    + " \"tag_value\": {\"@@assign\": [\"*@*.com\"]}}}}"))
        .anyMatch(p -> p.contains("not an operator"))
        .anyMatch(p -> p.contains("more than one '*'"));
    String big = "x".repeat(10_001);
    assertThat(
            TagPolicySyntax.problems(
                "{\"tags\": {\"a\": {\"tag_key\": {\"@@assign\": \"" + big + "\"}}}}"))
        .anyMatch(p -> p.contains("quota"));
  }
}
