package io.tagscan.scan;

import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Account;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Shard;
import java.util.SortedMap;

/**
 * Passes on only what belongs to one part of an offline scan ({@code --shard K/N}): the resources,
 * accounts and errors of the accounts of that part; domains and progress pass unchanged.
 */
final class ShardFilter implements ScanListener {

  private final Shard shard;
  private final ScanListener next;

  ShardFilter(Shard shard, ScanListener next) {
    this.shard = shard;
    this.next = next;
  }

  @Override
  public void resource(Resource resource) {
    if (shard.holds(resource.accountId())) {
      next.resource(resource);
    }
  }

  @Override
  public void account(Account account) {
    if (shard.holds(account.id())) {
      next.account(account);
    }
  }

  @Override
  public void domain(String domainArn, SortedMap<String, String> tags) {
    next.domain(domainArn, tags);
  }

  @Override
  public void error(ScanError error) {
    if (shard.holds(error.accountId())) {
      next.error(error);
    }
  }

  @Override
  public void unitsPlanned(int total) {
    next.unitsPlanned(total);
  }

  @Override
  public void unitDone(String accountId, String region, boolean complete) {
    next.unitDone(accountId, region, complete);
  }

  @Override
  public void finished() {
    next.finished();
  }
}
