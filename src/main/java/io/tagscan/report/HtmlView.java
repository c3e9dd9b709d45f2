package io.tagscan.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/**
 * What the HTML templates call to turn figures and user-supplied text into the words they show; the
 * template engine then escapes every result for where it lands.
 */
final class HtmlView {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

  private HtmlView() {}

  /** User-supplied text with every invisible character made visible; a dash when there is none. */
  static String text(String text) {
    return text == null || text.isEmpty() ? "–" : Escaping.visible(text);
  }

  static String count(long count) {
    return Numbers.count(count);
  }

  static String percent(BigDecimal rate) {
    return Numbers.percent(rate);
  }

  static String plural(long count, String singular, String plural) {
    return Numbers.plural(count, singular, plural);
  }

  /** The filled width of a bar. */
  static String width(BigDecimal rate) {
    return rate == null ? "0%" : Numbers.percent(rate);
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  /** The CSS class of the status line. */
  static String verdictClass(ReportContext.Verdict verdict) {
    return switch (verdict) {
      case REPORT_ONLY -> "report-only";
      case FAILED -> "failed";
      case INCOMPLETE -> "incomplete";
      case PASSED -> "passed";
    };
  }

  /** The first word of the status line. */
  static String verdictLabel(ReportContext.Verdict verdict) {
    return switch (verdict) {
      case REPORT_ONLY -> "Report only";
      case FAILED -> "Failed";
      case INCOMPLETE -> "Incomplete";
      case PASSED -> "Passed";
    };
  }

  /** At most {@code max} elements, in iteration order, without copying the rest. */
  static <T> Iterable<T> first(Collection<T> elements, int max) {
    return () -> elements.stream().limit(max).iterator();
  }
}
