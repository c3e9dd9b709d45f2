package io.tagscan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolVersionTest {

  @Test
  void readsTheVersionMavenWroteIntoTheBuild() {
    assertThat(ToolVersion.version())
        .isNotEqualTo("unknown")
        .doesNotContain("${")
        .matches("\\d+\\.\\d+\\.\\d+.*");
  }
}
