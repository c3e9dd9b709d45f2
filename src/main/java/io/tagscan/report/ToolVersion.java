package io.tagscan.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The tagscan version Maven wrote into the jar, read here so reports name the tool that wrote them.
 */
final class ToolVersion {

  private static final String VERSION = load();

  private ToolVersion() {}

  /** The version, such as {@code 0.1.0}, or {@code unknown} outside a build. */
  static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("/io/tagscan/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
