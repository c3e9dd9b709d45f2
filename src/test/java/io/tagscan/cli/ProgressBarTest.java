package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void showsUnitsDoneResourcesAndErrorsThenErasesItself() {
    StringWriter err = new StringWriter();
    try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "account × region pairs")) {
      bar.unitsPlanned(4);
      bar.unitDone("111122223333", "us-east-1", true);
      for (int i = 0; i < 1234; i++) {
        bar.resource(
            Resource.of(
                "arn:aws:sqs:us-east-1:1:q" + i,
                "1",
                "us-east-1",
                "sqs:queue",
                Source.TAGGING_API,
                Map.of()));
      }
      bar.error(new ScanError("444455556666", "", "AssumeRole", "AccessDenied", "denied"));
      bar.draw();

      assertThat(bar.line())
          .isEqualTo(
              "[######..................] 1/4 account × region pairs · 1,234 resources · 1 error");
    }
    String drawn = err.toString();
    assertThat(drawn).startsWith("\r[");
    assertThat(drawn).endsWith("\r");
    assertThat(drawn.substring(drawn.lastIndexOf('\r', drawn.length() - 2) + 1, drawn.length() - 1))
        .isBlank();
  }
}
