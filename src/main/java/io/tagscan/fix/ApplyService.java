package io.tagscan.fix;

import io.tagscan.inventory.aws.LiveTagger;
import io.tagscan.model.ApplyOutcome;
import io.tagscan.model.FixPlan;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.TagChange;
import io.tagscan.model.TagFailure;
import io.tagscan.rules.FixPlanner;
import io.tagscan.scan.Interruption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * Applies exactly a plan, several account × region pairs at once and each pair's calls in order:
 * re-reads every resource's tags and leaves alone the ones that changed since the plan, or whose
 * change would break AWS's rules (over 50 user tags, an {@code aws:} key, a key or value AWS
 * refuses); then adds and sets tags before it removes any, so that a failure part-way never leaves
 * a resource without the value, with one call for each group of up to 20 resources that get the
 * same tags. The undo plan, which takes each changed resource back to the tags read before, is
 * written as it goes ({@link UndoWriter}), so it covers what was done even if the run is cut short.
 */
public final class ApplyService {

  /** The prefix AWS reserves for its own tags, which users can neither set nor remove. */
  static final String RESERVED_PREFIX = "aws:";

  private static final int MAX_USER_TAGS = 50;

  /** Account × region pairs written at once unless {@code --concurrency} says otherwise. */
  public static final int DEFAULT_CONCURRENCY = 8;

  private final LiveTagger tagger;
  private final Clock clock;
  private final LongSupplier nanos;

  public ApplyService(LiveTagger tagger, Clock clock) {
    this(tagger, clock, System::nanoTime);
  }

  /** A service that times the undo plan's writes by {@code nanos}, a monotonic clock. */
  public ApplyService(LiveTagger tagger, Clock clock, LongSupplier nanos) {
    this.tagger = tagger;
    this.clock = clock;
    this.nanos = nanos;
  }

  /**
   * Applies the plan, or with {@code dryRun} only checks what would apply.
   *
   * @param undoFile where the undo plan is written (ignored in a dry run)
   */
  public ApplyOutcome apply(FixPlan plan, boolean dryRun, Path undoFile) {
    return apply(plan, PlanJson.checksum(plan), dryRun, undoFile, DEFAULT_CONCURRENCY);
  }

  /** As {@link #apply(FixPlan, boolean, Path)}, for a plan whose checksum is known. */
  public ApplyOutcome apply(FixPlan plan, String checksum, boolean dryRun, Path undoFile) {
    return apply(plan, checksum, dryRun, undoFile, DEFAULT_CONCURRENCY);
  }

  /**
   * As {@link #apply(FixPlan, boolean, Path)}, with up to {@code concurrency} account × region
   * pairs at once; each pair still makes its calls one after the other, adds before removes.
   */
  public ApplyOutcome apply(
      FixPlan plan, String checksum, boolean dryRun, Path undoFile, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    Map<String, List<ResourceFix>> pairs = new LinkedHashMap<>();
    for (ResourceFix fix : plan.resources()) {
      String region = fix.region().isEmpty() ? tagger.homeRegion() : fix.region();
      pairs.computeIfAbsent(fix.accountId() + "\0" + region, k -> new ArrayList<>()).add(fix);
    }
    List<ApplyOutcome.Result> results = Collections.synchronizedList(new ArrayList<>());
    UndoWriter undo = new UndoWriter(plan, checksum, dryRun ? null : undoFile, clock, nanos);
    String undoChecksum;
    // Ctrl-C writes the undo plan as it stands, through the hook a scan uses to clean up.
    Interruption stop = Interruption.onShutdown(undo);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(concurrency, pairs.size())), ApplyService::daemon);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Map.Entry<String, List<ResourceFix>> pair : pairs.entrySet()) {
        String[] parts = pair.getKey().split("\0", 2);
        running.add(
            pool.submit(
                () -> applyPair(parts[0], parts[1], pair.getValue(), dryRun, results, undo)));
      }
      for (Future<?> pair : running) {
        await(pair);
      }
      undoChecksum = undo.finish();
    } finally {
      pool.shutdownNow();
      stop.close();
    }
    List<ApplyOutcome.Result> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> FixPlan.RESOURCE_ORDER.compare(a.fix(), b.fix()));
    return new ApplyOutcome(dryRun, sorted, undoChecksum);
  }

  private static Thread daemon(Runnable work) {
    Thread thread = new Thread(work, "tagscan-fix-apply");
    thread.setDaemon(true);
    return thread;
  }

  private static void await(Future<?> pair) {
    try {
      pair.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException cancelled = new CancellationException("fix apply was interrupted");
      cancelled.initCause(e);
      throw cancelled;
    }
  }

  private void applyPair(
      String accountId,
      String region,
      List<ResourceFix> fixes,
      boolean dryRun,
      List<ApplyOutcome.Result> results,
      UndoWriter undo) {
    LiveTagger.Reading now =
        tagger.read(accountId, region, fixes.stream().map(ResourceFix::arn).toList());
    List<ResourceFix> ready = new ArrayList<>();
    for (ResourceFix fix : fixes) {
      TagFailure failed = now.failures().get(fix.arn());
      if (failed != null) {
        results.add(
            new ApplyOutcome.Result(
                fix, ApplyOutcome.Status.FAILED, "its tags could not be read", failed));
        continue;
      }
      SortedMap<String, String> current = now.tags().get(fix.arn());
      String problem = problem(fix, current);
      if (problem != null) {
        results.add(new ApplyOutcome.Result(fix, ApplyOutcome.Status.SKIPPED, problem, null));
      } else if (dryRun) {
        results.add(new ApplyOutcome.Result(fix, ApplyOutcome.Status.WOULD_APPLY, "", null));
      } else {
        ready.add(fix);
      }
    }
    if (ready.isEmpty()) {
      return;
    }
    // Adds first: a resource whose adds fail is left as it was, and nothing is removed from it.
    Map<String, TagFailure> addFailures = new TreeMap<>();
    // Sent, but AWS never said whether it took: kept in the undo plan, and nothing removed.
    Map<String, TagFailure> addUnknown = new TreeMap<>();
    Map<SortedMap<String, String>, List<String>> bySet = new LinkedHashMap<>();
    for (ResourceFix fix : ready) {
      if (!fix.toSet().isEmpty()) {
        bySet.computeIfAbsent(fix.toSet(), k -> new ArrayList<>()).add(fix.arn());
      }
    }
    Map<String, ResourceFix> byArn = new LinkedHashMap<>();
    ready.forEach(fix -> byArn.put(fix.arn(), fix));
    for (Map.Entry<SortedMap<String, String>, List<String>> group : bySet.entrySet()) {
      for (List<String> call : calls(group.getValue())) {
        call.forEach(arn -> undo.reached(byArn.get(arn), added(byArn.get(arn))));
        LiveTagger.Written written = tagger.tag(accountId, region, call, group.getKey());
        addFailures.putAll(written.failed());
        addUnknown.putAll(written.unknown());
        written
            .failed()
            .keySet()
            .forEach(arn -> undo.reached(byArn.get(arn), byArn.get(arn).tags()));
        undo.maybeWrite();
      }
    }
    Map<List<String>, List<String>> byKeys = new LinkedHashMap<>();
    for (ResourceFix fix : ready) {
      if (!addFailures.containsKey(fix.arn())
          && !addUnknown.containsKey(fix.arn())
          && !fix.toRemove().isEmpty()) {
        byKeys.computeIfAbsent(fix.toRemove(), k -> new ArrayList<>()).add(fix.arn());
      }
    }
    Map<String, TagFailure> removeFailures = new TreeMap<>();
    Map<String, TagFailure> removeUnknown = new TreeMap<>();
    for (Map.Entry<List<String>, List<String>> group : byKeys.entrySet()) {
      for (List<String> call : calls(group.getValue())) {
        call.forEach(arn -> undo.reached(byArn.get(arn), byArn.get(arn).after()));
        LiveTagger.Written written = tagger.untag(accountId, region, call, group.getKey());
        removeFailures.putAll(written.failed());
        removeUnknown.putAll(written.unknown());
        written
            .failed()
            .keySet()
            .forEach(arn -> undo.reached(byArn.get(arn), added(byArn.get(arn))));
        undo.maybeWrite();
      }
    }
    for (ResourceFix fix : ready) {
      TagFailure added = addFailures.get(fix.arn());
      TagFailure removed = removeFailures.get(fix.arn());
      if (added != null) {
        results.add(
            new ApplyOutcome.Result(fix, ApplyOutcome.Status.FAILED, "nothing was changed", added));
      } else if (addUnknown.containsKey(fix.arn())) {
        results.add(
            new ApplyOutcome.Result(
                fix,
                ApplyOutcome.Status.UNKNOWN,
                "AWS did not say whether the new tags were added; nothing was removed, and the"
                    + " undo plan covers the additions",
                addUnknown.get(fix.arn())));
      } else if (removeUnknown.containsKey(fix.arn())) {
        results.add(
            new ApplyOutcome.Result(
                fix,
                ApplyOutcome.Status.UNKNOWN,
                "the new tags were added; AWS did not say whether the old ones were removed, and"
                    + " the undo plan covers the change",
                removeUnknown.get(fix.arn())));
      } else if (removed != null) {
        results.add(
            new ApplyOutcome.Result(
                fix,
                ApplyOutcome.Status.FAILED,
                "the new tags were added but the old ones could not be removed",
                removed));
      } else {
        results.add(new ApplyOutcome.Result(fix, ApplyOutcome.Status.APPLIED, "", null));
      }
    }
  }

  /** The ARNs in groups of at most {@link LiveTagger#MAX_WRITE_ARNS}, one group a call. */
  private static List<List<String>> calls(List<String> arns) {
    List<List<String>> calls = new ArrayList<>();
    for (int i = 0; i < arns.size(); i += LiveTagger.MAX_WRITE_ARNS) {
      calls.add(arns.subList(i, Math.min(arns.size(), i + LiveTagger.MAX_WRITE_ARNS)));
    }
    return calls;
  }

  /** Why the resource is left alone, or null when its changes can be made. */
  static String problem(ResourceFix fix, SortedMap<String, String> current) {
    SortedMap<String, String> now = current == null ? new TreeMap<>() : current;
    if (current == null && !fix.tags().isEmpty()) {
      return "AWS no longer returns the resource: it was deleted, or its tags were all removed,"
          + " since the plan";
    }
    if (!now.equals(fix.tags())) {
      TreeSet<String> differ = new TreeSet<>();
      for (String key : union(now, fix.tags())) {
        if (!java.util.Objects.equals(now.get(key), fix.tags().get(key))) {
          differ.add(key);
        }
      }
      return "its tags changed since the plan (" + String.join(", ", quoted(differ)) + ")";
    }
    for (TagChange change : fix.changes()) {
      if (change.key().startsWith(RESERVED_PREFIX)
          || (change.newKey() != null && change.newKey().startsWith(RESERVED_PREFIX))) {
        return "a change touches a key with AWS's reserved prefix 'aws:'";
      }
    }
    for (Map.Entry<String, String> tag : fix.toSet().entrySet()) {
      String rejected = FixPlanner.tagProblem(tag.getKey(), tag.getValue());
      if (rejected != null) {
        return "AWS would refuse the tag: " + rejected;
      }
    }
    long users = fix.after().keySet().stream().filter(k -> !k.startsWith(RESERVED_PREFIX)).count();
    if (users > MAX_USER_TAGS) {
      return "it would carry " + users + " user tags, over AWS's limit of " + MAX_USER_TAGS;
    }
    return null;
  }

  private static Set<String> union(Map<String, String> a, Map<String, String> b) {
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static List<String> quoted(Set<String> keys) {
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      out.add("'" + io.tagscan.model.Printable.of(key) + "'");
      if (out.size() == 5 && keys.size() > 5) {
        out.add("…");
        break;
      }
    }
    return out;
  }

  /** The resource's tags once its adds and sets are made, before anything is removed. */
  private static SortedMap<String, String> added(ResourceFix fix) {
    TreeMap<String, String> added = new TreeMap<>(fix.tags());
    added.putAll(fix.toSet());
    return added;
  }
}
