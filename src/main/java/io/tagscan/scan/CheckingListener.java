package io.tagscan.scan;

import io.tagscan.billing.FocusCosts;
import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Account;
import io.tagscan.model.CheckedResource;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.report.ReportPipeline;
import io.tagscan.rules.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The heart of a scan: runs the rules on each resource and account as it arrives and hands the
 * result to the reports, keeping the few figures the scan header needs. Thread-safe.
 */
final class CheckingListener implements ScanListener {

  private final RuleEngine engine;
  private final FocusCosts costs;
  private final ReportPipeline pipeline;
  private final Set<String> accountsSeen = ConcurrentHashMap.newKeySet();
  private final Set<String> accountsWithResources = ConcurrentHashMap.newKeySet();
  private final Set<String> regionsSeen = ConcurrentHashMap.newKeySet();
  private final Map<String, SortedMap<String, String>> domainTags = new ConcurrentHashMap<>();
  private final List<ScanError> errors = new ArrayList<>();
  private final List<ScanError> skipped = new ArrayList<>();

  /** {@code costs}, null for none, prices each resource the export charges. */
  CheckingListener(RuleEngine engine, FocusCosts costs, ReportPipeline pipeline) {
    this.engine = engine;
    this.costs = costs;
    this.pipeline = pipeline;
  }

  @Override
  public void resource(Resource resource) {
    // contains() first: the sets take few new members, and reading is lock-free.
    if (!resource.accountId().isEmpty() && !accountsWithResources.contains(resource.accountId())) {
      accountsSeen.add(resource.accountId());
      accountsWithResources.add(resource.accountId());
    }
    if (!resource.region().isEmpty() && !regionsSeen.contains(resource.region())) {
      regionsSeen.add(resource.region());
    }
    CheckedResource checked = engine.judge(resource, domainTags::get);
    if (costs != null) {
      checked = checked.withCost(costs.costOf(resource.arn(), resource.accountId()));
    }
    pipeline.accept(checked);
  }

  @Override
  public void domain(String domainArn, SortedMap<String, String> tags) {
    domainTags.put(domainArn, tags);
  }

  /**
   * Records the account for the reports and judges its own tags, unless Organizations could not say
   * what they are: an account whose tags are unknown stays among the resources, unjudged (neither
   * compliant nor not) rather than reported as missing every tag.
   */
  @Override
  public void account(Account account) {
    accountsSeen.add(account.id());
    pipeline.account(account);
    if (!account.tagsKnown()) {
      pipeline.accept(CheckedResource.unjudged(account.asResource()));
      return;
    }
    pipeline.accept(engine.judgeAccount(account));
  }

  @Override
  public synchronized void error(ScanError error) {
    (error.skipped() ? skipped : errors).add(error);
  }

  /** True for an error that says only that an account's own name or tags could not be read. */
  private static boolean aboutAccountOnly(ScanError error) {
    return "ListTagsForResource".equals(error.operation())
        || "DescribeAccount".equals(error.operation());
  }

  /** The parts that could not be read. */
  synchronized List<ScanError> errors() {
    return List.copyOf(errors);
  }

  /** The regions skipped because they are not enabled for the account: not failures. */
  synchronized List<ScanError> skipped() {
    return List.copyOf(skipped);
  }

  /** Every account that had a resource, an account record or an error. */
  Set<String> accounts() {
    TreeSet<String> all = new TreeSet<>(accountsSeen);
    for (ScanError error : errors()) {
      if (!error.accountId().isEmpty()) {
        all.add(error.accountId());
      }
    }
    return all;
  }

  /**
   * The accounts of which nothing could be read, as a live scan counts them: an error other than
   * their own tags being unreadable, and no resource. An account with both was read in part.
   */
  Set<String> failedAccounts() {
    TreeSet<String> failed = new TreeSet<>();
    for (ScanError error : errors()) {
      if (!error.accountId().isEmpty()
          && !aboutAccountOnly(error)
          && !accountsWithResources.contains(error.accountId())) {
        failed.add(error.accountId());
      }
    }
    return failed;
  }

  List<String> regions() {
    return List.copyOf(new TreeSet<>(regionsSeen));
  }
}
