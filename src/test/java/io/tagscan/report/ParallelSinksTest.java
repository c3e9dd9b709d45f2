package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Resource;
import io.tagscan.model.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelSinksTest {

  @Test
  void everyFormatSeesEveryResourceInOrderThenItsEnd() throws IOException {
    Recording json = new Recording(-1);
    Recording csv = new Recording(-1);
    ParallelSinks sinks = new ParallelSinks(List.of(json, csv));

    for (int i = 0; i < 1_000; i++) {
      sinks.resource(SpooledResource.of(resource(i)));
    }
    sinks.end();

    assertThat(json.arns).hasSize(1_000).isEqualTo(csv.arns);
    assertThat(json.arns.get(999)).isEqualTo(resource(999).resource().arn());
    assertThat(json.ended).isTrue();
    assertThat(csv.ended).isTrue();
  }

  @Test
  @Timeout(10)
  void aFormatThatFailsStopsTheWritingWithoutHangingTheOthers() {
    Recording failing = new Recording(300);
    Recording other = new Recording(-1);
    ParallelSinks sinks = new ParallelSinks(List.of(failing, other));

    assertThatThrownBy(
            () -> {
              try {
                for (int i = 0; i < 100_000; i++) {
                  sinks.resource(SpooledResource.of(resource(i)));
                }
                sinks.end();
              } finally {
                sinks.abort();
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThat(failing.ended).isFalse();
  }

  private static CheckedResource resource(int i) {
    return new CheckedResource(
        Resource.of(
            String.format("arn:aws:sqs:us-east-1:111122223333:q%06d", i),
            "111122223333",
            "us-east-1",
            "sqs:queue",
            Source.TAGGING_API,
            Map.of()),
        List.of());
  }

  /** A format that keeps the ARNs it was given, and can fail at the n-th resource. */
  private static final class Recording implements ReportSink {
    final List<String> arns = new ArrayList<>();
    final int failAt;
    volatile boolean ended;

    Recording(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public void begin(ReportContext context) {}

    @Override
    public void resource(CheckedResource resource) throws IOException {
      if (arns.size() == failAt) {
        throw new IOException("disk full");
      }
      arns.add(resource.resource().arn());
    }

    @Override
    public void end() {
      ended = true;
    }
  }
}
