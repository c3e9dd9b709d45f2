package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanJobTest {

  @Test
  void runsOrganizationsLookupsAtAQuarterOfThePairsAndAtLeastFour() {
    assertThat(ScanJob.lookupThreads(1)).isEqualTo(1);
    assertThat(ScanJob.lookupThreads(16)).isEqualTo(4);
    assertThat(ScanJob.lookupThreads(32)).isEqualTo(8);
    assertThat(ScanJob.lookupThreads(256)).isEqualTo(64);
  }
}
