package io.tagscan.cli;

import io.tagscan.model.Severity;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code --fail-on}: the lowest severity that fails the run, or never. */
enum FailOn {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  INFO(Severity.INFO),
  NEVER(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  /** The severity, or null for {@link #NEVER}. */
  Severity threshold() {
    return threshold;
  }

  /** The name used on the command line, such as {@code warning}. */
  String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a value in any letter case. */
  static final class Converter implements ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      String slug = value.trim().toLowerCase(Locale.ROOT);
      for (FailOn failOn : values()) {
        if (failOn.slug().equals(slug)) {
          return failOn;
        }
      }
      throw new TypeConversionException(
          "unknown severity '"
              + value
              + "'; expected one of: "
              + String.join(", ", new Candidates()));
    }
  }

  /** The values, for help and completion. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(FailOn::slug).iterator();
    }
  }
}
