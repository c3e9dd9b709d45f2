package io.tagscan.inventory.aws;

import io.tagscan.model.Account;
import io.tagscan.model.ScanError;
import io.tagscan.model.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Decides what a scan covers: which accounts (named, in a file, listed by Organizations, less the
 * excluded), which regions and in what order, and which role gets into each account. It makes no
 * AWS call of its own: the accounts come from a {@link Directory}.
 */
final class AccountPlanner {

  /** Where the accounts come from; each call throws {@link AccountDirectory.FailedCall}. */
  interface Directory {
    /** The account whose credentials the caller holds. */
    String callerAccount();

    /** Adds every active account of the organization. */
    void listOrganization(Map<String, Account> into);

    /** Adds every active account in the OU (or root) and in every OU beneath it. */
    void listUnder(String parentId, Map<String, Account> into);
  }

  /**
   * The accounts to cover, sorted by id, with what Organizations listed of them, and whether every
   * listing asked for could be read.
   */
  record Plan(List<String> ids, Map<String, Account> listed, boolean complete) {
    Plan {
      ids = List.copyOf(ids);
      listed = Map.copyOf(listed);
    }
  }

  private final AwsOptions options;
  private final List<String> fileAccounts;
  private final Function<String, ? extends RuntimeException> expired;
  private final Runnable beforeFirstCall;

  /**
   * The planner of a live command: the accounts of {@code --accounts-file} read now, the caller's
   * credentials checked and their expiry told through {@code clients}.
   *
   * @throws io.tagscan.model.InputException when the accounts file cannot be read or has a bad line
   */
  static AccountPlanner of(AwsOptions options, AwsClients clients) {
    List<String> fileAccounts =
        options.accountsFile() == null ? List.of() : AccountsFile.read(options.accountsFile());
    return new AccountPlanner(
        options, fileAccounts, clients::expiredCredentials, clients::requireCallerCredentials);
  }

  /**
   * @param fileAccounts the accounts of {@code --accounts-file}, already read
   * @param expired the failure to throw, given AWS's code, when the caller's own credentials have
   *     expired
   * @param beforeFirstCall run once the options passed, before the directory's first call (the
   *     caller's credentials are checked there)
   */
  AccountPlanner(
      AwsOptions options,
      List<String> fileAccounts,
      Function<String, ? extends RuntimeException> expired,
      Runnable beforeFirstCall) {
    this.options = Objects.requireNonNull(options, "options");
    this.fileAccounts = List.copyOf(fileAccounts);
    this.expired = Objects.requireNonNull(expired, "expired");
    this.beforeFirstCall = Objects.requireNonNull(beforeFirstCall, "beforeFirstCall");
  }

  /**
   * What the options cannot do, known before any AWS call: in the words of {@link AwsOptions}'s own
   * checks, and failed the same way ({@link AwsOptions#reject}).
   *
   * @param forScan true for a scan, which must get into every account; false for a listing
   */
  static List<String> optionProblems(AwsOptions options, boolean forScan) {
    List<String> problems = new ArrayList<>();
    if (forScan && !options.hasRole() && (options.org() || !options.ous().isEmpty())) {
      problems.add(
          "--org and --ou scan other accounts, which needs --role-name or --role-arn to get into"
              + " each of them");
    }
    return problems;
  }

  /**
   * The accounts to cover. A listing that fails goes to {@code listingErrors} and leaves the plan
   * incomplete; no caller account means no account at all.
   *
   * @throws UsageException when a scan asks for accounts it cannot get into, checked before any
   *     call where the options alone show it ({@link #optionProblems})
   * @throws RuntimeException the failure {@code expired} makes, when a call says the caller's
   *     credentials have expired
   */
  Plan plan(Directory directory, boolean forScan, Consumer<ScanError> listingErrors) {
    AwsOptions.reject(optionProblems(options, forScan));
    beforeFirstCall.run();
    boolean role = options.hasRole();
    TreeSet<String> named = new TreeSet<>(options.accounts());
    named.addAll(fileAccounts);
    String caller = null;
    if (!options.namesAccounts() || (forScan && !role)) {
      try {
        caller = directory.callerAccount();
      } catch (AccountDirectory.FailedCall failed) {
        listingErrors.accept(toError(failed));
        return new Plan(List.of(), Map.of(), false);
      }
    }
    if (forScan && !role) {
      Set<String> others = new TreeSet<>(named);
      others.remove(caller);
      if (!others.isEmpty()) {
        AwsOptions.reject(
            List.of(
                "without --role-name or --role-arn only the caller's own account ("
                    + caller
                    + ") can be scanned, but the accounts asked for include "
                    + others.stream().limit(5).collect(Collectors.joining(", "))
                    + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : "")));
      }
    }
    boolean complete = true;
    Map<String, Account> listed = new TreeMap<>();
    if (options.org()) {
      try {
        directory.listOrganization(listed);
      } catch (AccountDirectory.FailedCall failed) {
        listingErrors.accept(toError(failed));
        complete = false;
      }
    }
    for (String ou : options.ous()) {
      try {
        directory.listUnder(ou, listed);
      } catch (AccountDirectory.FailedCall failed) {
        listingErrors.accept(toError(failed));
        complete = false;
      }
    }
    TreeSet<String> ids = new TreeSet<>(named);
    ids.addAll(listed.keySet());
    if (!options.namesAccounts()) {
      ids.add(caller);
    }
    ids.removeAll(options.excludeAccounts());
    if (options.shard() != null) {
      ids.removeIf(id -> !options.shard().holds(id));
    }
    if (forScan && role && !options.roleArnVariesByAccount() && ids.size() > 1) {
      AwsOptions.reject(
          List.of(
              "--role-arn has no {account} placeholder, so it names one role for "
                  + ids.size()
                  + " accounts; write it as arn:{partition}:iam::{account}:role/NAME"));
    }
    listed.keySet().retainAll(ids);
    return new Plan(List.copyOf(ids), listed, complete);
  }

  /** The role to assume in the account, or null to use the caller's own credentials. */
  String roleFor(String partition, String accountId) {
    return options.hasRole() ? options.roleArn(partition, accountId) : null;
  }

  /**
   * The regions to cover, sorted: {@code --regions}, the partition's regions with {@code
   * --all-regions}, else the home region.
   */
  List<String> regions(String home) {
    if (!options.regions().isEmpty()) {
      return List.copyOf(new TreeSet<>(options.regions()));
    }
    if (options.allRegions()) {
      List<String> regions = Partitions.taggingRegions(Partitions.partitionOf(home));
      return regions.isEmpty() ? List.of(home) : regions;
    }
    return List.of(home);
  }

  /**
   * The order in which an account's regions are read: the global-resource region first (it usually
   * holds the most resources, and the longest chain of pages should start early), then the others
   * in name order.
   */
  static List<String> pairOrder(List<String> regions, String globalRegion) {
    List<String> order = new ArrayList<>(regions.size());
    if (globalRegion != null && regions.contains(globalRegion)) {
      order.add(globalRegion);
    }
    for (String region : regions) {
      if (!region.equals(globalRegion)) {
        order.add(region);
      }
    }
    return List.copyOf(order);
  }

  /** The failed call as an error with no account; first, stops the run on expired credentials. */
  private ScanError toError(AccountDirectory.FailedCall failed) {
    SdkException failure = failed.failure();
    if (AwsFailures.credentialsExpired(failure)) {
      throw expired.apply(AwsFailures.code(failure));
    }
    return failed.toError("");
  }
}
