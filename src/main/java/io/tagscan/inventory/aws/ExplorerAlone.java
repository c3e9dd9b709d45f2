package io.tagscan.inventory.aws;

import io.tagscan.model.ExplorerCoverage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A live scan through Resource Explorer alone ({@code --source resource-explorer}): one view, read
 * with the caller's own credentials, answers for every account and region it covers, so no role is
 * assumed and no account × region is listed on its own.
 *
 * <p>Accounts are those of the view unless {@code --accounts}, {@code --accounts-file} or {@code
 * --ou} name some (then listed as {@code tagscan accounts} lists them, and a result of another
 * account is dropped and counted); {@code --org} means the whole view. Each account's own tags come
 * from Organizations where the caller may ask ({@link ExplorerAccounts}). Regions are those of the
 * view unless {@code --regions} names some. The listener hears one unit of work: the view.
 */
final class ExplorerAlone {

  private ExplorerAlone() {}

  static LiveScanResult run(
      AwsOptions options,
      AccountPlanner planner,
      AccountDirectory directory,
      AwsClients clients,
      ScanJob job,
      ExplorerSource explorer) {
    Set<String> accounts = null;
    boolean listingComplete = true;
    AccountPlanner.Plan plan = null;
    if (!options.accounts().isEmpty()
        || options.accountsFile() != null
        || !options.ous().isEmpty()) {
      plan = planner.plan(directory, false, job.gate::error);
      accounts = Set.copyOf(plan.ids());
      listingComplete = plan.complete();
    } else {
      clients.requireCallerCredentials();
    }
    List<String> regions =
        options.regions().isEmpty() ? List.of() : planner.regions(clients.homeRegion());
    job.gate.unitsPlanned(1);
    int requested = accounts == null ? 0 : accounts.size();
    if (!explorer.find(job.gate::error)) {
      job.gate.unitDone("", explorer.region(), false);
      return new LiveScanResult(requested, 0, requested, regions, false, List.of());
    }
    // Looked up while the view is read; each account waits for its own only.
    ExplorerAccounts known = ExplorerAccounts.start(plan, directory, job);
    Set<String> told = explorer.readAlone(accounts, regions, known, job);
    boolean whole = explorer.readWhole();
    if (whole && accounts != null) {
      // An account named but without a resource in the view is still judged by its own tags.
      for (String id : new TreeSet<>(accounts)) {
        if (!told.contains(id)) {
          job.gate.account(known.account(id));
        }
      }
    }
    explorer.note(known.notes());
    job.gate.unitDone("", explorer.region(), whole);
    int scanned;
    if (accounts == null) {
      requested = told.size();
      scanned = told.size();
    } else if (whole) {
      scanned = requested;
    } else {
      Set<String> read = new TreeSet<>(told);
      read.retainAll(accounts);
      scanned = read.size();
    }
    TreeSet<String> seenRegions = new TreeSet<>();
    ExplorerCoverage figures = explorer.coverage();
    if (figures != null) {
      figures.pairs().forEach(pair -> seenRegions.add(pair.region()));
    }
    return new LiveScanResult(
        requested,
        scanned,
        requested - scanned,
        regions.isEmpty() ? List.copyOf(seenRegions) : regions,
        whole && listingComplete && known.complete() && !job.stopped(),
        List.of());
  }
}
