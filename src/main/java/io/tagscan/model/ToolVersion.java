package io.tagscan.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The tagscan version Maven wrote into the jar, read once, so that {@code --version} and every
 * report name the same tool.
 */
public final class ToolVersion {

  private static final String VERSION = load();

  private ToolVersion() {}

  /** The version, such as {@code 0.1.0}, or {@code unknown} outside a build. */
  public static String version() {
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
