package io.tagscan.cli;

import io.tagscan.billing.AthenaQuery;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.model.ExitCode;
import io.tagscan.model.Printable;
import io.tagscan.model.UsageException;
import java.io.PrintWriter;
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
    AthenaQuery.Schema layout =
        switch (schema) {
          case "focus" -> AthenaQuery.Schema.FOCUS;
          case "cur2" -> AthenaQuery.Schema.CUR2;
          default ->
              throw new UsageException(
                  "--schema must be focus or cur2, not '" + schema.replace("'", "\\'") + "'");
        };
    if (table.isBlank()) {
      throw new UsageException("--table needs a table name");
    }
    Dictionary loaded = DictionaryLoader.load(dictionary.existing());
    AthenaQuery query = AthenaQuery.build(loaded, layout, table);
    PrintWriter err = spec.commandLine().getErr();
    for (AthenaQuery.Refusal refusal : query.refused()) {
      err.println(
          loaded.path()
              + ":"
              + refusal.tag().line()
              + ":"
              + refusal.tag().column()
              + ": warning: tag '"
              + Printable.of(refusal.tag().key())
              + "' left out of the query: "
              + refusal.reason());
    }
    err.flush();
    if (query.sql().isEmpty()) {
      throw new UsageException(
          "no cost-allocation key to query: mark keys with 'cost-allocation: true'");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(query.sql());
    out.flush();
    return ExitCode.OK.code();
  }
}
