package io.tagscan.cli;

import io.tagscan.model.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Answers {@code --version} with the version every report names too. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "tagscan " + ToolVersion.version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
