package io.tagscan.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tagscan.dictionary.DefaultsSchema.Kind;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultsFileTest {

  private static final DefaultsSchema SCHEMA =
      new DefaultsSchema(
          Map.of(),
          Map.of(
              "scan",
              new DefaultsSchema(
                  Map.of(
                      "fail-on", Kind.VALUE,
                      "regions", Kind.LIST,
                      "no-sagemaker", Kind.FLAG,
                      "external-id", Kind.VALUE),
                  Map.of()),
              "report",
              new DefaultsSchema(
                  Map.of(),
                  Map.of("diff", new DefaultsSchema(Map.of("limit", Kind.VALUE), Map.of())))));

  private static List<String> problems(String yaml) {
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> DefaultsFile.parse(".tagscan.yaml", yaml, SCHEMA));
    assertThat(e).as("problems expected in:%n%s", yaml).isNotNull();
    return e.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void readsEachCommandsOptionsWithTheirPlaces() {
    DefaultsFile file =
        DefaultsFile.parse(
            ".tagscan.yaml",
            """
            scan:
              fail-on: warning
              regions: [eu-west-1, us-east-1]
              no-sagemaker: true
            report:
              diff:
                limit: 20
            """,
            SCHEMA);

    assertThat(file.of("scan"))
        .containsEntry("fail-on", new DefaultsFile.Setting("fail-on", "warning", 2, 12))
        .containsEntry("regions", new DefaultsFile.Setting("regions", "eu-west-1,us-east-1", 3, 12))
        .containsEntry("no-sagemaker", new DefaultsFile.Setting("no-sagemaker", "true", 4, 17));
    assertThat(file.of("report diff")).containsOnlyKeys("limit");
    assertThat(file.of("report diff").get("limit").value()).isEqualTo("20");
    assertThat(file.of("accounts")).isEmpty();
  }

  @Test
  void anEmptyFileSetsNothing() {
    assertThat(DefaultsFile.parse(".tagscan.yaml", "# nothing yet\n", SCHEMA).settings()).isEmpty();
  }

  @Test
  void suggestsTheOptionAMisspeltKeyWasMeantToBe() {
    assertThat(problems("scan:\n  fial-on: warning\n"))
        .containsExactly(
            ".tagscan.yaml:2:3: error: scan: unknown option 'fial-on'; did you mean 'fail-on'?");
    assertThat(problems("scan:\n  --fail-on: warning\n"))
        .containsExactly(
            ".tagscan.yaml:2:3: error: scan: unknown option '--fail-on'; did you mean 'fail-on'?");
    assertThat(problems("sacn:\n  fail-on: warning\n"))
        .containsExactly(".tagscan.yaml:1:1: error: unknown command 'sacn'; did you mean 'scan'?");
    assertThat(problems("report:\n  diff:\n    limt: 3\n"))
        .containsExactly(
            ".tagscan.yaml:3:5: error: report diff: unknown option 'limt'; did you mean 'limit'?");
  }

  @Test
  void listsTheChoicesWhenNothingIsClose() {
    assertThat(problems("scan:\n  colour-scheme: dark\n"))
        .containsExactly(
            ".tagscan.yaml:2:3: error: scan: unknown option 'colour-scheme'; expected one of:"
                + " external-id, fail-on, no-sagemaker, regions");
  }

  @Test
  void refusesKeysAndValuesThatLookLikeCredentials() {
    assertThat(
            problems(
                """
                scan:
                  aws_secret_access_key: abc
                  aws-session-token: abc
                  external-id: AKIAIOSFODNN7EXAMPLE
                aws_access_key_id: abc
                """))
        .hasSize(4)
        .allMatch(line -> line.contains("credential"))
        .anyMatch(
            line -> line.startsWith(".tagscan.yaml:2:3: error: scan: 'aws_secret_access_key'"))
        .anyMatch(line -> line.startsWith(".tagscan.yaml:4:16: error: scan: external-id: "))
        .anyMatch(line -> line.startsWith(".tagscan.yaml:5:1: error: 'aws_access_key_id'"));
  }

  @Test
  void checksTheShapeOfEachValue() {
    assertThat(
            problems(
                """
                scan:
                  no-sagemaker: "true"
                  fail-on: [error, warning]
                  regions: []
                  external-id:
                report: diff
                """))
        .containsExactly(
            ".tagscan.yaml:2:17: error: scan: no-sagemaker: expected true or false, got 'true'"
                + " in quotes",
            ".tagscan.yaml:3:12: error: scan: fail-on: expected a value, got a list",
            ".tagscan.yaml:4:12: error: scan: regions: expected at least one value",
            ".tagscan.yaml:5:15: error: scan: external-id: expected a value, got nothing",
            ".tagscan.yaml:6:9: error: report: expected a mapping of options, got 'diff'");
  }

  @Test
  void reportsBrokenYamlInPlace() {
    assertThat(problems("scan:\n  fail-on: [warning\n"))
        .singleElement()
        .asString()
        .startsWith(".tagscan.yaml:3:1: error: invalid YAML");
    assertThat(problems("- scan\n"))
        .containsExactly(
            ".tagscan.yaml:1:1: error: expected a mapping of commands (scan:, accounts:,"
                + " report:), got a list");
  }
}
