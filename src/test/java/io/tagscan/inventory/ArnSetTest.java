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

  @Test
  void keepsApartArnsThatDifferOnlyInTheirLastCharacters() {
    // These two collided under a hash with a one-multiply step, in the million-resource benchmark.
    String first = "arn:aws:sagemaker:ap-southeast-2:100000000005:training-job/job-8c9b8";
    String second = "arn:aws:sagemaker:ap-southeast-2:100000000005:training-job/job-dc5b4";

    assertThat(ArnSet.hash(first)).isNotEqualTo(ArnSet.hash(second));
    ArnSet set = new ArnSet();
    assertThat(set.add(first)).isTrue();
    assertThat(set.add(second)).isTrue();
  }

  @Test
  void addsABatchInOrderAndSaysWhichWereNew() {
    ArnSet set = new ArnSet();
    set.add("arn:aws:s3:::a");
    long[] hashes = {
      ArnSet.hash("arn:aws:s3:::b"), ArnSet.hash("arn:aws:s3:::a"), ArnSet.hash("arn:aws:s3:::b")
    };
    boolean[] added = new boolean[3];

    set.addAll(hashes, 3, added);

    assertThat(added).containsExactly(true, false, false);
    assertThat(set.size()).isEqualTo(2);
  }
}
