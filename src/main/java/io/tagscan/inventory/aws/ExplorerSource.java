package io.tagscan.inventory.aws;

import io.tagscan.inventory.Arn;
import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.resourceexplorer2.ResourceExplorer2Client;

/**
 * AWS Resource Explorer as a source of one live scan: finds the view {@code --source} asks for,
 * then either reads it alone (the whole organization from one account, no role assumed) or, beside
 * the Tagging API, holds each account's results until the account's pairs are read and passes on
 * those the Tagging API (and SageMaker's listing) did not return. Keeps the figures the report
 * gives under {@code scan.resourceExplorer}.
 *
 * <p>A result outside {@code --accounts}, {@code --exclude-accounts}, {@code --regions} or {@code
 * --resource-types} is dropped and counted; a result with no user tag whose type {@code
 * --untagged-types} does not count is left out and counted.
 */
final class ExplorerSource {

  /** The commands that set Resource Explorer up, for the message when no view is found. */
  static final String SET_UP =
      "aws resource-explorer-2 create-index --type AGGREGATOR --region REGION (in the management"
          + " account or a delegated administrator, after enabling trusted access: aws"
          + " organizations enable-aws-service-access --service-principal"
          + " resource-explorer-2.amazonaws.com), then aws resource-explorer-2 create-view"
          + " --view-name tagscan --scope arn:aws:organizations::MANAGEMENT:organization/o-ORG"
          + " --included-properties Name=tags --region REGION and aws resource-explorer-2"
          + " associate-default-view --view-arn VIEW_ARN --region REGION";

  private final AwsOptions options;
  private final ExplorerOptions how;
  private final AwsClients clients;
  private final String region;
  private final String globalRegion;
  private final List<ExplorerCoverage.View> views = new ArrayList<>();
  private final Set<String> types = ConcurrentHashMap.newKeySet();
  private final AtomicLong outside = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final Queue<ExplorerCoverage.Pair> pairs = new ConcurrentLinkedQueue<>();
  private final List<String> notes = new ArrayList<>();
  private final ConcurrentMap<String, List<Resource>> byAccount = new ConcurrentHashMap<>();
  private ExplorerReader.ViewInfo view;
  private ResourceExplorer2Client client;
  private volatile boolean readWhole;

  ExplorerSource(AwsOptions options, AwsClients clients, String home) {
    this.options = options;
    this.how = options.explorer();
    this.clients = clients;
    this.region = explorerRegion(how, home);
    this.globalRegion = Partitions.globalResourceRegion(Partitions.partitionOf(home));
  }

  /** {@code --rex-region}, else the region of {@code --view-arn}, else the home region. */
  static String explorerRegion(ExplorerOptions how, String home) {
    if (how.region() != null) {
      return how.region();
    }
    if (how.viewArn() != null) {
      String viewRegion = Arn.parse(how.viewArn()).region();
      if (!viewRegion.isEmpty()) {
        return viewRegion;
      }
    }
    return home;
  }

  /**
   * Finds the view. In {@code auto} mode a missing, refused or tagless view means the scan goes on
   * without Resource Explorer (the last with a note); otherwise no view, or one without tags, is a
   * usage error, and a failed call an error told to {@code errors}.
   *
   * @return true when the view is there to be read
   * @throws UsageException when Resource Explorer was asked for and no usable view is set up
   */
  boolean find(Consumer<ScanError> errors) {
    boolean auto = how.mode() == ExplorerOptions.Mode.AUTO;
    ExplorerReader reader = new ExplorerReader(client());
    String arn = how.viewArn();
    String operation = "GetDefaultView";
    ExplorerReader.ViewInfo found = null;
    try {
      if (arn == null) {
        arn = reader.defaultView();
      }
      operation = "GetView";
      if (arn != null) {
        found = reader.view(arn);
      }
    } catch (SdkException failure) {
      if (!auto) {
        errors.accept(AwsFailures.error("", region, operation, failure));
      }
      return false;
    }
    if (found == null) {
      if (auto) {
        return false;
      }
      throw new UsageException(
          "Resource Explorer has no default view in "
              + region
              + ": pass --view-arn, --rex-region with the aggregator region, or set it up: "
              + SET_UP);
    }
    if (!found.includesTags()) {
      String problem =
          "the Resource Explorer view "
              + found.arn()
              + " does not include the tags property, so every resource would look untagged";
      if (auto) {
        notes.add(problem + "; the scan read the Tagging API alone");
        return false;
      }
      throw new UsageException(
          problem
              + ": update it with aws resource-explorer-2 update-view --view-arn "
              + found.arn()
              + " --included-properties Name=tags, or pass another --view-arn");
    }
    view = found;
    views.add(new ExplorerCoverage.View(found.arn(), found.lastUpdatedAt()));
    return true;
  }

  /**
   * Resource Explorer in its region, for the caller (one view answers for many accounts), built
   * once and closed with the scan's other clients.
   */
  private synchronized ResourceExplorer2Client client() {
    if (client == null) {
      client =
          clients.keep(
              clients
                  .configure(ResourceExplorer2Client.builder(), region, clients.callerCredentials())
                  .build());
    }
    return client;
  }

  /** The region Resource Explorer is called in. */
  String region() {
    return region;
  }

  /**
   * Beside the Tagging API: reads the whole view and keeps the results of these accounts and
   * regions until each account is done ({@link #accountDone}); a failed call is told to {@code
   * errors}, keeping what was read.
   *
   * @return false when the view could not be read whole
   */
  boolean collect(Set<String> accounts, List<String> regions, Consumer<ScanError> errors) {
    Predicate<Resource> wanted = filter(accounts, regions);
    return read(
        resource -> {
          if (wanted.test(resource)) {
            byAccount.computeIfAbsent(resource.accountId(), id -> new ArrayList<>()).add(resource);
          } else {
            outside.incrementAndGet();
          }
        },
        errors);
  }

  /**
   * In {@code auto} mode: reads the view as {@link #collect} does, but a listing that fails
   * (refused, throttled past the retries, a server or network failure, a looping token) leaves the
   * scan to the Tagging API, as it was before a view was set up: what was read is dropped, the view
   * is forgotten (no {@code scan.resourceExplorer}) and a note says what failed and how to choose.
   *
   * @return true when the view was read whole and its results are to be added
   */
  boolean collectOrLeave(Set<String> accounts, List<String> regions) {
    List<ScanError> failures = new ArrayList<>();
    if (collect(accounts, regions, failures::add)) {
      return true;
    }
    String viewArn = view.arn();
    byAccount.clear();
    types.clear();
    outside.set(0);
    skipped.set(0);
    pairs.clear();
    views.clear();
    view = null;
    ScanError failure = failures.get(0);
    notes.add(
        "Resource Explorer's "
            + failure.operation()
            + " of the view "
            + viewArn
            + " failed ("
            + failure.code()
            + "), so the scan read the Tagging API alone; pass --source tagging-api to leave"
            + " Resource Explorer out, or --source combined to have such a failure fail the scan");
    return false;
  }

  /**
   * Once every pair of the account was read: passes on the account's results that neither the
   * Tagging API nor SageMaker's listing returned, and records per region what each source gave.
   *
   * @param taggingByRegion how many resources the Tagging API returned, by region
   */
  void accountDone(
      AccountRun run, Map<String, Integer> taggingByRegion, Consumer<Resource> passOn) {
    List<Resource> held = byAccount.remove(run.accountId);
    TreeMap<String, int[]> counts = new TreeMap<>();
    taggingByRegion.forEach((where, n) -> counts.computeIfAbsent(where, k -> new int[3])[0] = n);
    for (Resource resource : held == null ? List.<Resource>of() : held) {
      int[] count = counts.computeIfAbsent(resource.region(), k -> new int[3]);
      count[1]++;
      if (run.seen.add(resource.arn()) && counted(resource)) {
        count[2]++;
        passOn.accept(resource);
      }
    }
    counts.forEach(
        (where, count) ->
            pairs.add(
                new ExplorerCoverage.Pair(run.accountId, where, count[0], count[1], count[2])));
  }

  /**
   * Alone: reads the whole view, telling the job of each account before its first resource, with
   * its own tags where Organizations told them.
   *
   * @param accounts the accounts to keep, or null for every account in the view
   * @return the accounts whose resources were told, sorted
   */
  Set<String> readAlone(
      Set<String> accounts, List<String> regions, ExplorerAccounts known, ScanJob job) {
    Predicate<Resource> wanted = filter(accounts, regions);
    Set<String> told = new TreeSet<>();
    TreeMap<String, int[]> counts = new TreeMap<>();
    boolean whole =
        read(
            resource -> {
              if (!wanted.test(resource)) {
                outside.incrementAndGet();
                return;
              }
              int[] count =
                  counts.computeIfAbsent(
                      resource.accountId() + "\n" + resource.region(), k -> new int[2]);
              count[0]++;
              if (!counted(resource)) {
                return;
              }
              count[1]++;
              if (told.add(resource.accountId())) {
                job.gate.account(known.account(resource.accountId()));
              }
              job.gate.resource(resource);
            },
            job.gate::error);
    counts.forEach(
        (key, count) -> {
          int cut = key.indexOf('\n');
          pairs.add(
              new ExplorerCoverage.Pair(
                  key.substring(0, cut), key.substring(cut + 1), 0, count[0], count[1]));
        });
    readWhole = whole;
    return told;
  }

  /** What Resource Explorer gave, once the scan is over; null when no view was read. */
  ExplorerCoverage coverage() {
    if (view == null) {
      return null;
    }
    return new ExplorerCoverage(
        views, List.copyOf(types), outside.get(), skipped.get(), List.copyOf(pairs));
  }

  /** True when the last read of the view ended with its last page. */
  boolean readWhole() {
    return readWhole;
  }

  synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  /** Adds notes of the scan for the user (about the accounts' tags, say). */
  synchronized void note(List<String> more) {
    notes.addAll(more);
  }

  private boolean read(Consumer<Resource> out, Consumer<ScanError> errors) {
    ExplorerReader reader = new ExplorerReader(client());
    try {
      reader.read(
          view.arn(),
          listed -> {
            if (listed.explorerType() != null) {
              types.add(listed.explorerType());
            }
            out.accept(listed.resource());
          },
          () -> false);
      return true;
    } catch (SdkException failure) {
      errors.accept(AwsFailures.error("", region, "ListResources", failure));
      return false;
    }
  }

  /** True unless the resource has no user tag and its type is not one whose untagged count. */
  private boolean counted(Resource resource) {
    for (String key : resource.tags().keySet()) {
      if (!key.startsWith("aws:")) {
        return true;
      }
    }
    if (how.countsUntagged(resource.resourceType())) {
      return true;
    }
    skipped.incrementAndGet();
    return false;
  }

  /** The results to keep: in the accounts (null: any), regions (empty: any) and types asked. */
  private Predicate<Resource> filter(Set<String> accounts, List<String> regions) {
    Set<String> inRegions = new TreeSet<>(regions);
    if (globalRegion != null && inRegions.contains(globalRegion)) {
      inRegions.add("global");
    }
    Set<String> excluded = Set.copyOf(options.excludeAccounts());
    return resource ->
        (accounts == null || accounts.contains(resource.accountId()))
            && !excluded.contains(resource.accountId())
            && (options.shard() == null || options.shard().holds(resource.accountId()))
            && (inRegions.isEmpty() || inRegions.contains(resource.region()))
            && typeWanted(resource.resourceType());
  }

  private boolean typeWanted(String resourceType) {
    if (options.resourceTypes().isEmpty()) {
      return true;
    }
    for (String type : options.resourceTypes()) {
      if (type.equals(resourceType) || resourceType.startsWith(type + ":")) {
        return true;
      }
    }
    return false;
  }
}
