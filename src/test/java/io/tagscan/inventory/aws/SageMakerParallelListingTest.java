package io.tagscan.inventory.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Resource;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The listings of an account × region run at once, within the pair's bound on calls in flight,
 * against an in-test server that counts the SageMaker calls it is answering at any moment, per
 * signing region, and can hold them until enough have arrived.
 */
class SageMakerParallelListingTest {

  private static final String ACCOUNT = "111122223333";
  private static final Instant JOBS_SINCE = Instant.parse("2025-01-01T00:00:00Z");
  private static final int LIMIT = 3;

  private static final InFlight IN_FLIGHT = new InFlight();
  private static WireMockServer server;

  private SageMakerClient east;
  private SageMakerClient west;

  @BeforeAll
  static void startServer() {
    server =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(40)
                .extensions(IN_FLIGHT));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void startClients() {
    server.resetAll();
    IN_FLIGHT.reset();
    server.stubFor(post("/").atPriority(100).willReturn(json("{}")));
    east = client(Region.US_EAST_1);
    west = client(Region.EU_WEST_1);
  }

  @AfterEach
  void closeClients() {
    IN_FLIGHT.release();
    east.close();
    west.close();
  }

  @Test
  void runsAPairsListingsAtOnceButNeverMoreCallsThanItsBound() {
    givenNotebooks(12);
    Recorder listener = new Recorder();
    SageMakerDiscovery discovery =
        new SageMakerDiscovery(east, ACCOUNT, "us-east-1", JOBS_SINCE, LIMIT);
    discovery.discoverDomains(listener);
    // The first LIMIT listings are held until LIMIT are in flight together: listings one after
    // another would never get there.
    IN_FLIGHT.holdUntil(LIMIT);

    SageMakerCounts counts = discovery.discoverResources(arn -> false, listener);

    assertThat(IN_FLIGHT.reachedInTime.get()).as("LIMIT listings were in flight together").isTrue();
    assertThat(IN_FLIGHT.peak("us-east-1")).isEqualTo(LIMIT);
    assertThat(counts).isEqualTo(new SageMakerCounts(12, 0, 12, 0));
    assertThat(listener.resources).hasSize(12);
    for (SageMakerKind<?, ?> kind : SageMakerKinds.LISTED) {
      server.verify(1, call(kind.operation()));
    }
    server.verify(SageMakerSearches.ALL.size(), call("Search"));
    server.verify(12, call("ListTags"));
  }

  @Test
  void pairsShareOneExecutorEachWithinItsOwnBound() throws Exception {
    givenNotebooks(12);
    ExecutorService shared = Executors.newFixedThreadPool(4 * LIMIT, DaemonPools.threads("shared"));
    ExecutorService pairs = Executors.newFixedThreadPool(2, DaemonPools.threads("pair"));
    Recorder listener = new Recorder();
    SageMakerDiscovery eastPair =
        new SageMakerDiscovery(east, ACCOUNT, "us-east-1", JOBS_SINCE, LIMIT, shared);
    SageMakerDiscovery westPair =
        new SageMakerDiscovery(west, ACCOUNT, "eu-west-1", JOBS_SINCE, LIMIT, shared);
    eastPair.discoverDomains(listener);
    westPair.discoverDomains(listener);
    IN_FLIGHT.holdUntil(2 * LIMIT);
    try {
      var first = pairs.submit(() -> eastPair.discoverResources(arn -> false, listener));
      var second = pairs.submit(() -> westPair.discoverResources(arn -> false, listener));
      assertThat(first.get(30, TimeUnit.SECONDS).onlyFromListing()).isEqualTo(12);
      assertThat(second.get(30, TimeUnit.SECONDS).onlyFromListing()).isEqualTo(12);
    } finally {
      shared.shutdownNow();
      pairs.shutdownNow();
    }

    assertThat(IN_FLIGHT.reachedInTime.get())
        .as("both pairs' listings were in flight together")
        .isTrue();
    assertThat(IN_FLIGHT.peak("us-east-1")).isEqualTo(LIMIT);
    assertThat(IN_FLIGHT.peak("eu-west-1")).isEqualTo(LIMIT);
    assertThat(listener.resources).hasSize(24);
  }

  @Test
  void stopsEveryCallWhenTheWaitingThreadIsInterrupted() throws Exception {
    SageMakerDiscovery discovery =
        new SageMakerDiscovery(east, ACCOUNT, "us-east-1", JOBS_SINCE, LIMIT);
    discovery.discoverDomains(new Recorder());
    IN_FLIGHT.reset();
    IN_FLIGHT.holdAll();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread pair =
        new Thread(
            () -> {
              try {
                discovery.discoverResources(arn -> false, new Recorder());
              } catch (RuntimeException e) {
                thrown.set(e);
                interruptKept.set(Thread.currentThread().isInterrupted());
              }
            });
    pair.start();
    assertThat(IN_FLIGHT.awaitInFlight(LIMIT)).as("calls in flight before the interrupt").isTrue();

    pair.interrupt();
    pair.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(pair.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    assertThat(interruptKept.get()).isTrue();
    IN_FLIGHT.release();
    assertThat(IN_FLIGHT.awaitInFlight(0)).isTrue();
    // The calls held when the scan stopped ended, and none started after them.
    assertThat(IN_FLIGHT.answered.get()).isEqualTo(LIMIT);
  }

  @Test
  void handsAListenersBugBackToTheWaitingThread() {
    givenNotebooks(3);
    ScanListener broken =
        new Recorder() {
          @Override
          public void resource(Resource resource) {
            throw new IllegalStateException("a listener's bug");
          }
        };

    SageMakerDiscovery discovery =
        new SageMakerDiscovery(east, ACCOUNT, "us-east-1", JOBS_SINCE, LIMIT);
    discovery.discoverDomains(broken);

    assertThatThrownBy(() -> discovery.discoverResources(arn -> false, broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a listener's bug");
  }

  private static void givenNotebooks(int count) {
    String notebooks =
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    ("{\"NotebookInstanceName\": \"n%1$d\", \"NotebookInstanceArn\":"
                            + " \"arn:aws:sagemaker:us-east-1:%2$s:notebook-instance/n%1$d\"}")
                        .formatted(i, ACCOUNT))
            .collect(Collectors.joining(",", "{\"NotebookInstances\": [", "]}"));
    server.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListNotebookInstances"))
            .willReturn(json(notebooks)));
  }

  private SageMakerClient client(Region region) {
    return SageMakerClient.builder()
        .region(region)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")))
        .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder call(
      String operation) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("SageMaker." + operation));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body);
  }

  /**
   * Counts the calls being answered, per signing region, and holds the first few listings until
   * enough have arrived together (or every call until released).
   */
  static final class InFlight implements ResponseDefinitionTransformerV2 {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/");

    final AtomicBoolean reachedInTime = new AtomicBoolean();
    final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger now = new AtomicInteger();
    private final Map<String, AtomicInteger> byRegion = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> peaks = new ConcurrentHashMap<>();
    private volatile CountDownLatch together = new CountDownLatch(0);
    private volatile CountDownLatch released = new CountDownLatch(0);

    void reset() {
      reachedInTime.set(false);
      answered.set(0);
      now.set(0);
      byRegion.clear();
      peaks.clear();
      together = new CountDownLatch(0);
      released = new CountDownLatch(0);
    }

    void holdUntil(int calls) {
      together = new CountDownLatch(calls);
    }

    void holdAll() {
      released = new CountDownLatch(1);
    }

    void release() {
      released.countDown();
    }

    int peak(String region) {
      return peaks.getOrDefault(region, new AtomicInteger()).get();
    }

    boolean awaitInFlight(int calls) throws InterruptedException {
      for (int i = 0; i < 3_000; i++) {
        if (now.get() == calls) {
          return true;
        }
        Thread.sleep(10);
      }
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Matcher scope = SCOPE.matcher(event.getRequest().getHeader("Authorization"));
      String region = scope.find() ? scope.group(1) : "unsigned";
      AtomicInteger mine = byRegion.computeIfAbsent(region, r -> new AtomicInteger());
      peaks
          .computeIfAbsent(region, r -> new AtomicInteger())
          .accumulateAndGet(mine.incrementAndGet(), Math::max);
      now.incrementAndGet();
      try {
        CountDownLatch gate = together;
        // Only listings and searches pass through the gate: ListTags calls ran beside one
        // listing before, and being many they would fill it on their own.
        boolean listing =
            !"SageMaker.ListTags".equals(event.getRequest().getHeader("X-Amz-Target"));
        if (listing && gate.getCount() > 0) {
          gate.countDown();
          if (gate.await(10, TimeUnit.SECONDS)) {
            reachedInTime.set(true);
          }
        }
        released.await(30, TimeUnit.SECONDS);
        // A short pause, so that calls overlap and a bound that did not hold would show.
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        mine.decrementAndGet();
        answered.incrementAndGet();
        now.decrementAndGet();
      }
      return event.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "in-flight";
    }
  }

  /** Keeps the resources discovery tells, from any thread. */
  private static class Recorder implements ScanListener {
    final Queue<Resource> resources = new ConcurrentLinkedQueue<>();

    @Override
    public void resource(Resource resource) {
      resources.add(resource);
    }
  }
}
