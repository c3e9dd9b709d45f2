package io.tagscan.report;

import static io.tagscan.report.Escaping.terminal;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.SourceLocation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The terminal view of {@code tagscan check}, written as a compiler writes its diagnostics: one
 * line per finding, {@code template.yaml:42:7: error: missing-mandatory-tag: Bucket (s3:bucket):
 * …}, in the order of the files and their lines, each fix on the line below, then the verdict.
 * Every user-supplied text goes through {@link Escaping#terminal}.
 */
final class SourceLinesSink implements ReportSink {

  private static final Comparator<Line> ORDER =
      Comparator.comparing((Line line) -> line.at().file())
          .thenComparingInt(line -> line.at().line())
          .thenComparingInt(line -> line.at().column())
          .thenComparing(Line::resource)
          .thenComparingInt(Line::index);

  /** One finding's lines, with where its resource is written. */
  private record Line(SourceLocation at, String resource, int index, String text) {}

  private final Writer out;
  private final Map<String, SourceLocation> locations;
  private final List<Line> lines = new ArrayList<>();
  private ReportContext context;

  SourceLinesSink(Writer out, Map<String, SourceLocation> locations) {
    this.out = out;
    this.locations = locations;
  }

  @Override
  public void begin(ReportContext started) {
    this.context = started;
  }

  @Override
  public void resource(CheckedResource checked) {
    String name = checked.resource().arn();
    SourceLocation at = locations.getOrDefault(name, new SourceLocation("", 0, 0));
    List<Finding> findings = checked.findings();
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = findings.get(i);
      StringBuilder text =
          new StringBuilder()
              .append(terminal(at.format()))
              .append(": ")
              .append(finding.severity().slug())
              .append(": ")
              .append(finding.rule().slug())
              .append(": ")
              .append(terminal(name))
              .append(" (")
              .append(terminal(checked.resource().resourceType()))
              .append("): ")
              .append(terminal(finding.message()))
              .append('\n');
      if (finding.fix() != null) {
        text.append("    fix: ").append(terminal(finding.fix())).append('\n');
      }
      lines.add(new Line(at, name, i, text.toString()));
    }
  }

  @Override
  public void end() throws IOException {
    lines.sort(ORDER);
    for (Line line : lines) {
      out.write(line.text());
    }
    String label =
        switch (context.verdict()) {
          case FAILED -> "FAILED";
          case PASSED -> "PASSED";
          case INCOMPLETE -> "INCOMPLETE";
          case REPORT_ONLY -> "REPORT ONLY";
        };
    out.write(label + ": " + context.verdictSentence() + '\n');
    out.flush();
  }
}
