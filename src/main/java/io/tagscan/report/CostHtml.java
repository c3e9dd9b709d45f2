package io.tagscan.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import io.tagscan.cost.CostReport;
import io.tagscan.cost.SpendRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The cost report as one self-contained HTML page from {@code costPage.jte}, with the scan report's
 * stylesheet and bars: untagged and invalid share per key, the cost allocation tag findings and the
 * invalid values with their fixes, and the same from a FOCUS export with its spend of rows with no
 * {@code ResourceId}. It runs no script, and its policy allows none.
 */
final class CostHtml {

  /** Values of each key charted by spend, the costliest first. */
  static final int MAX_VALUES = 10;

  /** Invalid values listed on the page, the costliest first. */
  static final int MAX_INVALID = 5_000;

  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, CostHtml.class.getClassLoader(), "io.tagscan.report");

  private CostHtml() {}

  static void write(CostReport report, Writer out) throws IOException {
    List<SpendRow> invalid = CostText.invalid(report);
    List<SpendRow> focusInvalid =
        report.focus() == null ? List.of() : CostText.invalid(report.focus().keys());
    try {
      TEMPLATES.render(
          "costPage.jte",
          Map.of(
              "report",
              report,
              "style",
              style(),
              "invalid",
              invalid.subList(0, Math.min(MAX_INVALID, invalid.size())),
              "focusInvalid",
              focusInvalid.subList(0, Math.min(MAX_INVALID, focusInvalid.size()))),
          new WriterOutput(out));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  private static String style() {
    try (InputStream in = CostHtml.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks io/tagscan/report/report.css");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
