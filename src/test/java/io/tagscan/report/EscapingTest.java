package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscapingTest {

  /** One cell as the CSV report writes it: neutralised, then quoted by the CSV library. */
  private static String csvCell(String text) {
    StringWriter out = new StringWriter();
    try {
      CsvRowWriter rows = new CsvRowWriter(out);
      rows.row(Arrays.asList(text));
      rows.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(out.toString()).endsWith("\r\n");
    return out.toString().substring(0, out.toString().length() - 2);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '§',
      quoteCharacter = '^',
      value = {
        "=cmd|' /C calc'!A0 § '=cmd|' /C calc'!A0",
        "+1 § '+1",
        "-2+3 § '-2+3",
        "-A1 § '-A1",
        "-1. § '-1.",
        "-.5 § '-.5",
        "-1e5 § '-1e5",
        "- § '-",
        "-2 § -2",
        "-1.50 § -1.50",
        "@SUM(1) § '@SUM(1)",
        "plain § plain",
        "a=b § a=b",
        "^^ § ^^",
      })
  void neutralisesCellsASpreadsheetWouldRunAsFormulas(String cell, String expected) {
    assertThat(csvCell(cell)).isEqualTo(expected);
  }

  @Test
  void neutralisesLeadingTabAndCarriageReturnAndEscapesEveryControl() {
    assertThat(csvCell("\tx")).isEqualTo("'\\u0009x");
    assertThat(csvCell("\rx")).isEqualTo("'\\u000Dx");
    assertThat(csvCell("two\nlines")).isEqualTo("two\\u000Alines");
    assertThat(csvCell("a\u001b[31mb\u007fc\u0085d")).isEqualTo("a\\u001B[31mb\\u007Fc\\u0085d");
  }

  @Test
  void quotesCellsWithCommasAndQuotesAsRfc4180Says() {
    assertThat(csvCell("a,b")).isEqualTo("\"a,b\"");
    assertThat(csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(csvCell("=1,2")).isEqualTo("\"'=1,2\"");
    assertThat(csvCell(null)).isEmpty();
  }

  @Test
  void writesEveryCellOfARowIncludingEmptyOnesWithCrlfLineEnds() throws IOException {
    StringWriter out = new StringWriter();
    CsvRowWriter rows = new CsvRowWriter(out);
    rows.row(Arrays.asList("a b", null, "", "#x", " lead", "-1", "-1+1"));
    rows.row(Arrays.asList("1", "2"));
    rows.flush();

    assertThat(out.toString()).isEqualTo("a b,,,#x, lead,-1,'-1+1\r\n1,2\r\n");
  }

  @Test
  void showsWhatXmlForbidsAsTextAndLeavesMarkupToTheXmlWriter() {
    assertThat(Escaping.xmlText("<a href=\"x\">&</a>")).isEqualTo("<a href=\"x\">&</a>");
    assertThat(Escaping.xmlText("a\u0000b\u001bc\u007fd\u009be\uffffe\ufffef"))
        .isEqualTo("a\\u0000b\\u001Bc\\u007Fd\\u009Be\\uFFFFe\\uFFFEf");
    assertThat(Escaping.xmlText("lone \ud800 high")).isEqualTo("lone \\uD800 high");
    assertThat(Escaping.xmlText("emoji \ud83d\ude80")).isEqualTo("emoji \ud83d\ude80");
    assertThat(Escaping.xmlText("a\tb\nc\rd")).isEqualTo("a\\u0009b\\u000Ac\\u000Dd");
    assertThat(Escaping.xmlText(null)).isEmpty();
  }

  @Test
  void escapesEveryMarkdownMarkupCharacterAndNewline() {
    assertThat(Escaping.markdown("a|b`c*d_e[f]g<h>i&j\\k~l"))
        .isEqualTo("a\\|b\\`c\\*d\\_e\\[f\\]g&lt;h&gt;i&amp;j\\\\k\\~l");
    assertThat(Escaping.markdown("two\nlines")).isEqualTo("two\\\\u000Alines");
    assertThat(Escaping.markdown("rocket \ud83d\ude80")).isEqualTo("rocket \ud83d\ude80");
  }

  @Test
  void keepsTagValuesFromMentioningPeopleInMarkdown() {
    assertThat(Escaping.markdown("@platform-team")).isEqualTo("@\u200Bplatform-team");
  }

  @Test
  void escapesEveryHtmlMarkupCharacterAndShowsControlsAsText() {
    assertThat(Escaping.html("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    assertThat(Escaping.html("\"><img src=x onerror=alert(1)>"))
        .isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertThat(Escaping.html("esc\u001b[31m bell\u0007 nl\n c1\u009b rlo\u202e"))
        .isEqualTo("esc\\u001B[31m bell\\u0007 nl\\u000A c1\\u009B rlo\\u202E");
    assertThat(Escaping.html("lone \ud800 café \ud83d\ude80"))
        .isEqualTo("lone \\uD800 café \ud83d\ude80");
    assertThat(Escaping.html("javascript:alert(1)")).isEqualTo("javascript:alert(1)");
    assertThat(Escaping.html("plain")).isEqualTo("plain");
    assertThat(Escaping.html(null)).isEmpty();
  }

  @Test
  void showsControlsBidiOverridesAndLoneSurrogatesOnTheTerminalAsText() {
    assertThat(Escaping.terminal("\u001b[31mred\u001b[0m")).isEqualTo("\\u001B[31mred\\u001B[0m");
    assertThat(Escaping.terminal("a\u009bb\u202ec\u2066d")).isEqualTo("a\\u009Bb\\u202Ec\\u2066d");
    assertThat(Escaping.terminal("x\ud800y\udc00")).isEqualTo("x\\uD800y\\uDC00");
    assertThat(Escaping.terminal("café \ud83d\ude80")).isEqualTo("café \ud83d\ude80");
    assertThat(Escaping.terminal(null)).isEmpty();
  }

  @Test
  void truncatesByDisplayColumnsWithAnEllipsis() {
    assertThat(Escaping.truncate("abcdef", 4)).isEqualTo("abc…");
    assertThat(Escaping.truncate("abcd", 4)).isEqualTo("abcd");
    assertThat(Escaping.truncate("\ud83d\ude80\ud83d\ude80\ud83d\ude80", 3))
        .isEqualTo("\ud83d\ude80…");
    assertThat(Escaping.pad("ab", 4)).isEqualTo("ab  ");
  }

  @Test
  void showsEveryInvisibleCharacterAsTextInEveryFormat() {
    String hostile = "a\u202Eb\u200Bc\u200Fd\u2028e\u2029f\u2060g\u2066h\uFEFFi\u00ADj\u2065k";
    String shown =
        "a\\u202Eb\\u200Bc\\u200Fd\\u2028e\\u2029f\\u2060g\\u2066h\\uFEFFi\\u00ADj\\u2065k";

    assertThat(Escaping.visible(hostile)).isEqualTo(shown);
    assertThat(Escaping.terminal(hostile)).isEqualTo(shown);
    assertThat(csvCell(hostile)).isEqualTo(shown);
    assertThat(Escaping.html(hostile)).isEqualTo(shown);
    assertThat(Escaping.visible("tag \udb40\udc41 end")).isEqualTo("tag \\uDB40\\uDC41 end");
    assertThat(Escaping.visible("emoji \ud83d\ude80 café")).isEqualTo("emoji \ud83d\ude80 café");
  }

  @Test
  void breaksBareUrlsInMarkdownSoNoRendererLinksThem() {
    assertThat(Escaping.markdown("see https://evil.example/x and WWW.evil.example"))
        .isEqualTo("see https:\u200B//evil.example/x and WWW\u200B.evil.example");
    assertThat(Escaping.markdown("mail ops@evil.example")).isEqualTo("mail ops@\u200Bevil.example");
    assertThat(Escaping.markdown("key:value 1.5 awww.x")).isEqualTo("key:value 1.5 awww.x");
  }
}
