package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  private static Environment of(boolean terminal, Map<String, String> variables, int columns) {
    return new Environment(terminal, terminal, variables, Clock.systemUTC(), () -> columns);
  }

  @Test
  void takesTheTableWidthFromColumnsFirst() {
    assertThat(of(true, Map.of("COLUMNS", "132"), 200).tableWidth()).isEqualTo(132);
    assertThat(of(false, Map.of("COLUMNS", " 60 "), 0).tableWidth()).isEqualTo(60);
  }

  @Test
  void asksTheTerminalWhenColumnsIsMissingOrNotANumber() {
    assertThat(of(true, Map.of(), 173).tableWidth()).isEqualTo(173);
    assertThat(of(true, Map.of("COLUMNS", "wide"), 173).tableWidth()).isEqualTo(173);
    assertThat(of(true, Map.of("COLUMNS", "0"), 173).tableWidth()).isEqualTo(173);
  }

  @Test
  void fallsBackToEightyColumnsWhenStdoutIsNoTerminal() {
    assertThat(of(false, Map.of(), 173).tableWidth()).isEqualTo(80);
    assertThat(of(true, Map.of(), 0).tableWidth()).isEqualTo(80);
  }
}
