package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

  @Test
  void looksFormatsUpByTheirSlugs() {
    assertThat(ReportFormat.slugs())
        .containsExactly("json", "csv", "junit", "markdown", "html", "sarif", "table");
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(ReportFormat.fromSlug(format.slug())).isSameAs(format);
    }
    assertThat(ReportFormat.fromSlug("htm")).isNull();
    assertThat(ReportFormat.fromSlug("JSON")).isNull();
  }

  @Test
  void namesTheFileOfEachFormat() {
    assertThat(ReportFormat.JSON.fileName(CsvLayout.FINDINGS)).isEqualTo("tagscan-report.json");
    assertThat(ReportFormat.CSV.fileName(CsvLayout.FINDINGS)).isEqualTo("tagscan-findings.csv");
    assertThat(ReportFormat.CSV.fileName(CsvLayout.RESOURCES)).isEqualTo("tagscan-resources.csv");
    assertThat(ReportFormat.JUNIT.fileName(CsvLayout.FINDINGS)).isEqualTo("tagscan-junit.xml");
    assertThat(ReportFormat.MARKDOWN.fileName(CsvLayout.FINDINGS)).isEqualTo("tagscan-summary.md");
    assertThat(ReportFormat.HTML.fileName(CsvLayout.FINDINGS)).isEqualTo("tagscan-report.html");
    assertThat(ReportFormat.SARIF.fileName(CsvLayout.FINDINGS)).isEqualTo("tagscan-results.sarif");
    assertThat(ReportFormat.TABLE.fileName(CsvLayout.FINDINGS)).isNull();
  }

  @Test
  void looksCsvLayoutsUpByTheirSlugs() {
    assertThat(CsvLayout.fromSlug("findings")).isEqualTo(CsvLayout.FINDINGS);
    assertThat(CsvLayout.fromSlug("resources")).isEqualTo(CsvLayout.RESOURCES);
    assertThat(CsvLayout.fromSlug("rows")).isNull();
  }
}
