package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Cost;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import io.tagscan.model.Suppressed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResourceCodecTest {

  private static final String HOSTILE =
      "=cmd|' /C calc'!A0 \t\r\n\u0000\u001b[31m \u007f\u0085 café 日本 \ud83d\ude80 \u202e";

  @Test
  void roundTripsEveryFieldExactly() {
    List<Finding> findings = new ArrayList<>();
    int i = 0;
    for (RuleId rule : RuleId.values()) {
      findings.add(
          new Finding(
              rule,
              Severity.values()[i++ % 3],
              HOSTILE,
              i % 2 == 0 ? null : "",
              null,
              "fix " + i,
              "message " + HOSTILE));
    }
    for (Source source : Source.values()) {
      CheckedResource original =
          new CheckedResource(
              Resource.of(
                  "arn:aws:s3:::" + HOSTILE,
                  "",
                  "",
                  "s3:bucket",
                  source,
                  Map.of(HOSTILE, HOSTILE, "empty", "", "k", "v")),
              findings);

      assertThat(ResourceCodec.decode(ResourceCodec.encode(original))).isEqualTo(original);
    }
  }

  @Test
  void keepsTheCostDigitForDigitAndItsAbsence() {
    Resource resource =
        Resource.of("arn:aws:s3:::a", "", "", "s3:bucket", Source.TAGGING_API, Map.of());
    CheckedResource priced =
        new CheckedResource(resource, List.of())
            .withCost(new Cost(new BigDecimal("-12.340000000001"), HOSTILE));
    CheckedResource unpriced = new CheckedResource(resource, List.of());

    CheckedResource decoded = ResourceCodec.decode(ResourceCodec.encode(priced));

    assertThat(decoded).isEqualTo(priced);
    assertThat(decoded.cost().amountText()).isEqualTo("-12.340000000001");
    assertThat(ResourceCodec.decode(ResourceCodec.encode(unpriced)).cost()).isNull();
  }

  @Test
  void keepsEveryWaivedFindingWithItsExemption() {
    Finding waived =
        new Finding(RuleId.UNDECLARED_KEY, Severity.WARNING, HOSTILE, HOSTILE, null, null, "m");
    CheckedResource original =
        new CheckedResource(
            Resource.of("arn:aws:s3:::a", "", "", "s3:bucket", Source.TAGGING_API, Map.of()),
            List.of(),
            true,
            List.of(
                new Suppressed(waived, "reason " + HOSTILE, "exemptions.yaml:3"),
                new Suppressed(waived, "another", "")));

    CheckedResource decoded = ResourceCodec.decode(ResourceCodec.encode(original));

    assertThat(decoded).isEqualTo(original);
    assertThat(decoded.waived()).isEqualTo(2);
  }

  @Test
  void roundTripsStringsLongerThan64KilobytesAndUnpairedSurrogates() {
    String huge = "x€\ud83d\ude80".repeat(40_000);
    String broken = "lone \ud800 high, lone \udc00 low, reversed \udc00\ud800, end \ud83d";
    // The JDK's encoder writes '?' for a lone surrogate: a real '?' must survive beside one.
    String asked = "why? \ud800? \u00e9?";
    TreeMap<String, String> tags =
        new TreeMap<>(Map.of("huge", huge, "broken", broken, "asked?", asked, "plain", "a?b"));
    CheckedResource original =
        new CheckedResource(
            new Resource("arn:" + broken, "1", "r", "t:t", Source.TAGGING_API, tags),
            List.of(
                new Finding(RuleId.TAG_LIMIT, Severity.ERROR, "huge", huge, broken, null, broken)));

    byte[] bytes = ResourceCodec.encode(original);

    assertThat(ResourceCodec.decode(bytes)).isEqualTo(original);
  }

  @Test
  void keepsEveryTagKeyApartFromKeysItRemembers() {
    // Keys of the same length, first, middle and last characters (so the same slot); more distinct
    // keys than a thread remembers; keys that change place; a key too long to remember.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 3_000; i++) {
        Map<String, String> tags = new TreeMap<>();
        tags.put(i % 2 == 0 ? "aXbYc" : "aZbWc", "v" + i);
        tags.put(i % 3 == 0 ? "Aa" : "BB", "v" + i);
        tags.put("key-" + i + (i % 3 == 0 ? "\ud800?" : ""), "value");
        tags.put("shared", "x");
        if (i % 7 == 0) {
          for (int t = 0; t < 70; t++) {
            tags.put("t" + ((t + i) % 70), "v");
          }
          tags.put("long-" + "k".repeat(600 + i % 2), "v");
        }
        CheckedResource original =
            new CheckedResource(
                Resource.of("arn:aws:s3:::b" + i, "", "", "s3:bucket", Source.TAGGING_API, tags),
                List.of());

        assertThat(ResourceCodec.decode(ResourceCodec.encode(original)))
            .as("round %d, resource %d", round, i)
            .isEqualTo(original);
      }
    }
  }

  @Test
  void keepsALoneSurrogateAtEveryPositionOfAWord() {
    for (int length = 1; length <= 24; length++) {
      for (int at = 0; at < length; at++) {
        StringBuilder text = new StringBuilder("x".repeat(length));
        text.setCharAt(at, '\udc01');
        Resource resource =
            Resource.of(
                "arn:aws:s3:::" + text,
                "",
                "",
                "s3:bucket",
                Source.TAGGING_API,
                Map.of("k", text.toString()));
        CheckedResource original = new CheckedResource(resource, List.of());

        assertThat(ResourceCodec.decode(ResourceCodec.encode(original)))
            .as("length %d, surrogate at %d", length, at)
            .isEqualTo(original);
      }
    }
  }

  @Test
  void startsEveryRecordWithItsSortKeyAccountRegionAndArnEachEndedByNul() {
    CheckedResource resource =
        new CheckedResource(
            Resource.of(
                "arn:aws:ec2:eu-west-1:111122223333:instance/i-1",
                "111122223333",
                "eu-west-1",
                "ec2:instance",
                Source.TAGGING_API,
                Map.of("owner", "team")),
            List.of());

    byte[] bytes = ResourceCodec.encode(resource);

    String key = "111122223333\0eu-west-1\0arn:aws:ec2:eu-west-1:111122223333:instance/i-1\0";
    assertThat(ResourceCodec.keyLength(bytes)).isEqualTo(key.length());
    assertThat(
            new String(
                bytes,
                ResourceCodec.KEY_START,
                key.length(),
                java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(key);
  }

  @Test
  void readsBackAccountsAndRegionsThatHoldNulOrAreEmpty() {
    CheckedResource odd =
        new CheckedResource(
            new Resource(
                "arn:\0x\0", "1\0", "", "t:t", Source.TAGGING_API, new TreeMap<>(Map.of())),
            List.of());

    assertThat(ResourceCodec.decode(ResourceCodec.encode(odd))).isEqualTo(odd);
  }

  @Test
  void writesAsciiOneBytePerCharacter() {
    String arn = "arn:aws:ec2:eu-west-1:111122223333:instance/i-1";
    CheckedResource small =
        new CheckedResource(
            Resource.of(
                arn,
                "111122223333",
                "eu-west-1",
                "ec2:instance",
                Source.TAGGING_API,
                Map.of("owner", "team")),
            List.of());

    int strings =
        "111122223333".length()
            + "eu-west-1".length()
            + arn.length()
            + "ec2:instance".length()
            + "owner".length()
            + "team".length();
    // The sort key has a 4-byte length, a NUL after each of its three strings and the 4-byte
    // lengths of the account and region; every other string has a 4-byte length; then a source
    // byte, a tags-known byte, the 4-byte count of waived findings and two 4-byte counts.
    assertThat(ResourceCodec.encode(small))
        .hasSize(strings + 4 + 3 + 2 * 4 + 3 * 4 + 1 + 1 + 4 + 2 * 4);
  }

  @Test
  void keepsWhetherTheTagsWereKnown() {
    CheckedResource account =
        CheckedResource.unjudged(
            Resource.of(
                "arn:aws:organizations::111122223333:account/111122223333",
                "111122223333",
                "",
                "organizations:account",
                Source.ORGANIZATIONS,
                Map.of()));

    assertThat(ResourceCodec.decode(ResourceCodec.encode(account))).isEqualTo(account);
    assertThat(ResourceCodec.decode(ResourceCodec.encode(account)).tagsKnown()).isFalse();
  }
}
