package io.tagscan.report;

import io.tagscan.model.SourceLocation;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every report format tagscan writes, by its slug: the registry the command line and its help text
 * read, and the factory of each format's writer.
 */
public enum ReportFormat {
  JSON("json", true, JsonReportSink::new, JsonReportSink::new),
  CSV("csv", true, CsvReportSink::new),
  JUNIT("junit", true, JunitReportSink::new),
  MARKDOWN("markdown", false, MarkdownReportSink::new),
  HTML("html", true, HtmlReportSink::new),
  SARIF("sarif", true, SarifReportSink::new),
  TABLE("table", false, TableReportSink::new);

  private final String slug;
  private final boolean streamsResources;

  @SuppressWarnings("ImmutableEnumChecker") // constructor references, which hold no state
  private final Function<Writer, ReportSink> sinkFactory;

  @SuppressWarnings("ImmutableEnumChecker") // likewise
  private final Function<OutputStream, ReportSink> byteSinkFactory;

  ReportFormat(String slug, boolean streamsResources, Function<Writer, ReportSink> sinkFactory) {
    this(slug, streamsResources, sinkFactory, null);
  }

  ReportFormat(
      String slug,
      boolean streamsResources,
      Function<Writer, ReportSink> sinkFactory,
      Function<OutputStream, ReportSink> byteSinkFactory) {
    this.slug = slug;
    this.streamsResources = streamsResources;
    this.sinkFactory = sinkFactory;
    this.byteSinkFactory = byteSinkFactory;
  }

  /** The name used on the command line, such as {@code junit}. */
  public String slug() {
    return slug;
  }

  /** Parses a slug such as {@code markdown}; returns null for anything else. */
  public static ReportFormat fromSlug(String slug) {
    for (ReportFormat format : values()) {
      if (format.slug.equals(slug)) {
        return format;
      }
    }
    return null;
  }

  /** Every slug in declaration order, for help text and error messages. */
  public static List<String> slugs() {
    return java.util.Arrays.stream(values()).map(ReportFormat::slug).toList();
  }

  /**
   * The file this format is written to inside the output directory, or null for {@link #TABLE},
   * which only ever goes to the terminal.
   */
  public String fileName(CsvLayout layout) {
    return switch (this) {
      case JSON -> "tagscan-report.json";
      case CSV ->
          Objects.requireNonNull(layout, "layout") == CsvLayout.RESOURCES
              ? "tagscan-resources.csv"
              : "tagscan-findings.csv";
      case JUNIT -> "tagscan-junit.xml";
      case MARKDOWN -> "tagscan-summary.md";
      case HTML -> "tagscan-report.html";
      case SARIF -> "tagscan-results.sarif";
      case TABLE -> null;
    };
  }

  /** True when the format needs every resource in sorted order, not only the summary. */
  boolean streamsResources() {
    return streamsResources;
  }

  /** A fresh writer of this format on {@code out}. */
  ReportSink newSink(Writer out) {
    return sinkFactory.apply(out);
  }

  /**
   * A fresh writer of this format on a file: on its UTF-8 {@code bytes} when the format encodes its
   * own text (JSON, through Jackson's byte generator), else on its {@code text}.
   */
  ReportSink newSink(Writer text, OutputStream bytes) {
    return byteSinkFactory != null ? byteSinkFactory.apply(bytes) : sinkFactory.apply(text);
  }

  /**
   * A fresh writer of this format on a file ({@code bytes} non-null) or on standard output, for
   * resources placed in files by {@code locations} (by name; null for resources read from AWS): a
   * SARIF result then points at its file, line and column, and the terminal gets one line per
   * finding, as a compiler writes them, instead of the table.
   */
  ReportSink newSink(Writer text, OutputStream bytes, Map<String, SourceLocation> locations) {
    if (locations != null && this == SARIF) {
      return new SarifReportSink(text, locations);
    }
    if (locations != null && this == TABLE) {
      return new SourceLinesSink(text, locations);
    }
    return bytes == null ? newSink(text) : newSink(text, bytes);
  }

  /** True for the formats that rank the costliest noncompliant resources (the same ten). */
  boolean ranksCostliest() {
    return this == MARKDOWN || this == HTML || this == TABLE;
  }
}
