package io.tagscan.cli;

import io.tagscan.billing.AthenaQuery;
import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.model.ExitCode;
import io.tagscan.model.Printable;
import io.tagscan.model.UsageException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Prints the dictionary's spend split as one Athena query, for {@code dictionary sql} and {@code
 * cost --emit-sql athena}: refused keys as warnings on stderr, the query on stdout.
 */
final class AthenaSql {

  private AthenaSql() {}

  /** The table layout a {@code --schema} value names. */
  static AthenaQuery.Schema schema(String name) {
    return switch (name) {
      case "focus" -> AthenaQuery.Schema.FOCUS;
      case "cur2" -> AthenaQuery.Schema.CUR2;
      default ->
          throw new UsageException(
              "--schema must be focus or cur2, not '" + Printable.of(name) + "'");
    };
  }

  /**
   * Prints the query over {@code table} and returns the exit code.
   *
   * @throws UsageException when no table is named or no key can be queried
   */
  static int print(CommandLine command, Path dictionaryFile, String schema, String table) {
    AthenaQuery.Schema layout = schema(schema);
    if (table == null || table.isBlank()) {
      throw new UsageException("--table needs a table name");
    }
    Dictionary loaded = DictionaryLoader.load(dictionaryFile);
    AthenaQuery query = AthenaQuery.build(loaded, layout, table);
    var err = command.getErr();
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
    var out = command.getOut();
    out.print(query.sql());
    out.flush();
    StandardOutput.check(out);
    return ExitCode.OK.code();
  }
}
