package io.tagscan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar, so {@code --version} and reports agree. */
public final class VersionProvider implements IVersionProvider {

  private static final String VERSION = load();

  /** The tagscan version, such as {@code 0.1.0}. */
  public static String version() {
    return VERSION;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "tagscan " + VERSION,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }

  private static String load() {
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/io/tagscan/version.properties")) {
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
