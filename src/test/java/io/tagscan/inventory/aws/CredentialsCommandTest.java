package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.cli.CommandLineFactory;
import io.tagscan.cli.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tagscan scan} and {@code tagscan accounts} when the caller's own credentials are missing
 * or expired: the real command line and SDK credential chain, with every source of credentials the
 * chain could find turned off (no key properties, empty config and credentials files, no instance
 * metadata), and a loopback server for the calls that expired credentials make.
 */
class CredentialsCommandTest {

  private static final List<String> PROPERTIES =
      List.of(
          "aws.accessKeyId",
          "aws.secretAccessKey",
          "aws.sessionToken",
          "aws.configFile",
          "aws.sharedCredentialsFile",
          "aws.ec2MetadataDisabled",
          "aws.profile");

  private static FakeAws aws;
  private final Map<String, String> saved = new HashMap<>();

  @TempDir Path home;

  @BeforeAll
  static void start() {
    aws = new FakeAws();
  }

  @AfterAll
  static void stop() {
    aws.stop();
  }

  @BeforeEach
  void noCredentialsAnywhere() throws IOException {
    aws.reset();
    for (String property : PROPERTIES) {
      String value = System.getProperty(property);
      if (value != null) {
        saved.put(property, value);
      }
      System.clearProperty(property);
    }
    Path config =
        Files.writeString(home.resolve("config"), "[profile other]\nregion = eu-west-1\n");
    Path credentials = Files.writeString(home.resolve("credentials"), "");
    System.setProperty("aws.configFile", config.toString());
    System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    // Nothing may reach an instance-metadata address.
    System.setProperty("aws.ec2MetadataDisabled", "true");
  }

  @AfterEach
  void restore() {
    for (String property : PROPERTIES) {
      System.clearProperty(property);
    }
    saved.forEach(System::setProperty);
  }

  @Test
  void scanWithNoCredentialsIsAnEnvironmentErrorWithOneLineSayingWhatToDo() {
    Run run = run("scan", "--regions", "us-east-1", "--format", "json");

    assertThat(run.code).as(run.err).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err.lines()).hasSize(1);
    assertThat(run.err)
        .startsWith("tagscan: error: no AWS credentials could be loaded from the default chain")
        .contains("aws sso login", "--profile", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
        .doesNotContain("Provider", "SdkClientException", "incomplete");
    aws.server.verify(
        0,
        com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }

  @Test
  void accountsWithNoCredentialsIsTheSameEnvironmentError() {
    Run run = run("accounts", "--format", "json");

    assertThat(run.code).as(run.err).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err.lines()).hasSize(1);
    assertThat(run.err)
        .startsWith("tagscan: error: no AWS credentials could be loaded from the default chain")
        .contains("aws sso login");
  }

  @Test
  void aProfileWithNoCredentialsNamesTheProfile() {
    Run run = run("scan", "--profile", "other", "--format", "json");

    assertThat(run.code).as(run.err).isEqualTo(2);
    assertThat(run.err.lines()).hasSize(1);
    assertThat(run.err)
        .startsWith("tagscan: error: no AWS credentials could be loaded from profile 'other'")
        .contains("aws sso login --profile other");
  }

  @Test
  void anUnknownProfileIsAnEnvironmentErrorToo() {
    Run run = run("accounts", "--profile", "missing");

    assertThat(run.code).as(run.err).isEqualTo(2);
    assertThat(run.err.lines()).hasSize(1);
    assertThat(run.err).startsWith("tagscan: error: no profile 'missing' in the AWS config");
  }

  @Test
  void expiredSessionCredentialsAreAnEnvironmentErrorNotAnIncompleteScan() {
    System.setProperty("aws.accessKeyId", FakeAws.CALLER_KEY);
    System.setProperty("aws.secretAccessKey", "caller-secret-never-printed");
    System.setProperty("aws.sessionToken", "expired-session-token");
    aws.server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post("/")
            .willReturn(
                FakeAws.xml(
                    400,
                    "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                        + "<Type>Sender</Type><Code>ExpiredToken</Code>"
                        + "<Message>The security token included in the request is expired</Message>"
                        + "</Error><RequestId>r-9</RequestId></ErrorResponse>")));

    for (List<String> command :
        List.of(
            List.of("scan", "--format", "json"),
            List.of("accounts", "--format", "json"),
            List.of("scan", "--accounts", "111111111111", "--role-name", "TagAuditor"))) {
      Run run = run(command.toArray(String[]::new));

      assertThat(run.code).as(command + ": " + run.err).isEqualTo(2);
      assertThat(run.out).isEmpty();
      assertThat(run.err.lines()).as(run.err).hasSize(1);
      assertThat(run.err)
          .startsWith("tagscan: error: the AWS credentials from the default chain (")
          .contains("have expired (AWS answered ExpiredToken)", "aws sso login")
          .doesNotContain("expired-session-token", "caller-secret-never-printed");
    }
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--endpoint-url");
    all.add(aws.endpoint().toString());
    if (!all.contains("--profile")) {
      all.add("--region");
      all.add("us-east-1");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        CommandLineFactory.create(
            new Environment(
                false,
                false,
                Map.of(),
                Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC)));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
