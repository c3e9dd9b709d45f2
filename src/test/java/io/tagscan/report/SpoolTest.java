package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Resource;
import io.tagscan.model.Source;
import io.tagscan.report.SortedRuns.Chain;
import io.tagscan.report.SortedRuns.Entry;
import io.tagscan.report.SortedRuns.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

  private static final Comparator<CheckedResource> BY_ACCOUNT_REGION_ARN =
      Comparator.comparing((CheckedResource c) -> c.resource().accountId())
          .thenComparing(c -> c.resource().region())
          .thenComparing(c -> c.resource().arn());

  @TempDir Path dir;

  private static CheckedResource resource(String account, String region, String id, String tag) {
    return new CheckedResource(
        Resource.of(
            "arn:aws:ec2:" + region + ":" + account + ":instance/" + id,
            account,
            region,
            "ec2:instance",
            Source.TAGGING_API,
            Map.of("tag", tag)),
        List.of());
  }

  /** Every account × region × id, in order: accounts and regions of different lengths too. */
  private static List<CheckedResource> inOrder(List<String> accounts, int perPair) {
    List<CheckedResource> resources = new ArrayList<>();
    for (String account : accounts) {
      for (String region : List.of("eu-central-1", "eu-west-1", "us-east-1")) {
        for (int i = 0; i < perPair; i++) {
          resources.add(resource(account, region, String.format("i-%04d", i), "t" + i));
        }
      }
    }
    resources.sort(BY_ACCOUNT_REGION_ARN);
    return resources;
  }

  private record Result(List<CheckedResource> resources, int sources, long filesLeft) {}

  private Result spool(List<CheckedResource> arrivals, int runEntries, int fanIn)
      throws IOException {
    TempFiles temp = new TempFiles();
    Spool spool = new Spool(dir, temp, runEntries, Long.MAX_VALUE, fanIn);
    for (CheckedResource resource : arrivals) {
      spool.add(ResourceCodec.encode(resource));
    }
    List<CheckedResource> out = new ArrayList<>();
    int sources;
    try (SortedRuns.Merge merge = spool.sorted()) {
      sources = merge.sources();
      for (CheckedResource next = merge.nextResource(); next != null; next = merge.nextResource()) {
        out.add(next);
      }
    }
    temp.closeAndDeleteAll();
    long left;
    try (Stream<Path> files = Files.list(dir)) {
      left = files.count();
    }
    return new Result(out, sources, left);
  }

  @Test
  void sortsInputInNoOrderByAccountRegionAndArn() throws IOException {
    List<CheckedResource> sorted = inOrder(List.of("111111111111", "222222222222"), 20);
    List<CheckedResource> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new Random(7));

    Result result = spool(shuffled, 9, 64);

    assertThat(result.resources()).containsExactlyElementsOf(sorted);
    assertThat(result.sources()).isGreaterThan(1);
    assertThat(result.filesLeft()).isZero();
  }

  @Test
  void mergesInputAlreadyInOrderFromOneSource() throws IOException {
    List<CheckedResource> sorted = inOrder(List.of("111111111111", "222222222222"), 20);

    Result result = spool(sorted, 9, 64);

    assertThat(result.resources()).containsExactlyElementsOf(sorted);
    assertThat(result.sources()).isEqualTo(1);
  }

  @Test
  void chainsTheRunsOfEachAccountWhenAccountsArriveOutOfOrder() throws IOException {
    // Each account's resources in order, the accounts backwards: 3 regions × 10 = 30 resources an
    // account, six runs of 5 each.
    List<CheckedResource> arrivals = new ArrayList<>();
    for (String account : List.of("333333333333", "222222222222", "111111111111")) {
      arrivals.addAll(inOrder(List.of(account), 10));
    }

    Result result = spool(arrivals, 5, 64);

    assertThat(result.resources())
        .containsExactlyElementsOf(
            inOrder(List.of("111111111111", "222222222222", "333333333333"), 10));
    assertThat(result.sources()).isEqualTo(3);
  }

  @Test
  void ordersResourcesOfTheSameArnByTheirBytesWhateverTheArrivalOrder() throws IOException {
    List<CheckedResource> same = new ArrayList<>();
    for (String tag : List.of("b", "a", "c", "aa", "")) {
      same.add(resource("111111111111", "eu-west-1", "i-1", tag));
    }
    List<CheckedResource> first = spool(same, 2, 64).resources();
    Collections.reverse(same);
    List<CheckedResource> reversed = spool(same, 3, 64).resources();
    Collections.shuffle(same, new Random(3));
    List<CheckedResource> shuffled = spool(same, 100, 64).resources();

    assertThat(first).hasSize(5).containsExactlyElementsOf(reversed);
    assertThat(shuffled).containsExactlyElementsOf(first);
  }

  @Test
  void mergesMoreRunsThanTheFanInInPassesAndDeletesThem() throws IOException {
    List<CheckedResource> sorted = inOrder(List.of("111111111111", "22", ""), 15);
    List<CheckedResource> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new Random(11));

    Result result = spool(shuffled, 4, 2);

    assertThat(result.resources()).containsExactlyElementsOf(sorted);
    assertThat(result.sources()).isLessThanOrEqualTo(2);
    assertThat(result.filesLeft()).isZero();
  }

  @Test
  void ordersKeysByAccountRegionAndArnWhetherTheyDifferEarlyLateOrByLength() {
    List<CheckedResource> resources = new ArrayList<>();
    for (String account : List.of("", "1", "11", "111111111111", "111111111112", "2")) {
      for (String region : List.of("", "a", "ab", "eu-west-1", "eu-west-10")) {
        for (String id : List.of("", "x", "xy", "0123456789abcdef", "0123456789abcdeg")) {
          resources.add(resource(account, region, id, ""));
        }
      }
    }
    List<CheckedResource> expected = new ArrayList<>(resources);
    expected.sort(BY_ACCOUNT_REGION_ARN);
    List<Entry> entries = new ArrayList<>();
    for (CheckedResource resource : resources) {
      entries.add(new Entry(ResourceCodec.encode(resource)));
    }
    Collections.shuffle(entries, new Random(5));

    entries.sort(SortedRuns.ORDER);

    assertThat(entries).extracting(Entry::decode).containsExactlyElementsOf(expected);
  }

  private static Entry entry(String arn) {
    return new Entry(ResourceCodec.encode(resource("1", "r", arn, "")));
  }

  private static Run run(String first, String last) {
    return Run.inMemory(List.of(entry(first), entry(last)));
  }

  @Test
  void chainsEachRunAfterTheChainEndingClosestBeforeIt() {
    Run ac = run("a", "c");
    Run df = run("d", "f");
    Run be = run("b", "e");
    Run gh = run("g", "h");
    Run ez = run("e", "z");

    List<Chain> chains = SortedRuns.chain(List.of(ac, df, be, gh, ez));

    // g..h follows d..f (ending at f) rather than b..e (ending at e); e..z then follows b..e.
    assertThat(chains)
        .extracting(chain -> chain.runs)
        .containsExactly(List.of(ac, df, gh), List.of(be, ez));
  }
}
