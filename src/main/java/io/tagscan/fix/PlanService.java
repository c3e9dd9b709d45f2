package io.tagscan.fix;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.dictionary.Exemption;
import io.tagscan.dictionary.ExemptionsLoader;
import io.tagscan.inventory.InventoryReader;
import io.tagscan.inventory.ScanListener;
import io.tagscan.inventory.aws.LiveScanResult;
import io.tagscan.inventory.aws.LiveScanner;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.FixPlan;
import io.tagscan.model.Resource;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.ScanError;
import io.tagscan.model.SkippedFix;
import io.tagscan.model.Source;
import io.tagscan.model.ToolVersion;
import io.tagscan.report.SavedReport;
import io.tagscan.rules.FixPlanner;
import io.tagscan.rules.RuleEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes a fix plan: reads the resources (a saved report, inventory files or live AWS, read only),
 * judges each against the dictionary and turns its findings into safe changes ({@link FixPlanner}).
 * Accounts, which Organizations tags, are never in a plan.
 */
public final class PlanService {

  /** The plan and whether every resource asked for could be read. */
  public record Outcome(FixPlan plan, boolean complete, List<ScanError> errors) {
    public Outcome {
      errors = List.copyOf(errors);
    }
  }

  private PlanService() {}

  /**
   * Makes the plan.
   *
   * @param factory builds the live scanner when the request reads AWS
   * @throws io.tagscan.model.InputException when the dictionary, exemptions or source are bad
   * @throws io.tagscan.model.UsageException when a {@code --set} names no key or a wrong value
   */
  public static Outcome plan(PlanRequest request, LiveScannerFactory factory) {
    Instant now = request.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    Dictionary dictionary = DictionaryLoader.load(request.dictionary());
    List<Exemption> exemptions =
        request.exemptions() == null ? List.of() : ExemptionsLoader.load(request.exemptions());
    RuleEngine engine =
        new RuleEngine(dictionary, exemptions, LocalDate.ofInstant(now, ZoneOffset.UTC));
    FixPlanner planner = new FixPlanner(engine, request.set());
    List<ResourceFix> fixes = Collections.synchronizedList(new ArrayList<>());
    List<SkippedFix> skipped = Collections.synchronizedList(new ArrayList<>());
    List<ScanError> errors = Collections.synchronizedList(new ArrayList<>());
    Consumer<Resource> each =
        resource -> {
          if (resource.source() == Source.ORGANIZATIONS) {
            return;
          }
          FixPlanner.Outcome outcome = planner.plan(resource);
          if (outcome.fix() != null) {
            fixes.add(outcome.fix());
          }
          skipped.addAll(outcome.skipped());
        };
    String source;
    boolean complete;
    if (request.fromReport() != null) {
      source = request.fromReport().toString();
      complete = readReport(request, each, errors);
    } else if (!request.inventory().isEmpty()) {
      source = String.join(", ", request.inventory().stream().map(Object::toString).toList());
      complete = InventoryReader.read(request.inventory(), listener(each, errors)).complete();
    } else {
      source = "aws";
      try (LiveScanner scanner = factory.create(request)) {
        LiveScanResult result = scanner.scan(listener(each, errors));
        complete = result.complete();
      }
    }
    List<ScanError> failures = new ArrayList<>(errors);
    failures.removeIf(ScanError::skipped);
    failures.sort(ScanError.ORDER);
    FixPlan plan =
        new FixPlan(
            ToolVersion.version(),
            now,
            dictionary.path(),
            dictionary.sha256(),
            source,
            null,
            new ArrayList<>(fixes),
            new ArrayList<>(skipped));
    return new Outcome(plan, complete && failures.isEmpty(), failures);
  }

  /** Builds the scanner of a live plan; tests give it fixed credentials and a fake endpoint. */
  @FunctionalInterface
  public interface LiveScannerFactory {
    LiveScanner create(PlanRequest request);

    /** The production scanner: the SDK's credential chain or the profile. */
    static LiveScannerFactory defaults() {
      return request -> new LiveScanner(request.aws());
    }
  }

  private static boolean readReport(
      PlanRequest request, Consumer<Resource> each, List<ScanError> errors) {
    try (SavedReport report = SavedReport.open(request.fromReport())) {
      for (CheckedResource checked = report.next(); checked != null; checked = report.next()) {
        if (checked.tagsKnown()) {
          each.accept(checked.resource());
        }
      }
      errors.addAll(report.errors());
      return report.header().info().complete();
    }
  }

  private static ScanListener listener(Consumer<Resource> each, List<ScanError> errors) {
    return new ScanListener() {
      @Override
      public void resource(Resource resource) {
        each.accept(resource);
      }

      @Override
      public void error(ScanError error) {
        errors.add(error);
      }
    };
  }
}
