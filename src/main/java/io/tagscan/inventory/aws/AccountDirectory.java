package io.tagscan.inventory.aws;

import io.tagscan.model.Account;
import io.tagscan.model.ScanError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Finds accounts and what Organizations knows of them: the caller's account (STS), every active
 * account of the organization or of an OU subtree, and each account's name, state and tags.
 */
final class AccountDirectory implements AccountPlanner.Directory {

  private static final String ACTIVE = "ACTIVE";

  private final AwsClients clients;
  private final String partition;
  private final AtomicBoolean organizationsRefused = new AtomicBoolean();

  AccountDirectory(AwsClients clients, String partition) {
    this.clients = clients;
    this.partition = partition;
  }

  /** A call that failed, with the operation that made it. */
  static final class FailedCall extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operation;
    private final transient SdkException failure;

    FailedCall(String operation, SdkException failure) {
      super(operation + " failed", failure, false, false);
      this.operation = operation;
      this.failure = failure;
    }

    ScanError toError(String accountId) {
      return AwsFailures.error(accountId, "", operation, failure);
    }

    SdkException failure() {
      return failure;
    }
  }

  /** The account whose credentials the caller holds, from STS {@code GetCallerIdentity}. */
  @Override
  public String callerAccount() {
    return call("GetCallerIdentity", () -> clients.sts().getCallerIdentity().account());
  }

  /** Adds every active account of the organization ({@code ListAccounts}, every page). */
  @Override
  public void listOrganization(Map<String, Account> into) {
    listOrganization(account -> into.put(account.id(), account));
  }

  /**
   * Tells each active account of the organization as its {@code ListAccounts} page arrives.
   *
   * @throws FailedCall when a page cannot be read
   */
  void listOrganization(Consumer<Account> each) {
    OrganizationsClient organizations = clients.organizations(partition);
    call(
        "ListAccounts",
        () -> {
          // The paginator keeps asking while NextToken is set, through empty pages too.
          PageTokens tokens = new PageTokens("ListAccounts");
          for (var page : organizations.listAccountsPaginator(request -> {})) {
            for (var account : page.accounts()) {
              addIfActive(each, account);
            }
            tokens.more(page.nextToken());
          }
          return null;
        });
  }

  /** Adds every active account in the OU (or root) and in every OU beneath it. */
  @Override
  public void listUnder(String parentId, Map<String, Account> into) {
    OrganizationsClient organizations = clients.organizations(partition);
    Deque<String> parents = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    parents.add(parentId);
    while (!parents.isEmpty()) {
      String parent = parents.removeFirst();
      if (!seen.add(parent)) {
        continue;
      }
      call(
          "ListAccountsForParent",
          () -> {
            PageTokens tokens = new PageTokens("ListAccountsForParent");
            for (var page :
                organizations.listAccountsForParentPaginator(request -> request.parentId(parent))) {
              for (var account : page.accounts()) {
                addIfActive(found -> into.put(found.id(), found), account);
              }
              tokens.more(page.nextToken());
            }
            return null;
          });
      call(
          "ListOrganizationalUnitsForParent",
          () -> {
            PageTokens tokens = new PageTokens("ListOrganizationalUnitsForParent");
            for (var page :
                organizations.listOrganizationalUnitsForParentPaginator(
                    request -> request.parentId(parent))) {
              for (var unit : page.organizationalUnits()) {
                parents.addLast(unit.id());
              }
              tokens.more(page.nextToken());
            }
            return null;
          });
    }
  }

  /**
   * Every account of the plan, described side by side as {@link #describe} does, in the plan's
   * order.
   */
  List<Account> describeAll(AccountPlanner.Plan plan, Executor pool, Consumer<ScanError> errors)
      throws InterruptedException, ExecutionException {
    List<CompletableFuture<Account>> described = new ArrayList<>();
    for (String id : plan.ids()) {
      described.add(describe(id, plan.listed().get(id), pool, errors));
    }
    List<Account> accounts = new ArrayList<>();
    for (CompletableFuture<Account> account : described) {
      accounts.add(account.get());
    }
    return List.copyOf(accounts);
  }

  /**
   * The account with its name, state and tags, from what listing already gave ({@code listed}, may
   * be null) and from {@code DescribeAccount} and {@code ListTagsForResource}, run side by side on
   * {@code pool}. Never fails: what cannot be read is reported to {@code errors} and the account is
   * kept with what is known. When Organizations refuses the caller outright, that is reported once,
   * with no account id, and no further account is asked about.
   */
  CompletableFuture<Account> describe(
      String id, Account listed, Executor pool, Consumer<ScanError> errors) {
    Account known = listed != null ? listed : Account.ofId(id);
    if (organizationsRefused.get()) {
      return CompletableFuture.completedFuture(known.withUnknownTags());
    }
    CompletableFuture<Outcome<Account>> details =
        listed != null
            ? CompletableFuture.completedFuture(new Outcome<>(listed, null))
            : CompletableFuture.supplyAsync(() -> attempt(() -> describeAccount(id)), pool);
    CompletableFuture<Outcome<Map<String, String>>> tags =
        CompletableFuture.supplyAsync(() -> attempt(() -> tagsOf(id)), pool);
    return details.thenCombine(tags, (detail, tagged) -> merge(id, known, detail, tagged, errors));
  }

  private Account merge(
      String id,
      Account known,
      Outcome<Account> detail,
      Outcome<Map<String, String>> tagged,
      Consumer<ScanError> errors) {
    SdkException refusal =
        detail.failure != null && AwsFailures.organizationsDenied(detail.failure)
            ? detail.failure
            : tagged.failure != null && AwsFailures.organizationsDenied(tagged.failure)
                ? tagged.failure
                : null;
    if (refusal != null) {
      if (organizationsRefused.compareAndSet(false, true)) {
        String operation = refusal == detail.failure ? "DescribeAccount" : "ListTagsForResource";
        errors.accept(
            new ScanError(
                "",
                "",
                operation,
                AwsFailures.code(refusal),
                "account names and tags cannot be read from Organizations, so accounts are kept"
                    + " by id and their tags are not checked: "
                    + AwsFailures.message(refusal)));
      }
      Account base = detail.value != null ? detail.value : known;
      return tagged.value != null ? base.withTags(tagged.value) : base.withUnknownTags();
    }
    Account base = known;
    if (detail.failure != null) {
      errors.accept(AwsFailures.error(id, "", "DescribeAccount", detail.failure));
    } else {
      base = detail.value;
    }
    if (tagged.failure != null) {
      errors.accept(AwsFailures.error(id, "", "ListTagsForResource", tagged.failure));
      return base.withUnknownTags();
    }
    return base.withTags(tagged.value);
  }

  private Account describeAccount(String id) {
    var account = clients.organizations(partition).describeAccount(r -> r.accountId(id)).account();
    return Account.of(id, account.name(), stateOf(account), Map.of(), account.arn());
  }

  private Map<String, String> tagsOf(String id) {
    Map<String, String> tags = new TreeMap<>();
    PageTokens tokens = new PageTokens("ListTagsForResource");
    for (ListTagsForResourceResponse page :
        clients.organizations(partition).listTagsForResourcePaginator(r -> r.resourceId(id))) {
      for (Tag tag : page.tags()) {
        if (tag.key() != null) {
          tags.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
      }
      tokens.more(page.nextToken());
    }
    return tags;
  }

  private static void addIfActive(
      Consumer<Account> into, software.amazon.awssdk.services.organizations.model.Account a) {
    String state = stateOf(a);
    if (ACTIVE.equals(state) && a.id() != null) {
      into.accept(Account.of(a.id(), a.name(), state, Map.of(), a.arn()));
    }
  }

  /** {@code State}, which replaces the retiring {@code Status}; {@code Status} when absent. */
  private static String stateOf(software.amazon.awssdk.services.organizations.model.Account a) {
    String state = a.stateAsString();
    return state != null && !state.isEmpty() ? state : a.statusAsString();
  }

  private static <T> T call(String operation, Supplier<T> work) {
    try {
      return work.get();
    } catch (SdkException e) {
      throw new FailedCall(operation, e);
    }
  }

  private static <T> Outcome<T> attempt(Supplier<T> work) {
    try {
      return new Outcome<>(work.get(), null);
    } catch (SdkException e) {
      return new Outcome<>(null, e);
    }
  }

  private record Outcome<T>(T value, SdkException failure) {}
}
