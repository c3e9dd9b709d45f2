package io.tagscan.cli;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.ExitCode;
import io.tagscan.model.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tagscan dictionary lint}: checks a dictionary file and prints each problem in place. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Check a tagging dictionary file and print each problem as FILE:LINE:COLUMN.")
final class DictionaryLintCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = "tag-dictionary.yaml",
      description = "The dictionary to check (default: ${DEFAULT-VALUE}).")
  Path file;

  @Override
  public Integer call() {
    Dictionary dictionary;
    try {
      dictionary = DictionaryLoader.load(file);
    } catch (InputException e) {
      PrintWriter err = spec.commandLine().getErr();
      List<Diagnostic> problems = e.diagnostics();
      problems.forEach(problem -> err.println(problem.format()));
      err.println(
          file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
      err.flush();
      return ExitCode.USAGE.code();
    }
    List<TagSpec> tags = dictionary.tags();
    long mandatory = tags.stream().filter(TagSpec::mandatory).count();
    long costAllocation = tags.stream().filter(TagSpec::costAllocation).count();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        file
            + ": ok ("
            + tags.size()
            + (tags.size() == 1 ? " key, " : " keys, ")
            + mandatory
            + " mandatory, "
            + costAllocation
            + " cost-allocation)");
    out.flush();
    return ExitCode.OK.code();
  }
}
