package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.Severity;
import io.tagscan.model.UsageException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportOptionsTest {

  @Test
  void refusesSeveralFormatsWithoutAnOutputDirectory() {
    assertThatThrownBy(
            () ->
                new ReportOptions(
                    EnumSet.of(ReportFormat.JSON, ReportFormat.TABLE), null, null, null, 10, false))
        .isInstanceOf(UsageException.class)
        .hasMessage("several formats need -o DIR; choose one format or give an output directory");
  }

  @Test
  void sendsTheOneFormatToStdoutWithoutAnOutputDirectory() {
    ReportOptions options =
        new ReportOptions(Set.of(ReportFormat.CSV), null, null, Severity.ERROR, 10, false);

    assertThat(options.toStdout(ReportFormat.CSV)).isTrue();
    assertThat(options.file(ReportFormat.CSV)).isNull();
    assertThat(options.csvLayout()).isEqualTo(CsvLayout.FINDINGS);
  }

  @Test
  void sendsFilesToTheDirectoryAndTheTableToStdout() {
    Path dir = Path.of("out");
    ReportOptions options =
        new ReportOptions(
            EnumSet.allOf(ReportFormat.class), dir, CsvLayout.RESOURCES, null, 10, false);

    assertThat(options.toStdout(ReportFormat.TABLE)).isTrue();
    assertThat(options.file(ReportFormat.TABLE)).isNull();
    assertThat(options.toStdout(ReportFormat.JSON)).isFalse();
    assertThat(options.file(ReportFormat.JSON)).isEqualTo(dir.resolve("tagscan-report.json"));
    assertThat(options.file(ReportFormat.CSV)).isEqualTo(dir.resolve("tagscan-resources.csv"));
  }

  @Test
  void refusesANegativeTableLimit() {
    assertThatThrownBy(
            () -> new ReportOptions(Set.of(ReportFormat.TABLE), null, null, null, -1, false))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void keepsItsOwnOrderedCopyOfTheFormats() {
    EnumSet<ReportFormat> formats = EnumSet.of(ReportFormat.TABLE, ReportFormat.JSON);
    ReportOptions options = new ReportOptions(formats, Path.of("out"), null, null, 10, false);
    formats.add(ReportFormat.CSV);

    assertThat(options.formats()).containsExactly(ReportFormat.JSON, ReportFormat.TABLE);
    assertThatThrownBy(() -> options.formats().add(ReportFormat.CSV))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
