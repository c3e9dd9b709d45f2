package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.inventory.aws.AwsOptions;
import io.tagscan.model.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class AwsOptionsMixinTest {

  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Mixin AwsOptionsMixin aws;

    @Override
    public void run() {}
  }

  private static AwsOptions parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.aws.toOptions();
  }

  @Test
  void startsFromTheDocumentedDefaults() {
    AwsOptions options = parse();

    assertThat(options.roleSessionName()).isEqualTo("tagscan");
    assertThat(options.roleDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(options.concurrency()).isEqualTo(64);
    assertThat(options.regions()).isEmpty();
    assertThat(options.hasRole()).isFalse();
    assertThat(options.namesAccounts()).isFalse();
    assertThat(options.sagemaker()).isTrue();
    assertThat(options.sagemakerSince()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void readsEveryOption() {
    AwsOptions options =
        parse(
            "--profile",
            "audit",
            "--region",
            "eu-west-1",
            "--endpoint-url",
            "http://127.0.0.1:4566",
            "--role-arn",
            "arn:{partition}:iam::{account}:role/TagAuditor",
            "--external-id",
            "ext",
            "--role-session-name",
            "nightly",
            "--role-duration",
            "45m",
            "--regions",
            "eu-west-1,us-east-1",
            "--regions",
            "eu-central-1",
            "--accounts",
            "111111111111,222222222222",
            "--accounts-file",
            "accounts.txt",
            "--org",
            "--ou",
            "ou-ab12-11111111,ou-ab12-22222222",
            "--ou",
            "r-ab12",
            "--exclude-accounts",
            "222222222222",
            "--resource-types",
            "ec2:instance,s3",
            "--concurrency",
            "4",
            "--no-sagemaker",
            "--sagemaker-since",
            "12h");

    assertThat(options)
        .isEqualTo(
            new AwsOptions(
                "audit",
                "eu-west-1",
                URI.create("http://127.0.0.1:4566"),
                null,
                "arn:{partition}:iam::{account}:role/TagAuditor",
                "ext",
                "nightly",
                Duration.ofMinutes(45),
                java.util.List.of("eu-west-1", "us-east-1", "eu-central-1"),
                false,
                java.util.List.of("111111111111", "222222222222"),
                Path.of("accounts.txt"),
                true,
                java.util.List.of("ou-ab12-11111111", "ou-ab12-22222222", "r-ab12"),
                java.util.List.of("222222222222"),
                java.util.List.of("ec2:instance", "s3"),
                4,
                false,
                Duration.ofHours(12)));
  }

  @Test
  void readsDurationsInDaysHoursMinutesAndSeconds() {
    AwsOptionsMixin.DurationConverter converter = new AwsOptionsMixin.DurationConverter();

    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(converter.convert("45m")).isEqualTo(Duration.ofMinutes(45));
    assertThat(converter.convert("3600s")).isEqualTo(Duration.ofSeconds(3600));
    assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(converter.convert("900")).isEqualTo(Duration.ofSeconds(900));
    assertThat(converter.convert("2H")).isEqualTo(Duration.ofHours(2));
    assertThat(converter.convert("90d")).isEqualTo(Duration.ofDays(90));
    assertThat(converter.convert("1d12h")).isEqualTo(Duration.ofHours(36));
  }

  @Test
  void rejectsADurationItCannotRead() {
    assertThatThrownBy(() -> parse("--role-duration", "an hour"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining(
            "'an hour' is not a duration; write it like 90d, 1h, 45m, 3600s or 1h30m");
    assertThatThrownBy(() -> parse("--role-duration", "1h30"))
        .isInstanceOf(CommandLine.ParameterException.class);
  }

  @Test
  void leavesCombinationsToTheOptionsRecord() {
    assertThatThrownBy(
            () -> parse("--role-name", "A", "--role-arn", "arn:aws:iam::{account}:role/B"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--role-name and --role-arn cannot be used together: give one of them");
  }

  @Test
  void documentsEveryOptionInTheHelp() {
    StringWriter help = new StringWriter();
    new CommandLine(new Probe()).usage(new PrintWriter(help));

    assertThat(help.toString())
        .contains(
            "--profile",
            "--region",
            "--endpoint-url",
            "--role-name",
            "--role-arn",
            "--external-id",
            "--role-session-name",
            "--role-duration",
            "--regions",
            "--all-regions",
            "--accounts",
            "--accounts-file",
            "--org",
            "--ou",
            "--exclude-accounts",
            "--resource-types",
            "--concurrency")
        .contains("Default: tagscan")
        .contains("Default: 1h")
        .contains("Default: 64");
  }
}
