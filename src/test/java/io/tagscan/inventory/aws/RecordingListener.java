package io.tagscan.inventory.aws;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Account;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Keeps everything a scan told it, in arrival order, for assertions. */
class RecordingListener implements ScanListener {

  /** One {@code unitDone} call. */
  record Unit(String accountId, String region, boolean complete) {}

  private final List<Resource> resources = new ArrayList<>();
  private final List<Account> accounts = new ArrayList<>();
  private final List<ScanError> errors = new ArrayList<>();
  private final List<Unit> units = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final Map<String, SortedMap<String, String>> domains = new TreeMap<>();
  private int planned = -1;

  @Override
  public synchronized void resource(Resource resource) {
    resources.add(resource);
    events.add("resource " + resource.accountId() + " " + resource.arn());
  }

  @Override
  public synchronized void account(Account account) {
    accounts.add(account);
    events.add("account " + account.id());
  }

  @Override
  public synchronized void domain(String domainArn, SortedMap<String, String> tags) {
    domains.put(domainArn, tags);
    events.add("domain " + domainArn);
  }

  @Override
  public synchronized void error(ScanError error) {
    errors.add(error);
  }

  @Override
  public synchronized void unitsPlanned(int total) {
    planned = total;
  }

  @Override
  public synchronized void unitDone(String accountId, String region, boolean complete) {
    units.add(new Unit(accountId, region, complete));
  }

  synchronized List<Resource> resources() {
    List<Resource> sorted = new ArrayList<>(resources);
    sorted.sort(Comparator.comparing(Resource::accountId).thenComparing(Resource::arn));
    return sorted;
  }

  synchronized List<String> arns() {
    return resources().stream().map(Resource::arn).toList();
  }

  synchronized List<Account> accounts() {
    List<Account> sorted = new ArrayList<>(accounts);
    sorted.sort(Comparator.comparing(Account::id));
    return sorted;
  }

  synchronized List<ScanError> errors() {
    List<ScanError> sorted = new ArrayList<>(errors);
    sorted.sort(
        Comparator.comparing(ScanError::accountId)
            .thenComparing(ScanError::region)
            .thenComparing(ScanError::operation));
    return sorted;
  }

  synchronized List<Unit> units() {
    List<Unit> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparing(Unit::accountId).thenComparing(Unit::region));
    return sorted;
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }

  synchronized Map<String, SortedMap<String, String>> domains() {
    return Map.copyOf(domains);
  }

  synchronized int planned() {
    return planned;
  }
}
