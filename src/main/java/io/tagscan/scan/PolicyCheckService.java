package io.tagscan.scan;

import io.tagscan.controls.PolicyCheck;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.inventory.aws.AwsOptions;
import io.tagscan.inventory.aws.ClientSettings;
import io.tagscan.inventory.aws.PolicyReader;
import io.tagscan.model.AccountPolicy;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Printable;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.report.ReportOptions;
import io.tagscan.report.ReportPipeline;
import io.tagscan.report.ScanInfo;
import io.tagscan.report.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs {@code tagscan policy check}: loads the dictionary (bad input fails before any AWS call),
 * reads each account's effective tag policy and required tags, judges each account against the
 * dictionary and writes the findings on the account resources through the same report formats as a
 * scan. Reports appear only when the run completes its writing.
 */
public final class PolicyCheckService {

  /** What the report header names as the run's source. */
  public static final String SOURCE = "policy-check";

  /** Everything a policy check needs; {@code settings} fixes credentials and retries in tests. */
  public record Request(
      Path dictionary, AwsOptions aws, ReportOptions report, Clock clock, ClientSettings settings) {
    public Request {
      Objects.requireNonNull(dictionary, "dictionary");
      Objects.requireNonNull(aws, "aws");
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(settings, "settings");
    }
  }

  private PolicyCheckService() {}

  /**
   * Runs the check and writes the reports.
   *
   * @throws io.tagscan.model.InputException when the dictionary is bad
   * @throws io.tagscan.model.EnvironmentException when a report cannot be written or the caller's
   *     credentials cannot be had
   */
  public static ScanOutcome run(Request request, PrintWriter stdout) throws InterruptedException {
    Instant startedAt = request.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    Dictionary dictionary = DictionaryLoader.load(request.dictionary());
    PolicyCheck check = new PolicyCheck(dictionary);
    try (Interruption interruption = Interruption.onShutdown();
        PolicyReader reader = new PolicyReader(request.aws(), request.settings())) {
      interruption.alsoClose(reader);
      try {
        PolicyReader.Result result = reader.read();
        try (ReportPipeline pipeline =
            interruption.closesLast(ReportPipeline.open(dictionary, request.report(), stdout))) {
          for (AccountPolicy policy : result.accounts()) {
            pipeline.account(policy.account());
            Resource account = policy.account().asResource();
            pipeline.accept(
                new CheckedResource(
                    Resource.of(
                        account.arn(),
                        account.accountId(),
                        "",
                        account.resourceType(),
                        account.source(),
                        Map.of()),
                    check.check(policy)));
          }
          ScanInfo info =
              new ScanInfo(
                  startedAt,
                  request.clock().instant().truncatedTo(ChronoUnit.MILLIS),
                  result.complete(),
                  dictionary.path(),
                  dictionary.sha256(),
                  List.of(SOURCE),
                  result.regions(),
                  result.accountsRequested(),
                  result.accountsRequested() - result.accountsFailed(),
                  result.accountsFailed());
          Summary summary =
              interruption.unlessInterrupted(() -> pipeline.finish(info, result.errors()));
          return new ScanOutcome(
              summary, result.complete(), result.errors(), List.of(), notes(result.notes()));
        }
      } catch (RuntimeException e) {
        throw interruption.explain(e);
      }
    }
  }

  /** A note per refused validation-error listing: the check went on without them. */
  private static List<String> notes(List<ScanError> refused) {
    List<String> notes = new ArrayList<>();
    for (ScanError error : refused) {
      notes.add(
          error.accountId()
              + ": "
              + error.operation()
              + " "
              + Printable.of(error.code())
              + ": validation errors not read (only the management account or a delegated"
              + " administrator may read them)");
    }
    return notes;
  }
}
