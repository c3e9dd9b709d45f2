package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When no browser can be had, the browser test says what is missing, and fails on CI. */
class HeadlessChromiumTest {

  @TempDir Path temp;

  @Test
  void namesEachMissingBinaryAndItsDebianPackage() {
    String why =
        HeadlessChromium.whyUnavailable(
            temp.resolve("chromium").toString(), temp.resolve("chromedriver").toString(), Map.of());
    assertThat(why)
        .startsWith("WARNING: ")
        .contains(temp.resolve("chromium") + " (Debian package chromium)")
        .contains(temp.resolve("chromedriver") + " (Debian package chromium-driver)");
  }

  @Test
  void failsInsteadOfSkippingOnCi() {
    assertThatThrownBy(
            () ->
                HeadlessChromium.whyUnavailable(
                    temp.resolve("chromium").toString(),
                    temp.resolve("chromedriver").toString(),
                    Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CI=true");
  }

  @Test
  void findsNothingMissingWhenBothAreExecutable() throws Exception {
    Path chromium = Files.createFile(temp.resolve("chromium"));
    Path driver = Files.createFile(temp.resolve("chromedriver"));
    assertThat(chromium.toFile().setExecutable(true)).isTrue();
    assertThat(driver.toFile().setExecutable(true)).isTrue();
    assertThat(
            HeadlessChromium.whyUnavailable(
                chromium.toString(), driver.toString(), Map.of("CI", "true")))
        .isNull();
  }
}
