package io.tagscan.scan;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.dictionary.Exemption;
import io.tagscan.dictionary.ExemptionsLoader;
import io.tagscan.inventory.iac.IacFile;
import io.tagscan.inventory.iac.IacReader;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.PlannedResource;
import io.tagscan.model.SourceLocation;
import io.tagscan.report.ReportPipeline;
import io.tagscan.report.ScanInfo;
import io.tagscan.report.Summary;
import io.tagscan.rules.RuleEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Runs {@code tagscan check}: loads the dictionary and exemptions, reads every plan and template
 * (each problem of every file reported at once, before any report is written), judges each resource
 * by the rules a scan would run on its type, and writes the reports, each finding placed in its
 * file.
 */
public final class CheckService {

  private CheckService() {}

  /**
   * Checks the files.
   *
   * @throws InputException when the dictionary, the exemptions or a file is bad
   * @throws io.tagscan.model.EnvironmentException when a report cannot be written
   */
  public static ScanOutcome run(CheckRequest request, PrintWriter stdout) {
    Instant startedAt = request.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    Dictionary dictionary = DictionaryLoader.load(request.dictionary());
    List<Exemption> exemptions =
        request.exemptions() == null ? List.of() : ExemptionsLoader.load(request.exemptions());
    RuleEngine engine =
        new RuleEngine(dictionary, exemptions, LocalDate.ofInstant(startedAt, ZoneOffset.UTC));
    List<Diagnostic> problems = new ArrayList<>();
    List<IacFile> read = new ArrayList<>();
    for (Path file : request.files()) {
      try {
        read.add(IacReader.read(file, request.stackTags()));
      } catch (InputException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    List<PlannedResource> resources = named(read);
    Map<String, SourceLocation> locations = new HashMap<>();
    for (PlannedResource resource : resources) {
      locations.put(resource.resource().arn(), resource.location());
    }
    try (ReportPipeline pipeline =
        ReportPipeline.open(dictionary, request.report(), stdout, locations)) {
      for (PlannedResource resource : resources) {
        pipeline.accept(engine.judgePlanned(resource));
      }
      ScanInfo info =
          new ScanInfo(
              startedAt,
              request.clock().instant().truncatedTo(ChronoUnit.MILLIS),
              true,
              dictionary.path(),
              dictionary.sha256(),
              request.files().stream().map(Path::toString).toList(),
              List.of(),
              0,
              0,
              0);
      Summary summary = pipeline.finish(info, List.of());
      return new ScanOutcome(summary, true, List.of(), List.of(), notes(read));
    }
  }

  /**
   * Every resource under the name it is reported by: its address or logical id, unless another file
   * holds one of the same name, when both are named {@code file#id} so each keeps its own place.
   */
  private static List<PlannedResource> named(List<IacFile> files) {
    Map<String, Integer> seen = new HashMap<>();
    for (IacFile file : files) {
      for (PlannedResource resource : file.resources()) {
        seen.merge(resource.resource().arn(), 1, Integer::sum);
      }
    }
    List<PlannedResource> named = new ArrayList<>();
    for (IacFile file : files) {
      for (PlannedResource resource : file.resources()) {
        String name = resource.resource().arn();
        named.add(
            seen.get(name) > 1
                ? resource.named(resource.location().file() + "#" + name)
                : resource);
      }
    }
    return named;
  }

  private static List<String> notes(List<IacFile> files) {
    SortedSet<String> unmapped = new TreeSet<>();
    SortedSet<String> untaggable = new TreeSet<>();
    int skipped = 0;
    for (IacFile file : files) {
      unmapped.addAll(file.unmappedTypes());
      untaggable.addAll(file.untaggableTypes());
      skipped += file.untaggable();
    }
    List<String> notes = new ArrayList<>();
    if (!unmapped.isEmpty()) {
      notes.add(
          "no resource type is known for "
              + io.tagscan.model.Printable.of(String.join(", ", unmapped))
              + ": judged against the keys that apply to every type only");
    }
    if (skipped > 0) {
      notes.add(
          String.format(
              "%,d resource%s with no Tags, of types not known to take tags, not checked: %s",
              skipped,
              skipped == 1 ? "" : "s",
              io.tagscan.model.Printable.of(String.join(", ", untaggable))));
    }
    return notes;
  }
}
