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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box: the built jar, stopped with Ctrl-C (SIGINT) in the middle of a live scan, exits
 * without leaving a report, a snapshot or a temporary file behind.
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

  @Test
  void ctrlCLeavesNoReportAndNoTemporaryFile() throws Exception {
    Path reports = dir.resolve("reports");
    Path snapshot = dir.resolve("snapshot.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-jar",
                Path.of("target", "tagscan.jar").toAbsolutePath().toString(),
                "scan",
                "--endpoint-url",
                "http://127.0.0.1:" + aws.port(),
                "--region",
                "us-east-1",
                "--no-sagemaker",
                "--format",
                "json,csv",
                "-o",
                reports.toString(),
                "--save-inventory",
                snapshot.toString())
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile());
    builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDTAGSCANTEST");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "fake");
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().put("AWS_CONFIG_FILE", new File("/dev/null").getPath());
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", new File("/dev/null").getPath());
    Process scan = builder.start();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (aws.findAll(
            postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", containing("GetResources")))
        .isEmpty()) {
      assertThat(System.nanoTime()).as("the scan reached GetResources").isLessThan(deadline);
      assertThat(scan.isAlive()).as("the scan is running").isTrue();
      Thread.sleep(50);
    }
    assertThat(Files.list(reports).count())
        .as("temporary report files exist mid-scan")
        .isPositive();
    new ProcessBuilder("kill", "-INT", Long.toString(scan.pid())).start().waitFor();

    assertThat(scan.waitFor(15, TimeUnit.SECONDS)).as("the scan stopped promptly").isTrue();
    assertThat(scan.exitValue()).isNotZero();
    try (Stream<Path> left = Files.list(reports)) {
      List<Path> files = left.toList();
      assertThat(files).as("nothing left in the report directory").isEmpty();
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("reports", "stdout", "stderr");
    }
    assertThat(Files.readString(dir.resolve("stdout"))).isEmpty();
  }
}
