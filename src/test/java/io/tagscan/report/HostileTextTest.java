package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every output fed the same hostile strings in every field (account name, ARN, keys, values,
 * expected values, fixes, messages, AWS error codes and messages, dictionary path): the {@code
 * hostile-fields} golden case. Whatever each format's own escaping, none may let an invisible
 * character, a credential from an AWS error or a value taken for personal data through.
 */
class HostileTextTest {

  private static final Path CASE = ReportGoldenTest.CASES.resolve("hostile-fields/input.json");

  /** What the input holds and no output may: controls, format characters, separators. */
  private static final List<Integer> INVISIBLE =
      List.of(0x1B, 0x0A, 0x202E, 0x200B, 0x2028, 0x2029, 0xFEFF, 0x2060, 0x2066, 0x00AD);

  /** A raw credential or a raw piece of personal data from the input. */
  private static final List<String> SECRETS =
      List.of(
          "IQoJb3JpZ2lu",
          "QXK3EXAMPLE7ZB4N",
          "5d672d79c15b",
          "john.doe@",
          "finance.lead@",
          "ops.oncall@",
          "7946 0958");

  @TempDir Path temp;

  static Stream<Arguments> outputs() {
    return Stream.of(
        Arguments.of(ReportFormat.JSON, CsvLayout.FINDINGS),
        Arguments.of(ReportFormat.CSV, CsvLayout.FINDINGS),
        Arguments.of(ReportFormat.CSV, CsvLayout.RESOURCES),
        Arguments.of(ReportFormat.JUNIT, CsvLayout.FINDINGS),
        Arguments.of(ReportFormat.MARKDOWN, CsvLayout.FINDINGS),
        Arguments.of(ReportFormat.HTML, CsvLayout.FINDINGS),
        Arguments.of(ReportFormat.SARIF, CsvLayout.FINDINGS),
        Arguments.of(ReportFormat.TABLE, CsvLayout.FINDINGS));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("outputs")
  void noInvisibleCharacterCredentialOrPersonalDataGetsThrough(
      ReportFormat format, CsvLayout layout) throws IOException {
    String output = render(format, layout, false);

    for (int c : INVISIBLE) {
      if (format == ReportFormat.MARKDOWN && c == 0x200B) {
        continue; // Markdown writes its own, checked below.
      }
      if (c == 0x0A) {
        continue; // Line breaks between records are the format's own; CSV's are checked below.
      }
      assertThat(output.codePoints().filter(cp -> cp == c).count())
          .as("U+%04X in the %s output", c, format.slug())
          .isZero();
    }
    for (String secret : SECRETS) {
      assertThat(output).as("%s output", format.slug()).doesNotContain(secret);
    }
    if (format != ReportFormat.CSV) {
      // CSV has no rows for errors; SARIF escapes the bracket's backslash once more as JSON.
      assertThat(output).containsPattern("\\[redacted\\\\{0,2}]");
    }
    assertThat(output)
        .contains(
            format == ReportFormat.MARKDOWN
                ? "j\\*\\*\\*@\u200Banycompany.com"
                : "j***@anycompany.com");
  }

  @Test
  void csvCellsAreOneLineEach() throws IOException {
    String csv = render(ReportFormat.CSV, CsvLayout.FINDINGS, false);

    assertThat(csv.split("\r\n", -1)).hasSize(1 + 8 + 1);
    assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void junitIsWellFormedXmlThatKeepsTheHostileTextAsText() throws Exception {
    String junit = render(ReportFormat.JUNIT, CsvLayout.FINDINGS, false);

    Document document =
        DocumentBuilderFactory.newDefaultInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(junit)));
    NodeList cases = document.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isPositive();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < cases.getLength(); i++) {
      names.append(((Element) cases.item(i)).getAttribute("name")).append('\n');
    }
    assertThat(names.toString()).contains("\\u202E").doesNotContain("\u202E");
  }

  @Test
  void markdownLeavesNoBareUrlOrAddressForARendererToLink() throws IOException {
    String markdown = render(ReportFormat.MARKDOWN, CsvLayout.FINDINGS, false);

    assertThat(markdown)
        .doesNotContain("://")
        .doesNotContain("www.")
        .doesNotContainPattern("@[^\u200B]")
        .contains("https:\u200B//evil.example")
        .contains("www\u200B.evil.example");
  }

  @Test
  void showPiiShowsPersonalDataButNeverCredentials() throws IOException {
    String json = render(ReportFormat.JSON, CsvLayout.FINDINGS, true);

    assertThat(json)
        .contains("\"value\":\"john.doe@anycompany.com\"")
        .contains("\"ops.oncall@anycompany.com\":\"pager\"")
        .contains("\"anycompany:finance:owner\":\"finance.lead@anycompany.com\"")
        .doesNotContain("IQoJb3JpZ2lu")
        .doesNotContain("QXK3EXAMPLE7ZB4N");
  }

  private String render(ReportFormat format, CsvLayout layout, boolean showPii) throws IOException {
    GoldenInput input = GoldenInput.read(CASE);
    Path dir = format == ReportFormat.TABLE ? null : temp.resolve(format.slug() + layout);
    ReportOptions options =
        new ReportOptions(
            Set.copyOf(EnumSet.of(format)),
            dir,
            layout,
            input.failOn(),
            input.tableLimit(),
            false,
            ReportOptions.DEFAULT_TABLE_WIDTH,
            showPii);
    StringWriter stdout = new StringWriter();
    try (ReportPipeline pipeline =
        new ReportPipeline(
            input.dictionary(), options, new PrintWriter(stdout), Fixtures.tuning(2, 64))) {
      for (Account account : input.accounts()) {
        pipeline.account(account);
      }
      for (CheckedResource resource : input.resources()) {
        pipeline.accept(resource);
      }
      pipeline.finish(input.info(), input.errors());
    }
    return dir == null
        ? stdout.toString()
        : Files.readString(options.file(format), StandardCharsets.UTF_8);
  }
}
