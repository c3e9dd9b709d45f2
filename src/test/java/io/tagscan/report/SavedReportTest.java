package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a saved JSON report back: the records it held, and every kind of bad input placed. */
class SavedReportTest {

  private static final Path EXAMPLE = Path.of("src/test/resources/interchange/example.json");

  @TempDir Path temp;

  private static List<CheckedResource> readAll(Path file) {
    List<CheckedResource> all = new ArrayList<>();
    try (SavedReport report = SavedReport.open(file)) {
      for (CheckedResource next = report.next(); next != null; next = report.next()) {
        all.add(next);
      }
      assertThat(report.errors()).isEmpty();
    }
    return all;
  }

  private Path edited(String from, String to) throws IOException {
    String text = Files.readString(EXAMPLE);
    assertThat(text).contains(from);
    Path file = temp.resolve("edited.json");
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    return file;
  }

  private static String problem(Path file) {
    try {
      readAll(file);
    } catch (InputException e) {
      return e.getMessage();
    }
    throw new AssertionError("no problem found in " + file);
  }

  @Test
  void readsTheScanTheDictionaryAndEveryResource() {
    try (SavedReport report = SavedReport.open(EXAMPLE)) {
      SavedReport.Header header = report.header();
      assertThat(header.info().regions()).containsExactly("eu-west-1", "us-east-1");
      assertThat(header.dictionary().tags()).hasSize(12);
      assertThat(header.dictionary().accountMandatory())
          .containsExactly("anycompany:finance:owner", "anycompany:finance:business-unit");
      assertThat(header.complianceRate()).isEqualByComparingTo("0.3889");
      assertThat(header.coverage()).hasSize(6);
    }
    List<CheckedResource> resources = readAll(EXAMPLE);
    assertThat(resources).hasSize(18);
    assertThat(resources.stream().mapToLong(r -> r.findings().size()).sum()).isEqualTo(38);
  }

  @Test
  void refusesResourcesOutOfOrderAtTheOneThatIsOutOfPlace() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(EXAMPLE));
    int first =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("{\"arn\"")).findFirst().orElseThrow());
    String moved = lines.remove(first);
    lines.add(first + 1, moved.endsWith(",") ? moved : moved + ",");
    Path file = temp.resolve("unsorted.json");
    Files.write(file, lines);

    assertThat(problem(file))
        .startsWith(
            file + ":" + (first + 2) + ":1: error: the resources are not in tagscan's order");
  }

  @Test
  void placesAFieldOfTheWrongTypeAtItsResource() throws IOException {
    Path file = edited("\"resourceType\":\"sagemaker:endpoint\"", "\"resourceType\":7");

    assertThat(problem(file))
        .matches(".*edited\\.json:\\d+:1: error: 'resourceType' must be a string");
  }

  @Test
  void readsBackTheFindingsExemptionsWaived() throws IOException {
    Path file =
        edited(
            "\"findings\":[",
            "\"waived\":1,\"suppressed\":[{\"rule\":\"undeclared-key\",\"severity\":\"warning\","
                + "\"key\":\"team\",\"message\":\"m\",\"reason\":\"pilot\","
                + "\"exemption\":\"exemptions.yaml:3\"}],\"findings\":[");

    CheckedResource first = readAll(file).get(0);

    assertThat(first.suppressed())
        .containsExactly(
            new io.tagscan.model.Suppressed(
                new io.tagscan.model.Finding(
                    io.tagscan.model.RuleId.UNDECLARED_KEY,
                    io.tagscan.model.Severity.WARNING,
                    "team",
                    null,
                    null,
                    null,
                    "m"),
                "pilot",
                "exemptions.yaml:3"));
  }

  @Test
  void refusesAWaivedCountThatTheSuppressedFindingsDoNotMatch() throws IOException {
    Path file = edited("\"findings\":[", "\"waived\":2,\"findings\":[");

    assertThat(problem(file)).contains("'waived' counts 2 findings but 'suppressed' lists 0");
  }

  @Test
  void refusesAnUnknownRule() throws IOException {
    Path file = edited("\"rule\":\"missing-mandatory-tag\"", "\"rule\":\"made-up\"");

    assertThat(problem(file)).endsWith("error: a finding's rule is not one tagscan knows");
  }

  @Test
  void refusesAFieldGivenTwice() throws IOException {
    Path file =
        edited("\"region\":\"us-east-1\",", "\"region\":\"us-east-1\",\"region\":\"eu-west-1\",");

    assertThat(problem(file)).contains("error: a field is given twice in one object");
  }

  @Test
  void refusesAReportOfAnotherTool() throws IOException {
    Path file = edited("\"name\":\"tagscan\"", "\"name\":\"other\"");

    assertThatThrownBy(() -> SavedReport.open(file))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith("error: not a tagscan JSON report: tool.name is not 'tagscan'");
  }

  @Test
  void refusesAReportWithoutTheDictionaryKeys() throws IOException {
    String text = Files.readString(EXAMPLE);
    Path file = temp.resolve("old.json");
    Files.writeString(
        file, text.replaceFirst(",\"keys\":\\[.*?\\],\"accountMandatory\":\\[[^\\]]*\\]", ""));

    assertThatThrownBy(() -> SavedReport.open(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("does not record the dictionary's keys");
  }
}
