package io.tagscan.scan;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Account;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/** Passes every event to several listeners in turn, skipping absent ones. */
final class Listeners implements ScanListener {

  private final List<ScanListener> targets;

  private Listeners(List<ScanListener> targets) {
    this.targets = targets;
  }

  static ScanListener tee(ScanListener... listeners) {
    List<ScanListener> present =
        java.util.Arrays.stream(listeners).filter(Objects::nonNull).toList();
    return present.size() == 1 ? present.get(0) : new Listeners(present);
  }

  @Override
  public void resource(Resource resource) {
    for (ScanListener target : targets) {
      target.resource(resource);
    }
  }

  @Override
  public void account(Account account) {
    for (ScanListener target : targets) {
      target.account(account);
    }
  }

  @Override
  public void domain(String domainArn, SortedMap<String, String> tags) {
    for (ScanListener target : targets) {
      target.domain(domainArn, tags);
    }
  }

  @Override
  public void error(ScanError error) {
    for (ScanListener target : targets) {
      target.error(error);
    }
  }

  @Override
  public void unitsPlanned(int total) {
    for (ScanListener target : targets) {
      target.unitsPlanned(total);
    }
  }

  @Override
  public void unitDone(String accountId, String region, boolean complete) {
    for (ScanListener target : targets) {
      target.unitDone(accountId, region, complete);
    }
  }

  @Override
  public void finished() {
    for (ScanListener target : targets) {
      target.finished();
    }
  }
}
