package io.tagscan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tagscan dictionary sql}: prints the valid / invalid / untagged split of spend per
 * cost-allocation key as one Athena query, for exports too large for one machine.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Print one Athena (Trino) query that splits spend into valid, invalid and untagged per"
            + " cost-allocation key and account.")
final class DictionarySqlCommand implements Callable<Integer> {

  /** The SQL dialects the query can be written in. */
  enum Dialect {
    athena
  }

  @Spec CommandSpec spec;

  @Mixin DictionaryOption dictionary;

  @Option(
      names = "--dialect",
      required = true,
      description = "The SQL dialect: ${COMPLETION-CANDIDATES}.")
  Dialect dialect;

  @Option(
      names = "--table",
      required = true,
      paramLabel = "NAME",
      description = "The table holding the export, as TABLE or DATABASE.TABLE.")
  String table;

  @Option(
      names = "--schema",
      defaultValue = "focus",
      paramLabel = "focus|cur2",
      description = "The table's layout: focus (FOCUS 1.x) or cur2 (CUR 2.0) (default: focus).")
  String schema;

  @Override
  public Integer call() {
    return AthenaSql.print(spec.commandLine(), dictionary.existing(), schema, table);
  }
}
