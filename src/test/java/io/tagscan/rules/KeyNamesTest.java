package io.tagscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyNamesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CostCenter|cost-center",
        "BusinessUnit|business-unit",
        "cost_center|cost-center",
        "Cost Center|cost-center",
        "cost.center|cost-center",
        "cost__center|cost-center",
        "Finance:CostCenter|finance:cost-center",
        "anycompany: finance :cost-center|anycompany:finance:cost-center",
        "_leading|leading",
        "HTTPServer|http-server",
        "ec2Instance|ec2-instance",
        "EC2Instance|ec2-instance",
        "K8S|k8s",
        "ID|id",
        "kubernetes.io/cluster|kubernetes-io/cluster"
      })
  void normalisesTheWaysPeopleSpellKeys(String key, String normalised) {
    assertThat(KeyNames.normalise(key)).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "costCenter|true",
        "CostCenter|true",
        "K8S|false",
        "cost-center|false",
        "Name|false"
      })
  void findsCamelCaseBoundaries(String key, boolean camel) {
    assertThat(KeyNames.hasCamelBoundary(key)).isEqualTo(camel);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"costCenter|_|COST_CENTER", "Team Lead|''|TEAMLEAD"})
  void joinsWordsWithAnySeparatorInUpperCase(String key, String separator, String spelled) {
    assertThat(KeyNames.words(key, separator, true)).isEqualTo(spelled);
  }
}
