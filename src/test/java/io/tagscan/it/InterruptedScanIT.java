package io.tagscan.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Black-box: the built jar, stopped with Ctrl-C (SIGINT) or SIGTERM in the middle of a live scan,
 * exits with the signal's status, says nothing and leaves no report, snapshot or temporary file
 * behind; killed with SIGKILL, it leaves temporary files that the next run recognises and removes.
 */
class InterruptedScanIT {

  @TempDir Path dir;

  private WireMockServer aws;

  @BeforeEach
  void slowAws() {
    aws =
        new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    aws.start();
    aws.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            + "<GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/a</Arn>"
                            + "<UserId>AIDA</UserId><Account>111122223333</Account>"
                            + "</GetCallerIdentityResult></GetCallerIdentityResponse>")));
    // Every Tagging API page takes long enough for the scan to be stopped while waiting for it.
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", containing("GetResources"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withFixedDelay(20_000)
                    .withBody("{\"ResourceTagMappingList\":[]}")));
  }

  @AfterEach
  void stop() {
    aws.stop();
  }

  /** Starts a live scan of the slow fake AWS, writing reports and a snapshot under {@link #dir}. */
  private Process startLiveScan(String name) throws IOException {
    List<String> command =
        tagscan(
            "scan",
            "--endpoint-url",
            "http://127.0.0.1:" + aws.port(),
            "--region",
            "us-east-1",
            "--no-sagemaker",
            "--format",
            "json,csv",
            "-o",
            dir.resolve("reports").toString(),
            "--save-inventory",
            dir.resolve("snapshot.json").toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve(name + ".stdout").toFile())
            .redirectError(dir.resolve(name + ".stderr").toFile());
    builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDTAGSCANTEST");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "fake");
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().put("AWS_CONFIG_FILE", new File("/dev/null").getPath());
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", new File("/dev/null").getPath());
    return builder.start();
  }

  private static List<String> tagscan(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Path.of("target", "tagscan.jar").toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Waits until the scan is waiting on its first Tagging API page, its files open. */
  private void awaitGetResources(Process scan) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (aws.findAll(
            postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", containing("GetResources")))
        .isEmpty()) {
      assertThat(System.nanoTime()).as("the scan reached GetResources").isLessThan(deadline);
      assertThat(scan.isAlive()).as("the scan is running").isTrue();
      Thread.sleep(50);
    }
  }

  private static void signal(Process scan, String signal) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(scan.pid())).start().waitFor();
    assertThat(scan.waitFor(15, TimeUnit.SECONDS)).as("the scan stopped promptly").isTrue();
  }

  private static List<String> namesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalLeavesNoReportNoTemporaryFileAndNoErrorMessage(String signal, int exitCode)
      throws Exception {
    Process scan = startLiveScan("scan");
    awaitGetResources(scan);
    assertThat(namesIn(dir.resolve("reports")))
        .as("temporary report files exist mid-scan")
        .isNotEmpty();

    signal(scan, signal);

    assertThat(scan.exitValue()).as("the JVM's status for SIG" + signal).isEqualTo(exitCode);
    assertThat(namesIn(dir.resolve("reports")))
        .as("nothing left in the report directory")
        .isEmpty();
    assertThat(namesIn(dir)).containsExactlyInAnyOrder("reports", "scan.stdout", "scan.stderr");
    assertThat(Files.readString(dir.resolve("scan.stdout"))).isEmpty();
    // Neither "internal error" nor a crash log: being stopped is not a failure to report.
    assertThat(Files.readString(dir.resolve("scan.stderr"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalWhileResourcesPourInIsNeverReportedAsABug(String signal, int exitCode)
      throws Exception {
    // Endless fast pages, each token and ARN new: the scan threads are delivering resources to
    // the reports when the signal closes them.
    StringBuilder page = new StringBuilder("{\"PaginationToken\":\"{{randomValue length=24}}\",");
    page.append("\"ResourceTagMappingList\":[");
    for (int i = 0; i < 200; i++) {
      page.append(i == 0 ? "" : ",")
          .append("{\"ResourceARN\":\"arn:aws:ec2:us-east-1:111122223333:instance/i-")
          .append("{{randomValue length=17 type='HEXADECIMAL'}}\",")
          .append("\"Tags\":[{\"Key\":\"Name\",\"Value\":\"box\"}]}");
    }
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", containing("GetResources"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(page.append("]}").toString())
                    .withTransformers("response-template")));
    Process scan = startLiveScan("scan");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (aws.findAll(
                postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", containing("GetResources")))
            .size()
        < 20) {
      assertThat(System.nanoTime()).as("the scan read 20 pages").isLessThan(deadline);
      assertThat(scan.isAlive()).as("the scan is running").isTrue();
      Thread.sleep(20);
    }

    signal(scan, signal);

    assertThat(scan.exitValue()).as("the JVM's status for SIG" + signal).isEqualTo(exitCode);
    assertThat(Files.readString(dir.resolve("scan.stderr"))).isEmpty();
    assertThat(namesIn(dir.resolve("reports")))
        .as("nothing left in the report directory")
        .isEmpty();
    assertThat(namesIn(dir)).containsExactlyInAnyOrder("reports", "scan.stdout", "scan.stderr");
  }

  @Test
  void theRunAfterAKilledOneRemovesWhatItLeftAndNothingElse() throws Exception {
    Process killed = startLiveScan("killed");
    awaitGetResources(killed);
    signal(killed, "KILL");
    String own = ".tagscan-" + killed.pid() + "-";
    assertThat(namesIn(dir.resolve("reports")))
        .as("SIGKILL leaves temporary files no process can delete")
        .isNotEmpty()
        .allMatch(name -> name.startsWith(own) && name.endsWith(".tmp"));
    assertThat(namesIn(dir)).anyMatch(name -> name.startsWith(own + "snapshot.json."));
    List<String> foreign =
        List.of(".tagscan-notes.tmp", ".tagscan-report.json.0a1b.tmp", "keep.tmp");
    for (String name : foreign) {
      Files.writeString(dir.resolve("reports").resolve(name), "not tagscan's");
    }

    Process rerun =
        new ProcessBuilder(
                tagscan(
                    "scan",
                    "--inventory",
                    Path.of("examples", "inventory", "anycompany-ml.json")
                        .toAbsolutePath()
                        .toString(),
                    "--format",
                    "json,csv",
                    "-o",
                    dir.resolve("reports").toString(),
                    "--save-inventory",
                    dir.resolve("snapshot.json").toString()))
            .redirectOutput(dir.resolve("rerun.stdout").toFile())
            .redirectError(dir.resolve("rerun.stderr").toFile())
            .start();
    assertThat(rerun.waitFor(60, TimeUnit.SECONDS)).as("the rerun finished").isTrue();

    assertThat(namesIn(dir.resolve("reports")))
        .containsExactlyInAnyOrder(
            "tagscan-report.json",
            "tagscan-findings.csv",
            ".tagscan-notes.tmp",
            ".tagscan-report.json.0a1b.tmp",
            "keep.tmp");
    assertThat(namesIn(dir))
        .containsExactlyInAnyOrder(
            "reports",
            "snapshot.json",
            "killed.stdout",
            "killed.stderr",
            "rerun.stdout",
            "rerun.stderr");
  }
}
