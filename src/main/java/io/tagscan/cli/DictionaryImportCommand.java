package io.tagscan.cli;

import io.tagscan.controls.Imported;
import io.tagscan.controls.TagPolicyImport;
import io.tagscan.model.ExitCode;
import io.tagscan.model.UsageException;
import io.tagscan.model.WriteFailures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tagscan dictionary import}: prints a dictionary read from a tag policy. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print a tagging dictionary read from a tag policy or an effective policy.")
final class DictionaryImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "KIND",
      description = "What FILE is: tag-policy (a policy or an effective policy).")
  String from;

  @Parameters(paramLabel = "FILE", description = "The policy JSON.")
  Path file;

  @Override
  public Integer call() {
    if (!"tag-policy".equals(from)) {
      throw new UsageException(
          "--from: '" + from + "' is not tag-policy, the one kind tagscan" + " imports");
    }
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read '" + file + "': " + WriteFailures.reason(e));
    }
    Imported imported = TagPolicyImport.read(file.toString(), json);
    PrintWriter out = spec.commandLine().getOut();
    out.print(imported.yaml());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    imported.notes().forEach(err::println);
    err.flush();
    return ExitCode.OK.code();
  }
}
