package io.tagscan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tagscan.model.ApplyOutcome;
import io.tagscan.model.FixPlan;
import io.tagscan.model.PersonalData;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.SkippedFix;
import io.tagscan.model.TagChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fix plan for review: each resource's changes as a diff ({@code - CostCenter = 2045}, {@code +
 * anycompany:finance:cost-center = 2045}), the findings left alone, and totals per account and
 * operation, as a terminal table, Markdown for a pull request, or JSON. Tag text is hostile input
 * and is escaped for each format as in every report; values that look like personal data are masked
 * unless asked otherwise.
 */
public final class FixPlanView {

  /** The formats {@code fix show} writes. */
  public enum Format {
    TABLE,
    JSON,
    MARKDOWN
  }

  /** The columns of the totals: each action, then the skipped findings. */
  private static final List<TagChange.Action> ACTIONS = List.of(TagChange.Action.values());

  private final FixPlan plan;
  private final String checksum;
  private final boolean showPii;

  /**
   * @param checksum the plan's checksum, as its file carries it
   * @param showPii true to print values that look like personal data as they are
   */
  public FixPlanView(FixPlan plan, String checksum, boolean showPii) {
    this.plan = plan;
    this.checksum = checksum;
    this.showPii = showPii;
  }

  /** One line of a resource's diff. */
  record Line(char sign, String key, String value, String rule) {}

  /** A resource's changes as diff lines: what goes, then what comes, change by change. */
  static List<Line> lines(ResourceFix fix) {
    List<Line> lines = new ArrayList<>();
    for (TagChange change : fix.changes()) {
      switch (change.action()) {
        case RENAME -> {
          lines.add(new Line('-', change.key(), change.value(), change.rule()));
          lines.add(new Line('+', change.newKey(), change.value(), change.rule()));
        }
        case SET_VALUE -> {
          lines.add(new Line('-', change.key(), change.value(), change.rule()));
          lines.add(new Line('+', change.key(), change.newValue(), change.rule()));
        }
        case ADD -> lines.add(new Line('+', change.key(), change.newValue(), change.rule()));
        case REMOVE -> lines.add(new Line('-', change.key(), change.value(), change.rule()));
      }
    }
    return lines;
  }

  /**
   * The value as shown: masked where it looks like personal data, and quoted when white space at
   * either end (or nothing at all) would otherwise not show.
   */
  private String value(String value) {
    String shown = showPii || PersonalData.find(value) == null ? value : PersonalData.mask(value);
    return shown.isEmpty() || !shown.strip().equals(shown) ? "'" + shown + "'" : shown;
  }

  /** Where the resource lives, for its heading: {@code (111122223333, us-east-1)}. */
  private static String place(ResourceFix fix) {
    List<String> parts = new ArrayList<>();
    if (!fix.accountId().isEmpty()) {
      parts.add(fix.accountId());
    }
    parts.add(fix.region().isEmpty() ? "global" : fix.region());
    return "(" + String.join(", ", parts) + ")";
  }

  /** Per account (and {@code all} last): the number of changes of each action, then skipped. */
  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  Map<String, long[]> totals() {
    TreeMap<String, long[]> totals = new TreeMap<>();
    long[] all = new long[ACTIONS.size() + 1];
    for (ResourceFix fix : plan.resources()) {
      long[] row =
          totals.computeIfAbsent(account(fix.accountId()), k -> new long[ACTIONS.size() + 1]);
      for (TagChange change : fix.changes()) {
        row[change.action().ordinal()]++;
        all[change.action().ordinal()]++;
      }
    }
    for (SkippedFix skip : plan.skipped()) {
      totals
          .computeIfAbsent(account(skip.accountId()), k -> new long[ACTIONS.size() + 1])[
          ACTIONS.size()]++;
      all[ACTIONS.size()]++;
    }
    Map<String, long[]> ordered = new java.util.LinkedHashMap<>(totals);
    ordered.put("all", all);
    return ordered;
  }

  /** An account id for the totals; resources whose ARN names none (S3 buckets) go together. */
  private static String account(String id) {
    return id.isEmpty() ? "(no account)" : id;
  }

  private String headline() {
    return Numbers.count(plan.changeCount())
        + (plan.changeCount() == 1 ? " change" : " changes")
        + " on "
        + Numbers.count(plan.resources().size())
        + (plan.resources().size() == 1 ? " resource" : " resources")
        + ", "
        + Numbers.count(plan.skipped().size())
        + (plan.skipped().size() == 1 ? " finding" : " findings")
        + " skipped";
  }

  /** The plan in the format asked. */
  public void write(Format format, PrintWriter out) {
    switch (format) {
      case TABLE -> table(out);
      case MARKDOWN -> markdown(out);
      case JSON -> json(out);
    }
    out.flush();
  }

  private void table(PrintWriter out) {
    out.println("Fix plan " + checksum + ": " + headline());
    if (plan.undoOf() != null) {
      out.println("It undoes the plan " + Escaping.terminal(plan.undoOf()) + ".");
    }
    for (ResourceFix fix : plan.resources()) {
      out.println();
      out.println(Escaping.terminal(fix.arn()) + " " + Escaping.terminal(place(fix)));
      List<String> texts = new ArrayList<>();
      int width = 0;
      List<Line> lines = lines(fix);
      for (Line line : lines) {
        String text =
            line.sign()
                + " "
                + Escaping.terminal(line.key())
                + " = "
                + Escaping.terminal(value(line.value()));
        texts.add(text);
        width = Math.max(width, Escaping.width(text));
      }
      for (int i = 0; i < lines.size(); i++) {
        out.println("  " + Escaping.pad(texts.get(i), width) + "  " + lines.get(i).rule());
      }
    }
    if (!plan.skipped().isEmpty()) {
      out.println();
      out.println("Skipped:");
      for (SkippedFix skip : plan.skipped()) {
        out.println(
            "  "
                + Escaping.terminal(skip.arn())
                + " '"
                + Escaping.terminal(skip.key())
                + "' ("
                + skip.rule()
                + "): "
                + Escaping.terminal(skip.reason()));
      }
    }
    out.println();
    List<String> header = new ArrayList<>();
    header.add("account");
    ACTIONS.forEach(a -> header.add(a.slug()));
    header.add("skipped");
    Map<String, long[]> totals = totals();
    int first = Math.max(12, totals.keySet().stream().mapToInt(Escaping::width).max().orElse(0));
    StringBuilder head = new StringBuilder(Escaping.pad(header.get(0), first));
    for (int i = 1; i < header.size(); i++) {
      head.append("  ").append(header.get(i));
    }
    out.println(head);
    for (Map.Entry<String, long[]> row : totals.entrySet()) {
      StringBuilder line = new StringBuilder(Escaping.pad(Escaping.terminal(row.getKey()), first));
      for (int i = 1; i < header.size(); i++) {
        String n = Long.toString(row.getValue()[i - 1]);
        line.append("  ")
            .append(" ".repeat(Math.max(0, header.get(i).length() - n.length())))
            .append(n);
      }
      out.println(line);
    }
  }

  private void markdown(PrintWriter out) {
    out.println("## tagscan fix plan");
    out.println();
    out.println(headline() + ". Plan `" + checksum + "`.");
    for (ResourceFix fix : plan.resources()) {
      out.println();
      out.println("### " + Escaping.markdown(fix.arn()) + " " + Escaping.markdown(place(fix)));
      out.println();
      out.println("| | key | value | rule |");
      out.println("|---|---|---|---|");
      for (Line line : lines(fix)) {
        out.println(
            "| "
                + (line.sign() == '-' ? "−" : "+")
                + " | "
                + Escaping.markdown(line.key())
                + " | "
                + Escaping.markdown(value(line.value()))
                + " | "
                + Escaping.markdown(line.rule())
                + " |");
      }
    }
    if (!plan.skipped().isEmpty()) {
      out.println();
      out.println("### Skipped");
      out.println();
      out.println("| resource | key | rule | reason |");
      out.println("|---|---|---|---|");
      for (SkippedFix skip : plan.skipped()) {
        out.println(
            "| "
                + Escaping.markdown(skip.arn())
                + " | "
                + Escaping.markdown(skip.key())
                + " | "
                + Escaping.markdown(skip.rule())
                + " | "
                + Escaping.markdown(skip.reason())
                + " |");
      }
    }
    out.println();
    out.println("### Totals");
    out.println();
    StringBuilder head = new StringBuilder("| account |");
    StringBuilder rule = new StringBuilder("|---|");
    for (TagChange.Action action : ACTIONS) {
      head.append(' ').append(action.slug()).append(" |");
      rule.append("---:|");
    }
    out.println(head.append(" skipped |"));
    out.println(rule.append("---:|"));
    for (Map.Entry<String, long[]> row : totals().entrySet()) {
      StringBuilder line = new StringBuilder("| " + Escaping.markdown(row.getKey()) + " |");
      for (long n : row.getValue()) {
        line.append(' ').append(n).append(" |");
      }
      out.println(line);
    }
  }

  @SuppressWarnings("EnumOrdinal") // an enum ordinal indexes a dense array, one slot per constant
  private void json(PrintWriter out) {
    try (JsonGenerator json = new JsonFactory().createGenerator(new KeepOpen(out))) {
      json.useDefaultPrettyPrinter();
      json.setCharacterEscapes(new JsonReportSink.InvisibleCharacterEscapes());
      json.writeStartObject();
      json.writeStringField("plan", checksum);
      if (plan.undoOf() != null) {
        json.writeStringField("undoOf", plan.undoOf());
      }
      json.writeArrayFieldStart("resources");
      for (ResourceFix fix : plan.resources()) {
        json.writeStartObject();
        json.writeStringField("arn", fix.arn());
        json.writeStringField("accountId", fix.accountId());
        json.writeStringField("region", fix.region());
        json.writeArrayFieldStart("diff");
        for (Line line : lines(fix)) {
          json.writeStartObject();
          json.writeStringField("sign", String.valueOf(line.sign()));
          json.writeStringField("key", line.key());
          json.writeStringField("value", value(line.value()));
          json.writeStringField("rule", line.rule());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("skipped");
      for (SkippedFix skip : plan.skipped()) {
        json.writeStartObject();
        json.writeStringField("arn", skip.arn());
        json.writeStringField("key", skip.key());
        json.writeStringField("rule", skip.rule());
        json.writeStringField("reason", skip.reason());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("totals");
      for (Map.Entry<String, long[]> row : totals().entrySet()) {
        json.writeObjectFieldStart(row.getKey());
        for (TagChange.Action action : ACTIONS) {
          json.writeNumberField(action.slug(), row.getValue()[action.ordinal()]);
        }
        json.writeNumberField("skipped", row.getValue()[ACTIONS.size()]);
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  /** The outcome of {@code fix apply}, a line per resource then the counts, for the terminal. */
  public static void writeOutcome(ApplyOutcome outcome, PrintWriter out) {
    for (ApplyOutcome.Result result : outcome.results()) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "%-11s %s", result.status().slug(), Escaping.terminal(result.fix().arn())));
      if (!result.reason().isEmpty()) {
        line.append(": ").append(Escaping.terminal(result.reason()));
      }
      if (result.error() != null) {
        line.append(" (")
            .append(result.error().operation())
            .append(": ")
            .append(Escaping.terminal(result.error().code()))
            .append(result.error().message().isEmpty() ? "" : ": ")
            .append(Escaping.terminal(result.error().message()))
            .append(')');
      }
      out.println(line);
    }
    out.printf(
        "%s: %d %s, %d skipped, %d failed%s%s%n",
        outcome.dryRun() ? "dry run" : "done",
        outcome.count(
            outcome.dryRun() ? ApplyOutcome.Status.WOULD_APPLY : ApplyOutcome.Status.APPLIED),
        outcome.dryRun() ? "would apply" : "applied",
        outcome.count(ApplyOutcome.Status.SKIPPED),
        outcome.count(ApplyOutcome.Status.FAILED),
        outcome.count(ApplyOutcome.Status.UNKNOWN) == 0
            ? ""
            : ", " + outcome.count(ApplyOutcome.Status.UNKNOWN) + " unknown (in the undo plan)",
        outcome.dryRun() ? " (nothing was changed; pass --yes to apply)" : "");
    out.flush();
  }
}
