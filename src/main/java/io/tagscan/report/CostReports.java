package io.tagscan.report;

import io.tagscan.cost.CostReport;
import io.tagscan.model.AtomicFile;
import io.tagscan.model.EnvironmentException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The formats {@code tagscan cost} writes, by slug, each a small writer of its own. */
public enum CostReports {
  JSON("json", "json"),
  CSV("csv", "csv"),
  MARKDOWN("markdown", "md"),
  HTML("html", "html"),
  TABLE("table", "txt");

  private final String slug;
  private final String extension;

  CostReports(String slug, String extension) {
    this.slug = slug;
    this.extension = extension;
  }

  public String slug() {
    return slug;
  }

  /** The file name in {@code -o DIR}. */
  public String fileName() {
    return "tagscan-cost." + extension;
  }

  /** The format named so, in any letter case, or null. */
  public static CostReports fromSlug(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.slug.equals(wanted)).findFirst().orElse(null);
  }

  /** The slugs, for help and errors. */
  public static List<String> slugs() {
    return Arrays.stream(values()).map(CostReports::slug).toList();
  }

  /**
   * Writes the report in this format; values that look like personal data are masked unless {@code
   * showPii}; {@code width} is the terminal's, for the table.
   */
  public void write(CostReport report, boolean showPii, int width, OutputStream out)
      throws IOException {
    CostReport shown = showPii ? report : CostMask.apply(report);
    if (this == JSON) {
      CostJson.write(shown, out);
      return;
    }
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    switch (this) {
      case CSV -> CostText.csv(shown, writer);
      case MARKDOWN -> CostText.markdown(shown, writer);
      case TABLE -> CostText.table(shown, writer, width);
      case HTML -> CostHtml.write(shown, writer);
      default -> throw new IllegalStateException(slug);
    }
    writer.flush();
  }

  /** Writes the report to {@code dir}, under a temporary name renamed when complete. */
  public Path writeTo(CostReport report, boolean showPii, int width, Path dir) {
    Path target = dir.resolve(fileName());
    try {
      Files.createDirectories(dir);
      Path temporary = AtomicFile.createTemporary(dir, fileName());
      try (OutputStream out = Files.newOutputStream(temporary)) {
        write(report, showPii, width, out);
        AtomicFile.sync(out);
      }
      AtomicFile.moveIntoPlace(temporary, target);
      return target;
    } catch (IOException e) {
      throw new EnvironmentException("cannot write the report '" + target + "': " + reason(e), e);
    }
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Writes the report to a print writer (standard output). */
  public void write(CostReport report, boolean showPii, int width, PrintWriter out) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      write(report, showPii, width, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.print(bytes.toString(StandardCharsets.UTF_8));
    out.flush();
  }
}
