package io.tagscan.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Takes the files after {@code --inventory} up to the next option. An argument that starts with
 * {@code -} ends the list unless a file of that name exists, so a misspelt option such as {@code
 * --fromat} is reported as an unknown option (with picocli's suggestion) rather than as a missing
 * file.
 */
final class InventoryFiles implements IParameterConsumer {

  @Override
  public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
    List<Path> files = new ArrayList<>();
    List<Path> earlier = argSpec.getValue();
    if (earlier != null) {
      files.addAll(earlier);
    }
    int taken = 0;
    while (!args.isEmpty() && takesAsFile(args.peek())) {
      files.add(Path.of(args.pop()));
      taken++;
    }
    if (taken == 0) {
      throw new ParameterException(
          commandSpec.commandLine(),
          "Missing required parameter for option '--inventory' (FILE)",
          argSpec,
          null);
    }
    argSpec.setValue(files);
  }

  private static boolean takesAsFile(String arg) {
    if (!arg.startsWith("-") || arg.equals("-")) {
      return true;
    }
    try {
      return Files.exists(Path.of(arg));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
