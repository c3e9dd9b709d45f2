package io.tagscan.cli;

import io.tagscan.billing.CostMetric;
import io.tagscan.cost.CostReport;
import io.tagscan.cost.CostRequest;
import io.tagscan.cost.CostService;
import io.tagscan.model.CostQuery;
import io.tagscan.model.ExitCode;
import io.tagscan.model.Finding;
import io.tagscan.model.UsageException;
import io.tagscan.report.CostReports;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tagscan cost}: spend by cost-allocation key, valid, invalid or untagged. */
@Command(
    name = "cost",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description =
        "Spend by cost-allocation key: valid, invalid (per value, with the rule and the fix) and"
            + " untagged, per account and in total, from Cost Explorer, from saved"
            + " 'aws ce get-cost-and-usage' output or from FOCUS exports' own tags; and the cost"
            + " allocation tags Billing has not activated.")
final class CostCommand implements Callable<Integer> {

  static final int DEFAULT_MAX_REQUESTS = 50;

  @Spec CommandSpec spec;

  @ParentCommand TagscanCommand parent;

  @Mixin DictionaryOption dictionary;

  @Mixin ConfigOption config;

  @Option(
      names = "--cost-file",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Offline: JSON as printed by 'aws ce get-cost-and-usage … --group-by Type=TAG,Key=K"
              + " Type=DIMENSION,Key=LINKED_ACCOUNT', one or more files (pages, keys). No AWS"
              + " call is made.")
  List<Path> costFiles = new ArrayList<>();

  @Option(
      names = "--focus",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "FOCUS 1.x exports from AWS Data Exports (CSV or CSV.gz): the same split judged from"
              + " their own Tags column, and the spend of rows with no ResourceId. Alone, no AWS"
              + " call is made.")
  List<Path> focus = new ArrayList<>();

  @Option(
      names = "--cost-metric",
      paramLabel = "BilledCost|EffectiveCost",
      description = "With --focus: the cost column to sum (default: BilledCost).")
  String costMetric;

  @Option(
      names = "--cost-explorer",
      description = "With --focus: read Cost Explorer too, and report both side by side.")
  boolean costExplorer;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description = "last-month (the last full calendar month, UTC). Default when no --start.")
  String period;

  @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "First day of the period.")
  LocalDate start;

  @Option(
      names = "--end",
      paramLabel = "YYYY-MM-DD",
      description = "Day after the period (exclusive, as Cost Explorer takes it).")
  LocalDate end;

  @Option(
      names = "--granularity",
      paramLabel = "G",
      defaultValue = "MONTHLY",
      description = "MONTHLY or DAILY. Default: ${DEFAULT-VALUE}.")
  CostQuery.Granularity granularity;

  @Option(
      names = "--metric",
      paramLabel = "METRIC",
      defaultValue = "UnblendedCost",
      description = "UnblendedCost, AmortizedCost or NetAmortizedCost. Default: ${DEFAULT-VALUE}.")
  String metric;

  @Option(
      names = "--max-requests",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_MAX_REQUESTS,
      description =
          "Stop before making more Cost Explorer requests than this ($0.01 each)."
              + " Default: ${DEFAULT-VALUE}.")
  int maxRequests;

  @Option(
      names = "--fail-above",
      paramLabel = "PCT",
      description =
          "Exit 1 when the untagged-or-invalid share of any cost-allocation key's spend exceeds"
              + " PCT percent.")
  BigDecimal failAbove;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      converter = FailOn.Converter.class,
      completionCandidates = FailOn.Candidates.class,
      description =
          "Lowest severity of a cost allocation tag finding that fails the run: error, warning,"
              + " info or never. Default: ${DEFAULT-VALUE}.")
  FailOn failOn;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      description =
          "json, csv, markdown, html or table. Default: table on a terminal, json otherwise.")
  List<String> formats = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Write each format to DIR/tagscan-cost.<ext> instead of standard output.")
  Path output;

  @Option(
      names = "--show-pii",
      description = "Show tag values taken for personal data as they are instead of masked.")
  boolean showPii;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Named profile for the caller's credentials. Default: the SDK's chain.")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Send the Cost Explorer calls to this endpoint (emulators, tests).")
  URI endpointUrl;

  /** The SQL dialects {@code --emit-sql} writes. */
  enum SqlDialect {
    athena
  }

  @Option(
      names = "--emit-sql",
      paramLabel = "DIALECT",
      description =
          "Print the valid / invalid / untagged split as one query over a FOCUS or CUR 2.0 table"
              + " (${COMPLETION-CANDIDATES}) instead of calling Cost Explorer; with --table.")
  SqlDialect emitSql;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description = "With --emit-sql: the table holding the export, as TABLE or DATABASE.TABLE.")
  String table;

  @Option(
      names = "--schema",
      defaultValue = "focus",
      paramLabel = "focus|cur2",
      description = "With --emit-sql: the table's layout, FOCUS 1.x or CUR 2.0 (default: focus).")
  String schema;

  @Override
  public Integer call() {
    Path dictionaryFile = dictionary.existing();
    if (emitSql != null) {
      return AthenaSql.print(spec.commandLine(), dictionaryFile, schema, table);
    }
    if (table != null) {
      throw new UsageException("--table goes with --emit-sql athena");
    }
    List<CostReports> chosen = formats();
    CostReport report =
        CostService.run(
            new CostRequest(
                dictionaryFile,
                query(),
                costFiles,
                profile,
                endpointUrl,
                maxRequests,
                focus,
                focusMetric(),
                focus.isEmpty() || costExplorer));
    int width = parent.environment().tableWidth();
    for (CostReports format : chosen) {
      if (output == null) {
        format.write(report, showPii, width, spec.commandLine().getOut());
        StandardOutput.check(spec.commandLine().getOut());
      } else {
        format.writeTo(report, showPii, width, output);
      }
    }
    var err = spec.commandLine().getErr();
    report.errors().forEach(e -> err.println("tagscan: error: " + Summaries.error(e)));
    report.notes().forEach(n -> err.println("tagscan: note: " + n));
    List<String> above = failAbove == null ? List.of() : report.above(failAbove);
    above.forEach(a -> err.println("tagscan: above --fail-above " + failAbove + ": " + a));
    err.flush();
    boolean failing =
        failOn.threshold() != null
            && report.findings().stream()
                .map(Finding::severity)
                .anyMatch(s -> s.compareTo(failOn.threshold()) <= 0);
    if (failing || !above.isEmpty()) {
      return ExitCode.FINDINGS.code();
    }
    return (report.complete() ? ExitCode.OK : ExitCode.INCOMPLETE).code();
  }

  private CostQuery query() {
    List<String> problems = new ArrayList<>();
    if (period != null && !period.equals("last-month")) {
      problems.add("--period takes last-month, not '" + period + "'; use --start/--end for others");
    }
    if (period != null && (start != null || end != null)) {
      problems.add("give either --period or --start/--end, not both");
    }
    if ((start == null) != (end == null)) {
      problems.add("--start and --end go together");
    }
    if (!List.of("UnblendedCost", "AmortizedCost", "NetAmortizedCost").contains(metric)) {
      problems.add(
          "--metric takes UnblendedCost, AmortizedCost or NetAmortizedCost, not '" + metric + "'");
    }
    if (maxRequests < 0) {
      problems.add("--max-requests must be 0 or more");
    }
    if (failAbove != null
        && (failAbove.signum() < 0 || failAbove.compareTo(BigDecimal.valueOf(100)) > 0)) {
      problems.add("--fail-above takes a percentage from 0 to 100");
    }
    focusProblems(problems);
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("; ", problems));
    }
    if (start == null) {
      LocalDate[] last = CostQuery.lastMonth(LocalDate.now(parent.environment().clock()));
      return new CostQuery(last[0], last[1], granularity, metric);
    }
    return new CostQuery(start, end, granularity, metric);
  }

  /** What --focus alone cannot take: the options that shape a Cost Explorer query. */
  private void focusProblems(List<String> problems) {
    if (focus.isEmpty()) {
      if (costExplorer) {
        problems.add(
            "--cost-explorer goes with --focus (without it, Cost Explorer is read anyway)");
      }
      return;
    }
    if (costExplorer && !costFiles.isEmpty()) {
      problems.add("give either --cost-explorer or --cost-file beside --focus, not both");
    }
    if (costExplorer || !costFiles.isEmpty()) {
      return;
    }
    var parsed = spec.commandLine().getParseResult();
    List<String> query =
        List.of("--period", "--start", "--end", "--granularity", "--metric").stream()
            .filter(parsed::hasMatchedOption)
            .toList();
    if (!query.isEmpty()) {
      problems.add(
          String.join(", ", query)
              + (query.size() == 1 ? " shapes" : " shape")
              + " a Cost Explorer query, and a FOCUS export covers its own period;"
              + " add --cost-explorer to read both");
    }
  }

  /** The --cost-metric given, checked: it chooses a column of the --focus exports. */
  private CostMetric focusMetric() {
    return CostMetricOption.checked(costMetric, !focus.isEmpty());
  }

  private List<CostReports> formats() {
    LinkedHashSet<CostReports> out = new LinkedHashSet<>();
    for (String slug : formats) {
      CostReports format = CostReports.fromSlug(slug);
      if (format == null) {
        throw new UsageException(
            "unknown cost report format '"
                + slug
                + "'; expected one of: "
                + String.join(", ", CostReports.slugs()));
      }
      out.add(format);
    }
    if (out.isEmpty()) {
      out.add(parent.environment().stdoutIsTerminal() ? CostReports.TABLE : CostReports.JSON);
    }
    if (out.size() > 1 && output == null) {
      throw new UsageException("several --format values need -o DIR to write them to");
    }
    return List.copyOf(out);
  }
}
