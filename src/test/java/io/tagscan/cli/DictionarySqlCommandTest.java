package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DictionarySqlCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    CommandLine commandLine = CommandLineFactory.create();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void printsTheQueryForTheDictionaryInTheWorkingDirectory() {
    int exitCode = run("dictionary", "sql", "--dialect", "athena", "--table", "db.focus");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .startsWith("WITH tagged AS (")
        .contains("FROM \"db\".\"focus\" AS t", "'anycompany:finance:cost-center'");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void costEmitsTheSameQueryWithoutCallingCostExplorer() {
    int dictionaryExit = run("dictionary", "sql", "--dialect", "athena", "--table", "db.cur");
    String fromDictionary = out.toString();
    out.getBuffer().setLength(0);

    // No credentials and a closed endpoint: any Cost Explorer call would fail the run.
    int costExit =
        run(
            "cost",
            "--emit-sql",
            "athena",
            "--table",
            "db.cur",
            "--endpoint-url",
            "http://127.0.0.1:9");

    assertThat(dictionaryExit).isZero();
    assertThat(costExit).isZero();
    assertThat(out.toString()).isEqualTo(fromDictionary).startsWith("WITH tagged AS (");
  }

  @Test
  void refusesATableWithoutEmitSql() {
    int exitCode = run("cost", "--table", "db.cur", "--cost-file", "missing.json");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("--table goes with --emit-sql athena");
  }

  @Test
  void readsCur2WhenAsked() {
    int exitCode =
        run("dictionary", "sql", "--dialect", "athena", "--table", "cur", "--schema", "cur2");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("'user_anycompany_finance_cost_center'");
  }

  @Test
  void warnsInPlaceAboutAPatternLeftOut() throws IOException {
    Path file = dir.resolve("d.yaml");
    Files.writeString(
        file,
        """
        version: 1
        conventions:
          key-case: any
        tags:
          - key: env
            cost-allocation: true
            mandatory: true
          - key: name
            cost-allocation: true
            mandatory: true
            values:
              pattern: '\\bx'
        """,
        StandardCharsets.UTF_8);

    int exitCode =
        run("dictionary", "sql", "--dialect", "athena", "--table", "t", "-d", file.toString());

    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("'env'").doesNotContain("'name'");
    assertThat(err.toString())
        .isEqualTo(
            file
                + ":8:5: warning: tag 'name' left out of the query: word boundaries (\\b) are"
                + " ASCII in RE2 and Unicode-aware in Java\n");
  }

  @Test
  void refusesAnUnknownSchemaWithExitCode2() {
    int exitCode =
        run("dictionary", "sql", "--dialect", "athena", "--table", "t", "--schema", "cur1");

    assertThat(exitCode).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("--schema must be focus or cur2");
  }
}
