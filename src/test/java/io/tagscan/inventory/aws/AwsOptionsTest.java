package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.UsageException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsOptionsTest {

  private static OptionsBuilder options() {
    return new OptionsBuilder();
  }

  @Test
  void fillsTheDefaultsAndTidiesTheLists() {
    OptionsBuilder builder = options();
    builder.roleSessionName = null;
    builder.roleDuration = null;
    builder.regions = null;
    builder.accounts = Arrays.asList(" 111111111111", "", "111111111111", null, "222222222222");

    AwsOptions options = builder.build();

    assertThat(options.roleSessionName()).isEqualTo("tagscan");
    assertThat(options.roleDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(options.regions()).isEmpty();
    assertThat(options.accounts()).containsExactly("111111111111", "222222222222");
  }

  @Test
  void expandsTheRoleNameIntoAnArnOfThePartition() {
    AwsOptions options = options().role("TagAuditor").build();

    assertThat(options.roleArn("aws-us-gov", "111111111111"))
        .isEqualTo("arn:aws-us-gov:iam::111111111111:role/TagAuditor");
  }

  @Test
  void fillsTheRoleArnTemplate() {
    AwsOptions options =
        options().roleArn("arn:{partition}:iam::{account}:role/audit/Scan").build();

    assertThat(options.roleArn("aws-cn", "222222222222"))
        .isEqualTo("arn:aws-cn:iam::222222222222:role/audit/Scan");
    assertThat(options.hasRole()).isTrue();
  }

  @Test
  void hasNoRoleArnWithoutARoleOption() {
    assertThat(options().build().roleArn("aws", "111111111111")).isNull();
  }

  @Test
  void reportsEveryProblemAtOnce() {
    OptionsBuilder builder =
        options().role("A").roleArn("arn:aws:iam::{acount}:role/B").concurrency(0);
    builder.roleSessionName = "x";
    builder.roleDuration = Duration.ofMinutes(10);
    builder.accounts = List.of("12345");

    assertThatThrownBy(builder::build)
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--concurrency must be between 1 and 256, not 0; "
                + "--role-name and --role-arn cannot be used together: give one of them; "
                + "--role-arn: unknown placeholder {acount}; the template knows {account} and"
                + " {partition}; "
                + "--role-session-name 'x' must be 2 to 64 characters of letters, digits and"
                + " _+=,.@-; "
                + "--role-duration must be between 900s (15m) and 43200s (12h), not 600s; "
                + "--accounts: '12345' is not an AWS account id (12 digits)");
  }

  @Test
  void rejectsASageMakerWindowThatIsNotPositive() {
    assertThatThrownBy(() -> options().sagemakerSince(Duration.ZERO).build())
        .isInstanceOf(UsageException.class)
        .hasMessage("--sagemaker-since must be a positive duration such as 90d or 12h, not 0s");
  }

  @Test
  void listsSageMakerJobsOfTheLastNinetyDaysUnlessToldOtherwise() {
    OptionsBuilder builder = options();
    builder.sagemakerSince = null;

    assertThat(builder.build().sagemakerSince()).isEqualTo(Duration.ofDays(90));
    assertThat(builder.build().sagemaker()).isTrue();
  }

  @Test
  void acceptsTheLongestSessionAndName() {
    OptionsBuilder builder = options().role("R");
    builder.roleSessionName = "s".repeat(64);
    builder.roleDuration = Duration.ofHours(12);

    assertThat(builder.build().roleDuration()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void rejectsASessionNameOverSixtyFourCharacters() {
    OptionsBuilder builder = options().role("R");
    builder.roleSessionName = "s".repeat(65);

    assertThatThrownBy(builder::build).hasMessageContaining("--role-session-name");
  }

  @Test
  void rejectsAnExternalIdWithoutARole() {
    assertThatThrownBy(() -> options().externalId("x").build())
        .hasMessage("--external-id needs --role-name or --role-arn");
  }

  @Test
  void rejectsRegionsTogetherWithAllRegions() {
    OptionsBuilder builder = options().regions("eu-west-1");
    builder.allRegions = true;

    assertThatThrownBy(builder::build)
        .hasMessage("--regions and --all-regions cannot be used together");
  }

  @Test
  void rejectsNamesThatAreNotRegionsOusOrResourceTypes() {
    assertThatThrownBy(
            () ->
                options()
                    .regions("eu-west-1", "Ireland")
                    .ous("ou-12")
                    .resourceTypes("ec2:instance", "EC2 Instance")
                    .exclude("abc")
                    .build())
        .hasMessage(
            "--regions: 'Ireland' is not an AWS region name (such as eu-west-1); "
                + "--exclude-accounts: 'abc' is not an AWS account id (12 digits); "
                + "--ou: 'ou-12' is not an organizational unit id (ou-xxxx-yyyyyyyy) or root id"
                + " (r-xxxx); "
                + "--resource-types: 'EC2 Instance' is not a resource type as in ARNs (service or"
                + " service:type, such as ec2:instance or s3)");
  }

  @Test
  void acceptsRootsAndOus() {
    assertThat(options().ous("r-ab12", "ou-ab12-cd34ef56").build().ous())
        .containsExactly("r-ab12", "ou-ab12-cd34ef56");
  }

  @Test
  void rejectsAnEndpointThatIsNotAnHttpUrl() {
    assertThatThrownBy(() -> options().endpoint(URI.create("localhost:4566")).build())
        .hasMessage(
            "--endpoint-url 'localhost:4566' must be an http:// or https:// URL with a host");
  }

  @Test
  void rejectsARoleArnThatIsNotAnArn() {
    assertThatThrownBy(() -> options().roleArn("TagAuditor").build())
        .hasMessageContaining("--role-arn 'TagAuditor' must be a role ARN");
  }

  @Test
  void saysWhetherAccountsAreNamed() {
    assertThat(options().build().namesAccounts()).isFalse();
    assertThat(options().org().build().namesAccounts()).isTrue();
    assertThat(options().accounts("111111111111").build().namesAccounts()).isTrue();
  }
}
