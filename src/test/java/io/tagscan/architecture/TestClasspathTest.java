package io.tagscan.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Benchmark tooling reaches the test classpath only with the benchmarks ({@code -Pbench}). */
class TestClasspathTest {

  private static boolean loadable(String name) {
    try {
      Class.forName(name, false, TestClasspathTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException absent) {
      return false;
    }
  }

  @Test
  void jmhComesOnlyWithTheBenchmarks() {
    boolean benchmarks = loadable("io.tagscan.bench.RuleEngineBenchmark");
    assertThat(loadable("org.openjdk.jmh.annotations.Benchmark"))
        .as("JMH on the test classpath (benchmarks compiled: %s)", benchmarks)
        .isEqualTo(benchmarks);
  }
}
