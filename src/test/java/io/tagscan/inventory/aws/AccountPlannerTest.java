package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.Account;
import io.tagscan.model.EnvironmentException;
import io.tagscan.model.ScanError;
import io.tagscan.model.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** The account planner over an account directory held in memory: no HTTP server, no SDK client. */
class AccountPlannerTest {

  private static final String CALLER = "999999999999";
  private static final String A = "111111111111";
  private static final String B = "222222222222";
  private static final String C = "333333333333";

  private final List<ScanError> errors = new ArrayList<>();

  @Test
  void coversTheCallersOwnAccountWhenNoAccountIsNamed() {
    Directory directory = new Directory();

    AccountPlanner.Plan plan = planner(options()).plan(directory, true, errors::add);

    assertThat(plan.ids()).containsExactly(CALLER);
    assertThat(plan.complete()).isTrue();
    assertThat(directory.calls).containsExactly("GetCallerIdentity");
  }

  @Test
  void joinsNamedFileAndOrganizationAccountsLessTheExcludedInIdOrder() {
    Directory directory = new Directory();
    directory.organization.put(C, account(C));
    directory.organization.put(B, account(B));

    AccountPlanner.Plan plan =
        new AccountPlanner(
                options().role("TagAuditor").org().accounts(A).exclude(B).build(),
                List.of("444444444444"),
                code -> new IllegalStateException(code),
                () -> {})
            .plan(directory, true, errors::add);

    assertThat(plan.ids()).containsExactly(A, C, "444444444444");
    assertThat(plan.listed()).containsOnlyKeys(C);
    assertThat(directory.calls).containsExactly("ListAccounts");
  }

  @Test
  void keepsTheAccountsListedWhenOneListingFailsAndSaysThePlanIsIncomplete() {
    Directory directory = new Directory();
    directory.organization.put(A, account(A));
    directory.failing.put("ListAccountsForParent", service("AccessDeniedException", 400));

    AccountPlanner.Plan plan =
        planner(options().role("TagAuditor").org().ous("ou-abcd-12345678"))
            .plan(directory, true, errors::add);

    assertThat(plan.ids()).containsExactly(A);
    assertThat(plan.complete()).isFalse();
    assertThat(errors)
        .extracting(ScanError::accountId, ScanError::operation, ScanError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "", "ListAccountsForParent", "AccessDeniedException"));
  }

  @Test
  void plansNoAccountWhenTheCallerCannotBeNamed() {
    Directory directory = new Directory();
    directory.failing.put("GetCallerIdentity", service("InternalFailure", 500));

    AccountPlanner.Plan plan = planner(options()).plan(directory, true, errors::add);

    assertThat(plan.ids()).isEmpty();
    assertThat(plan.complete()).isFalse();
    assertThat(errors).extracting(ScanError::operation).containsExactly("GetCallerIdentity");
  }

  @Test
  void stopsWithTheExpiredCredentialsFailureRatherThanAnError() {
    Directory directory = new Directory();
    directory.failing.put("ListAccounts", service("ExpiredToken", 400));

    assertThatThrownBy(
            () -> planner(options().role("TagAuditor").org()).plan(directory, true, errors::add))
        .isInstanceOf(EnvironmentException.class)
        .hasMessage("expired: ExpiredToken");
    assertThat(errors).isEmpty();
  }

  @Test
  void refusesOtherAccountsWithoutARoleNamingThem() {
    assertThatThrownBy(
            () -> planner(options().accounts(A, CALLER)).plan(new Directory(), true, errors::add))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "without --role-name or --role-arn only the caller's own account (999999999999) can"
                + " be scanned, but the accounts asked for include 111111111111");
  }

  @Test
  void refusesOneRoleArnForManyAccounts() {
    AwsOptions options =
        options().roleArn("arn:aws:iam::111111111111:role/TagAuditor").accounts(A, B).build();

    assertThatThrownBy(() -> planner(options).plan(new Directory(), true, errors::add))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining(
            "--role-arn has no {account} placeholder, so it names one role for 2");
  }

  @Test
  void listsOtherAccountsWithoutARoleWhenNotScanningThem() {
    Directory directory = new Directory();
    directory.organization.put(A, account(A));

    AccountPlanner.Plan plan = planner(options().org()).plan(directory, false, errors::add);

    assertThat(plan.ids()).containsExactly(A);
    assertThat(AccountPlanner.optionProblems(options().org().build(), false)).isEmpty();
  }

  @Test
  void findsTheMissingRoleForAnOrganizationScanBeforeAnyCall() {
    assertThat(AccountPlanner.optionProblems(options().ous("r-abcd").build(), true))
        .containsExactly(
            "--org and --ou scan other accounts, which needs --role-name or --role-arn to get"
                + " into each of them");
    assertThat(AccountPlanner.optionProblems(options().role("TagAuditor").org().build(), true))
        .isEmpty();
  }

  @Test
  void failsOnTheOptionsBeforeCheckingCredentialsOrCallingAws() {
    Directory directory = new Directory();
    List<String> steps = new ArrayList<>();
    AccountPlanner planner =
        new AccountPlanner(
            options().org().build(),
            List.of(),
            code -> new EnvironmentException(code),
            () -> steps.add("credentials"));

    assertThatThrownBy(() -> planner.plan(directory, true, errors::add))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--org and --ou scan other accounts");
    assertThat(steps).isEmpty();
    assertThat(directory.calls).isEmpty();

    planner.plan(directory, false, errors::add);
    assertThat(steps).containsExactly("credentials");
  }

  @Test
  void namesTheRoleOfEachAccountOrNoneWithoutARoleOption() {
    assertThat(planner(options().role("TagAuditor")).roleFor("aws-cn", A))
        .isEqualTo("arn:aws-cn:iam::111111111111:role/TagAuditor");
    assertThat(planner(options()).roleFor("aws", A)).isNull();
  }

  @Test
  void coversTheRegionsAskedSortedElseTheHomeRegion() {
    assertThat(planner(options().regions("us-west-2", "eu-west-1")).regions("us-east-1"))
        .containsExactly("eu-west-1", "us-west-2");
    assertThat(planner(options()).regions("eu-central-1")).containsExactly("eu-central-1");
  }

  @Test
  void readsTheGlobalResourceRegionFirst() {
    assertThat(
            AccountPlanner.pairOrder(List.of("eu-west-1", "us-east-1", "us-west-2"), "us-east-1"))
        .containsExactly("us-east-1", "eu-west-1", "us-west-2");
    assertThat(AccountPlanner.pairOrder(List.of("eu-west-1"), "us-east-1"))
        .containsExactly("eu-west-1");
  }

  private static OptionsBuilder options() {
    return new OptionsBuilder();
  }

  private static AccountPlanner planner(OptionsBuilder options) {
    return planner(options.build());
  }

  private static AccountPlanner planner(AwsOptions options) {
    return new AccountPlanner(
        options, List.of(), code -> new EnvironmentException("expired: " + code), () -> {});
  }

  private static Account account(String id) {
    return Account.ofId(id);
  }

  private static SdkException service(String code, int status) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("refused").build())
        .build();
  }

  /** Accounts held in memory; an operation named in {@code failing} fails as AWS would. */
  private static final class Directory implements AccountPlanner.Directory {
    final Map<String, Account> organization = new java.util.TreeMap<>();
    final Map<String, SdkException> failing = new java.util.HashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public String callerAccount() {
      call("GetCallerIdentity");
      return CALLER;
    }

    @Override
    public void listOrganization(Map<String, Account> into) {
      call("ListAccounts");
      into.putAll(organization);
    }

    @Override
    public void listUnder(String parentId, Map<String, Account> into) {
      call("ListAccountsForParent");
    }

    private void call(String operation) {
      calls.add(operation);
      if (failing.containsKey(operation)) {
        throw new AccountDirectory.FailedCall(operation, failing.get(operation));
      }
    }
  }
}
