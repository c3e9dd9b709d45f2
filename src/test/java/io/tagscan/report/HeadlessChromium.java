package io.tagscan.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its own chromedriver, offline: both binaries are named
 * explicitly so that Selenium Manager never looks for (or downloads) a browser or a driver.
 */
final class HeadlessChromium {

  /** Where Debian's {@code chromium} and {@code chromium-driver} packages put them. */
  static final String CHROMIUM = System.getProperty("tagscan.chromium", "/usr/bin/chromium");

  static final String CHROMEDRIVER =
      System.getProperty("tagscan.chromedriver", "/usr/bin/chromedriver");

  /** Flags that keep Chromium headless and off the network it would otherwise try to reach. */
  static final List<String> FLAGS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private HeadlessChromium() {}

  /**
   * The binaries of {@code chromium} and {@code chromedriver} that are not there, or not
   * executable; empty when a browser can be had.
   */
  static List<String> missing(String chromium, String chromedriver) {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(Path.of(chromium))) {
      missing.add(chromium + " (Debian package chromium)");
    }
    if (!Files.isExecutable(Path.of(chromedriver))) {
      missing.add(chromedriver + " (Debian package chromium-driver)");
    }
    return missing;
  }

  /**
   * Why no browser can be had, with a WARNING line on the build's own output, or null when one can;
   * fails the calling test instead on CI ({@code CI=true}), where {@code .ci/run} installs the
   * browser.
   */
  static String whyUnavailable(String chromium, String chromedriver, Map<String, String> env) {
    List<String> missing = missing(chromium, chromedriver);
    if (missing.isEmpty()) {
      return null;
    }
    String message =
        "WARNING: the HTML report is NOT tested in a browser: missing "
            + String.join(" and ", missing)
            + "; install them with: apt-get install -y chromium chromium-driver";
    if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
      fail(message + " (CI=true, where .ci/run installs them)");
    }
    return message;
  }

  /**
   * Writes past Surefire's redirection of {@code System.err} to a report file, so that the line
   * shows in the build's own output.
   */
  static void warnOnBuildOutput(String message) {
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    err.println(message);
    System.err.println(message);
  }

  /** A new headless session with its own profile under {@code userDataDir}. */
  static ChromeDriver start(Path userDataDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + userDataDir.toAbsolutePath());
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
