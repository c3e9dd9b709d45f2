package io.tagscan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardTest {

  private static List<String> accounts(int count, long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L)));
    }
    return ids;
  }

  @Test
  void putsEveryAccountInExactlyOnePart() {
    for (int parts = 1; parts <= 7; parts++) {
      for (String id : accounts(500, parts)) {
        int holders = 0;
        for (int k = 1; k <= parts; k++) {
          if (new Shard(k, parts).holds(id)) {
            holders++;
          }
        }
        assertThat(holders).as("parts holding %s of %d", id, parts).isEqualTo(1);
      }
    }
  }

  @Test
  void spreadsAccountsOverTheParts() {
    int[] sizes = new int[4];
    for (String id : accounts(4000, 42)) {
      sizes[Shard.partOf(id, 4) - 1]++;
    }
    for (int size : sizes) {
      assertThat(size).isBetween(850, 1150);
    }
  }

  @Test
  void keepsEachAccountInItsPartWhenOthersAreAddedOrReordered() {
    List<String> before = accounts(200, 7);
    List<Integer> parts = before.stream().map(id -> Shard.partOf(id, 5)).toList();
    List<String> after = new ArrayList<>(accounts(300, 8));
    after.addAll(before);
    java.util.Collections.reverse(after);
    for (int i = 0; i < before.size(); i++) {
      assertThat(Shard.partOf(before.get(i), 5)).isEqualTo(parts.get(i));
    }
    assertThat(after).containsAll(before);
  }

  @Test
  void readsKOfN() {
    assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
    assertThat(Shard.parse(" 1/1 ").toString()).isEqualTo("1/1");
  }

  @Test
  void refusesWhatIsNotAPart() {
    for (String bad : List.of("0/3", "4/3", "1/0", "a/b", "1", "1/2/3", "-1/2", "1/100000")) {
      assertThatThrownBy(() -> Shard.parse(bad))
          .as(bad)
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("--shard");
    }
  }
}
