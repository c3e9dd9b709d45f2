package io.tagscan.inventory.aws;

import static io.tagscan.inventory.aws.FakeAws.CALLER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.tagscan.model.Account;
import io.tagscan.model.ScanError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts a scan covers, as {@link LiveScanner#accounts()} lists them. */
class AccountDirectoryTest {

  private static final String A = "111111111111";
  private static final String B = "222222222222";
  private static final String C = "333333333333";
  private static final String D = "444444444444";

  private static FakeAws fake;

  @BeforeAll
  static void startAws() {
    fake = new FakeAws();
  }

  @AfterAll
  static void stopAws() {
    fake.stop();
  }

  @BeforeEach
  void resetAws() {
    fake.reset();
  }

  private static FakeAws.Member account(String id, String name, String state) {
    return new FakeAws.Member(id, name, state);
  }

  private List<Account> accounts(OptionsBuilder options) {
    try (LiveScanner scanner = new LiveScanner(options.build(), FakeAws.settings())) {
      return scanner.accounts();
    }
  }

  @Test
  void listsEveryPageOfTheOrganizationEvenAnEmptyOne() {
    fake.organizationsPage(
        "ListAccounts",
        null,
        null,
        "t2",
        account(B, "beta", "ACTIVE"),
        account(A, "alpha", "ACTIVE"));
    fake.organizationsPage("ListAccounts", null, "t2", "t3");
    fake.organizationsPage(
        "ListAccounts",
        null,
        "t3",
        null,
        account(C, "gone", "SUSPENDED"),
        account(D, "delta", "ACTIVE"));
    fake.accountTags(A, Map.of("owner", "finance"));
    fake.accountTags(B, Map.of());
    fake.accountTags(D, Map.of("owner", "ml", "unit", "research"));

    // eu-west-1 at home: Organizations must still be asked in us-east-1, its global endpoint.
    List<Account> accounts =
        accounts(OptionsBuilder.against(fake.endpoint()).region("eu-west-1").org());

    assertThat(accounts)
        .containsExactly(
            Account.of(A, "alpha", "ACTIVE", Map.of("owner", "finance"), orgArn(A)),
            Account.of(B, "beta", "ACTIVE", Map.of(), orgArn(B)),
            Account.of(D, "delta", "ACTIVE", Map.of("owner", "ml", "unit", "research"), orgArn(D)));
    fake.server.verify(3, FakeAws.organizationsRequests("ListAccounts"));
    fake.server.verify(3, FakeAws.organizationsRequests("ListTagsForResource"));
  }

  @Test
  void readsTheRetiringStatusWhenStateIsAbsent() {
    fake.organizationsPageWithStatusOnly(null, A, "alpha", "ACTIVE");
    fake.accountTags(A, Map.of());

    assertThat(accounts(OptionsBuilder.against(fake.endpoint()).org()))
        .containsExactly(Account.of(A, "alpha", "ACTIVE", Map.of()));
  }

  @Test
  void leavesOutAccountsWhoseOnlyStatusIsSuspended() {
    fake.organizationsPageWithStatusOnly(null, A, "alpha", "SUSPENDED");

    assertThat(accounts(OptionsBuilder.against(fake.endpoint()).org())).isEmpty();
  }

  @Test
  void walksEveryOuBeneathTheOneGiven() {
    String top = "ou-ab12-11111111";
    String left = "ou-ab12-22222222";
    String leftChild = "ou-ab12-33333333";
    String right = "ou-ab12-44444444";
    fake.organizationsPage("ListAccountsForParent", top, null, null, account(A, "a", "ACTIVE"));
    fake.organizationsPage("ListAccountsForParent", left, null, null, account(B, "b", "ACTIVE"));
    fake.organizationsPage(
        "ListAccountsForParent",
        leftChild,
        null,
        null,
        account(C, "c", "ACTIVE"),
        account(D, "d", "PENDING_CLOSURE"));
    fake.organizationsPage("ListAccountsForParent", right, null, null);
    fake.childOus(top, left, right);
    fake.childOus(left, leftChild);
    fake.childOus(leftChild);
    fake.childOus(right);
    for (String id : List.of(A, B, C)) {
      fake.accountTags(id, Map.of());
    }

    assertThat(accounts(OptionsBuilder.against(fake.endpoint()).ous(top)))
        .extracting(Account::id, Account::name)
        .containsExactly(tuple(A, "a"), tuple(B, "b"), tuple(C, "c"));
    fake.server.verify(4, FakeAws.organizationsRequests("ListAccountsForParent"));
    fake.server.verify(4, FakeAws.organizationsRequests("ListOrganizationalUnitsForParent"));
  }

  @Test
  void joinsNamedAccountsAndTheFileThenLeavesOutTheExcluded(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("accounts.txt");
    Files.writeString(file, "# production\n" + C + "\n\n" + B + "  # shared\n");
    for (String id : List.of(A, C)) {
      fake.describeAccount(id, "name-" + id, "ACTIVE");
      fake.accountTags(id, Map.of());
    }

    List<Account> accounts =
        accounts(
            OptionsBuilder.against(fake.endpoint()).accounts(C, A).accountsFile(file).exclude(B));

    assertThat(accounts)
        .extracting(Account::id, Account::name)
        .containsExactly(tuple(A, "name-" + A), tuple(C, "name-" + C));
  }

  @Test
  void keepsAccountsByIdWhenOrganizationsRefusesTheCaller() throws Exception {
    fake.organizationsFail(400, "AccessDeniedException");
    RecordingListener listener = new RecordingListener();

    List<Account> accounts;
    try (LiveScanner scanner =
        new LiveScanner(
            OptionsBuilder.against(fake.endpoint()).accounts(B, A).build(), FakeAws.settings())) {
      accounts = scanner.accounts(listener);
    }

    assertThat(accounts)
        .containsExactly(Account.ofId(A).withUnknownTags(), Account.ofId(B).withUnknownTags());
    assertThat(listener.errors())
        .extracting(ScanError::accountId, ScanError::region, ScanError::operation, ScanError::code)
        .containsExactly(tuple("", "", "DescribeAccount", "AccessDeniedException"));
    assertThat(listener.errors().get(0).message())
        .startsWith("account names and tags cannot be read from Organizations");
  }

  @Test
  void namesTheAccountWhoseTagsCouldNotBeRead() {
    fake.describeAccount(A, "alpha", "ACTIVE");
    fake.accountTagsFail(500, "ServiceException");
    RecordingListener listener = new RecordingListener();

    List<Account> accounts;
    try (LiveScanner scanner =
        new LiveScanner(
            OptionsBuilder.against(fake.endpoint()).accounts(A).build(), FakeAws.settings())) {
      accounts = scanner.accounts(listener);
    }

    assertThat(accounts)
        .containsExactly(Account.of(A, "alpha", "ACTIVE", Map.of()).withUnknownTags());
    assertThat(listener.errors())
        .extracting(ScanError::accountId, ScanError::operation, ScanError::code)
        .containsExactly(tuple(A, "ListTagsForResource", "ServiceException"));
  }

  @Test
  void failsWhenTheOrganizationCannotBeListed() {
    fake.organizationsFail(400, "AccessDeniedException");

    assertThatThrownBy(() -> accounts(OptionsBuilder.against(fake.endpoint()).org()))
        .isInstanceOfSatisfying(
            LiveScanException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ScanError::operation, ScanError::code)
                    .containsExactly(tuple("ListAccounts", "AccessDeniedException")));
  }

  @Test
  void scansNothingButReportsWhenTheOrganizationCannotBeListed() {
    fake.organizationsFail(400, "AccessDeniedException");
    RecordingListener listener = new RecordingListener();

    LiveScanResult result;
    try (LiveScanner scanner =
        new LiveScanner(
            OptionsBuilder.against(fake.endpoint()).org().role("TagAuditor").build(),
            FakeAws.settings())) {
      result = scanner.scan(listener);
    }

    assertThat(listener.errors())
        .extracting(ScanError::operation, ScanError::code)
        .containsExactly(tuple("ListAccounts", "AccessDeniedException"));
    assertThat(listener.planned()).isZero();
    assertThat(result)
        .isEqualTo(new LiveScanResult(0, 0, 0, List.of("us-east-1"), false, List.of()));
  }

  @Test
  void listsTheCallersAccountWhenNoneIsNamed() {
    fake.callerIdentity(CALLER_ACCOUNT);
    fake.describeAccount(CALLER_ACCOUNT, "management", "ACTIVE");
    fake.accountTags(CALLER_ACCOUNT, Map.of("owner", "platform"));

    assertThat(accounts(OptionsBuilder.against(fake.endpoint())))
        .containsExactly(
            Account.of(CALLER_ACCOUNT, "management", "ACTIVE", Map.of("owner", "platform")));
  }

  /** The ARN Organizations gives an account of the fake organization. */
  private static String orgArn(String account) {
    return "arn:aws:organizations::" + FakeAws.CALLER_ACCOUNT + ":account/o-abc/" + account;
  }
}
