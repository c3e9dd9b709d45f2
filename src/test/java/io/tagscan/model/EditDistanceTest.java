package io.tagscan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

  @ParameterizedTest
  @CsvSource({
    "production,production,0",
    "prodution,production,1",
    "prodcution,production,2",
    "prod,production,3",
    "dev,test,3",
    "'',qa,2",
    "stagign,staging,2"
  })
  void measuresEditsUpToTheLimit(String a, String b, int distance) {
    assertThat(EditDistance.atMost(a, b, 2)).isEqualTo(distance);
  }
}
