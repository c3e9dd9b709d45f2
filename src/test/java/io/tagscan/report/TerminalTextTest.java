package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void countsWideCharactersAsTwoColumnsAndMarksAsNone() {
    assertThat(TerminalText.width("abc")).isEqualTo(3);
    assertThat(TerminalText.width("本番")).isEqualTo(4);
    assertThat(TerminalText.width("데이터")).isEqualTo(6);
    assertThat(TerminalText.width("🚀x")).isEqualTo(3);
    assertThat(TerminalText.width("cafe\u0301")).isEqualTo(4);
    assertThat(TerminalText.width("a\u200Bb")).isEqualTo(2);
    assertThat(TerminalText.width("\u001b[1;31mred\u001b[0m")).isEqualTo(3);
  }

  @Test
  void padsAndCutsByDisplayWidth() {
    assertThat(TerminalText.pad("本番", 6)).isEqualTo("本番  ");
    assertThat(TerminalText.truncate("推薦モデル", 7)).isEqualTo("推薦モ…");
    assertThat(TerminalText.width(TerminalText.truncate("推薦モデル", 6))).isLessThanOrEqualTo(6);
  }

  @Test
  void shortensInTheMiddleKeepingBothEnds() {
    String arn =
        "arn:aws:logs:us-east-1:444455556666:log-group:/aws/sagemaker/Endpoints/forecast-live";
    String shortened = TerminalText.middle(arn, 40);

    assertThat(TerminalText.width(shortened)).isEqualTo(40);
    assertThat(shortened).startsWith("arn:aws:logs:").endsWith("/forecast-live").contains("…");
    assertThat(TerminalText.middle("short", 40)).isEqualTo("short");
  }

  @Test
  void wrapsAtSpacesAndBreaksOnlyWordsLongerThanALine() {
    List<String> lines =
        TerminalText.wrap(
            "set 'anycompany:workload:environment' to one of: dev, test, production",
            30,
            "fix: ",
            "     ");

    assertThat(lines)
        .containsExactly(
            "fix: set",
            "     'anycompany:workload:envi",
            "     ronment' to one of: dev,",
            "     test, production");
    assertThat(lines)
        .allSatisfy(line -> assertThat(TerminalText.width(line)).isLessThanOrEqualTo(30));
  }

  @Test
  void wrapsWideCharactersWithinTheWidth() {
    List<String> lines = TerminalText.wrap("推薦モデル学習ジョブ🚀 本番", 9, "", "");

    assertThat(String.join("", lines)).isEqualTo("推薦モデル学習ジョブ🚀本番");
    assertThat(lines)
        .allSatisfy(line -> assertThat(TerminalText.width(line)).isLessThanOrEqualTo(9));
  }
}
