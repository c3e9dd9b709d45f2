package io.tagscan.cli;

import io.tagscan.report.ReportFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a report format by its slug, in any letter case; the choices come from {@link ReportFormat}
 * itself.
 */
final class ReportFormatConverter implements ITypeConverter<ReportFormat> {

  @Override
  public ReportFormat convert(String value) {
    ReportFormat format = ReportFormat.fromSlug(value.trim().toLowerCase(Locale.ROOT));
    if (format == null) {
      throw new TypeConversionException(
          "unknown format '"
              + value
              + "'; expected one of: "
              + String.join(", ", new Candidates()));
    }
    return format;
  }

  /** The format slugs, for help and completion. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(ReportFormat.values()).map(ReportFormat::slug).iterator();
    }
  }
}
