package io.tagscan.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnSetTest {

  @Test
  void addsEachArnOnceAndKeepsThemAllAcrossGrowth() {
    ArnSet set = new ArnSet();
    for (int i = 0; i < 100_000; i++) {
      assertThat(set.add("arn:aws:ec2:us-east-1:111122223333:instance/i-" + i)).isTrue();
    }
    for (int i = 0; i < 100_000; i++) {
      assertThat(set.add("arn:aws:ec2:us-east-1:111122223333:instance/i-" + i)).isFalse();
    }

    assertThat(set.size()).isEqualTo(100_000);
  }
}
