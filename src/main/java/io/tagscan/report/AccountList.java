package io.tagscan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tagscan.model.Account;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.json.ModelJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@code tagscan accounts} prints: each account a scan would cover, with its name, state and
 * own tags, and whether those tags meet the dictionary's {@code accounts.mandatory}; as a table,
 * JSON or CSV. Account names and tags are user text and escaped like every report.
 */
public final class AccountList {

  /**
   * One account and the findings on its own tags ({@code account-missing-tag}, {@code pii-in-tag});
   * null findings: tags unknown.
   */
  public record Entry(Account account, List<Finding> findings) {
    public Entry {
      Objects.requireNonNull(account, "account");
      findings = findings == null ? null : List.copyOf(findings);
    }

    /** "yes", "no", or "unknown" when Organizations could not say what the tags are. */
    String meets() {
      return findings == null ? "unknown" : missing().isEmpty() ? "yes" : "no";
    }

    List<String> missing() {
      List<String> keys = new ArrayList<>();
      if (findings != null) {
        for (Finding finding : findings) {
          if (finding.rule() == RuleId.ACCOUNT_MISSING_TAG) {
            keys.add(finding.key());
          }
        }
      }
      return keys;
    }
  }

  private AccountList() {}

  /**
   * Writes the list in one of {@code table}, {@code json} or {@code csv}; tag values taken for
   * personal data are masked as in every report, unless {@code showPii}.
   */
  public static void write(
      ReportFormat format,
      List<Entry> given,
      List<String> regions,
      boolean showPii,
      PrintWriter out) {
    List<Entry> entries = showPii ? given : masked(given);
    switch (format) {
      case JSON -> json(entries, regions, out);
      case CSV -> csv(entries, out);
      case TABLE -> table(entries, regions, out);
      default ->
          throw new IllegalArgumentException(
              "accounts are listed as table, json or csv, not " + format.slug());
    }
    out.flush();
  }

  private static List<Entry> masked(List<Entry> entries) {
    List<Entry> masked = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      PersonalDataMask mask =
          entry.findings() == null ? null : PersonalDataMask.of(entry.findings());
      masked.add(mask == null ? entry : new Entry(mask.mask(entry.account()), entry.findings()));
    }
    return masked;
  }

  private static void json(List<Entry> entries, List<String> regions, PrintWriter out) {
    try (JsonGenerator json =
        new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      json.setCharacterEscapes(new JsonReportSink.InvisibleCharacterEscapes());
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("regions");
      for (String region : regions) {
        json.writeString(region);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("accounts");
      for (Entry entry : entries) {
        Account account = entry.account();
        json.writeStartObject();
        ModelJson.accountFields(json, account, ModelJson.AccountShape.LISTING);
        if (entry.findings() == null) {
          json.writeNullField("meetsMandatory");
        } else {
          json.writeBooleanField("meetsMandatory", entry.missing().isEmpty());
        }
        json.writeArrayFieldStart("missing");
        for (String key : entry.missing()) {
          json.writeString(key);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  private static void csv(List<Entry> entries, PrintWriter out) {
    try {
      CsvRowWriter rows = new CsvRowWriter(out);
      rows.row(List.of("accountId", "accountName", "state", "meetsMandatory", "missing", "tags"));
      for (Entry entry : entries) {
        Account account = entry.account();
        rows.row(
            Arrays.asList(
                account.id(),
                account.name(),
                account.state(),
                entry.meets(),
                String.join("; ", entry.missing()),
                tagList(account, "; ")));
      }
      rows.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(List<Entry> entries, List<String> regions, PrintWriter out) {
    String[] header = {"ACCOUNT", "NAME", "STATE", "MANDATORY TAGS", "TAGS"};
    List<String[]> rows = new ArrayList<>();
    for (Entry entry : entries) {
      Account account = entry.account();
      String tags = tagList(account, ", ");
      String meets =
          switch (entry.meets()) {
            case "yes" -> "ok";
            case "no" -> "missing " + String.join(", ", entry.missing());
            default -> "unknown (tags not readable)";
          };
      rows.add(
          new String[] {
            account.id(),
            Escaping.truncate(Escaping.terminal(account.name()), 30),
            account.state(),
            Escaping.truncate(Escaping.terminal(meets), 60),
            Escaping.truncate(Escaping.terminal(tags), 80)
          });
    }
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = Escaping.width(header[i]);
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], Escaping.width(row[i]));
      }
    }
    printRow(out, header, widths);
    rows.forEach(row -> printRow(out, row, widths));
    long failing = entries.stream().filter(e -> "no".equals(e.meets())).count();
    out.printf(
        "%n%d account%s, %d missing mandatory account tags; regions: %s%n",
        entries.size(),
        entries.size() == 1 ? "" : "s",
        failing,
        regions.isEmpty() ? "-" : String.join(", ", regions));
  }

  /** The account's tags as {@code key=value} pairs joined by the separator, in key order. */
  private static String tagList(Account account, String separator) {
    StringBuilder tags = new StringBuilder();
    account
        .tags()
        .forEach(
            (key, value) ->
                tags.append(tags.length() == 0 ? "" : separator)
                    .append(key)
                    .append('=')
                    .append(value));
    return tags.toString();
  }

  private static void printRow(PrintWriter out, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(i == cells.length - 1 ? cells[i] : Escaping.pad(cells[i], widths[i] + 2));
    }
    out.println(line.toString().stripTrailing());
  }
}
