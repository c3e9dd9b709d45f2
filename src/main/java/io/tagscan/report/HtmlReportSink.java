package io.tagscan.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page for people: the scan's status and figures, compliance by account and
 * by business unit and coverage of each key as bars, errors up front, and a table of findings that
 * a small inline script filters by text, severity and rule.
 *
 * <p>The page is rendered in order from the jte templates in {@code src/main/jte}, compiled to
 * classes at build time with HTML content type, so every {@code ${…}} is escaped for where it
 * lands; user-supplied strings appear only as element text, attributes carry only slugs tagscan
 * defines. The page loads nothing: the stylesheet and script ({@code report.css}, {@code
 * report.js}) are inlined, and a Content-Security-Policy forbids every fetch and every script but
 * that one, by its hash. The figures come from the {@link Summary}; the findings table streams one
 * resource at a time and stops at {@link #MAX_ROWS} findings, so a scan of millions of resources
 * still gives a page a browser opens.
 */
final class HtmlReportSink implements ReportSink {

  static final int MAX_ROWS = 20_000;
  static final int MAX_ACCOUNTS = 500;
  static final int MAX_ERRORS = 1_000;

  static final String SCRIPT = resource("report.js");
  private static final String STYLE = resource("report.css");
  private static final String SCRIPT_HASH = hash(SCRIPT);

  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, HtmlReportSink.class.getClassLoader(), "io.tagscan.report");

  private final Writer out;
  private final WriterOutput output;
  private final int maxRows;
  private long rows;
  private long hiddenRows;
  // With a billing export that priced any resource, the findings table has a cost column.
  private boolean priced;

  HtmlReportSink(Writer out) {
    this(out, MAX_ROWS);
  }

  HtmlReportSink(Writer out, int maxRows) {
    this.out = out;
    this.output = new WriterOutput(out);
    this.maxRows = maxRows;
  }

  /** The Content-Security-Policy hash source of the inline script. */
  static String scriptHash() {
    return SCRIPT_HASH;
  }

  @Override
  public void begin(ReportContext context) throws IOException {
    priced = context.priced();
    render(
        "pageStart.jte",
        Map.of("context", context, "scriptHash", SCRIPT_HASH, "style", STYLE, "maxRows", maxRows));
  }

  @Override
  public void resource(CheckedResource checked) throws IOException {
    List<Finding> findings = checked.findings();
    if (findings.isEmpty()) {
      return;
    }
    int room = (int) Math.min(findings.size(), Math.max(0, maxRows - rows));
    rows += room;
    hiddenRows += findings.size() - room;
    if (room > 0) {
      render(
          "findingRows.jte",
          Map.of(
              "resource",
              checked.resource(),
              "findings",
              findings.subList(0, room),
              "priced",
              priced,
              "cost",
              java.util.Optional.ofNullable(checked.cost())));
    }
  }

  @Override
  public void end() throws IOException {
    render("pageEnd.jte", Map.of("hiddenRows", hiddenRows, "script", SCRIPT));
    out.flush();
  }

  private void render(String template, Map<String, Object> parameters) throws IOException {
    try {
      TEMPLATES.render(template, parameters, output);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportSink.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks io/tagscan/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
