package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class FileDefaultsTest {

  private static final String EXAMPLE = "examples/inventory/anycompany-ml.json";

  @TempDir Path dir;

  private static Environment environment(Map<String, String> variables) {
    return new Environment(false, false, variables, Clock.fixed(CliRun.NOW, ZoneOffset.UTC));
  }

  /** The options of a command a defaults file may set, straight from picocli's model. */
  private static List<OptionSpec> settable(CommandSpec command) {
    return command.options().stream()
        .filter(o -> !o.usageHelp() && !o.versionHelp())
        .filter(o -> !o.longestName().equals("--config"))
        .toList();
  }

  /** A value of the right shape for an option: true for a switch, a word otherwise. */
  private static String sample(OptionSpec option) {
    return option.arity().max() == 0 ? "true" : "x-" + option.longestName().substring(2);
  }

  @Test
  void acceptsEveryOptionOfEveryCommandThatTakesDefaults() throws IOException {
    CommandLine root = CommandLineFactory.create(environment(Map.of()), dir);
    StringBuilder yaml = new StringBuilder();
    List<OptionSpec> expected = new ArrayList<>();
    for (String name : List.of("scan", "accounts", "cost")) {
      CommandSpec command = root.getSubcommands().get(name).getCommandSpec();
      yaml.append(name).append(":\n");
      for (OptionSpec option : settable(command)) {
        yaml.append("  ").append(option.longestName().substring(2)).append(": ");
        yaml.append(sample(option)).append('\n');
        expected.add(option);
      }
    }
    yaml.append("report:\n");
    for (String name : List.of("render", "merge", "diff")) {
      CommandSpec command =
          root.getSubcommands().get("report").getSubcommands().get(name).getCommandSpec();
      yaml.append("  ").append(name).append(":\n");
      for (OptionSpec option : settable(command)) {
        yaml.append("    ").append(option.longestName().substring(2)).append(": ");
        yaml.append(sample(option)).append('\n');
        expected.add(option);
      }
    }
    Files.writeString(dir.resolve(".tagscan.yaml"), yaml);
    FileDefaults defaults = new FileDefaults(Map.of(), dir);

    assertThat(expected)
        .as("scan's options, as picocli knows them")
        .filteredOn(o -> o.command().name().equals("scan"))
        .extracting(OptionSpec::longestName)
        .contains("--dictionary", "--inventory", "--regions", "--role-name", "--format")
        .contains("--fail-on", "--output", "--concurrency", "--no-sagemaker", "--baseline");
    for (OptionSpec option : expected) {
      assertThat(defaults.defaultValue(option))
          .as("%s %s", option.command().qualifiedName(), option.longestName())
          .isEqualTo(sample(option));
    }
  }

  @Test
  void knowsEveryCommandThatHasConfigAndNoOther() {
    CommandSpec root = CommandLineFactory.create(environment(Map.of())).getCommandSpec();

    var schema = FileDefaults.schema(root);

    assertThat(schema.options()).isEmpty();
    assertThat(schema.commands()).containsOnlyKeys("scan", "accounts", "cost", "policy", "report");
    assertThat(schema.commands().get("policy").commands()).containsOnlyKeys("check");
    assertThat(schema.commands().get("report").commands())
        .containsOnlyKeys("render", "merge", "diff");
    assertThat(schema.commands().get("scan").options())
        .doesNotContainKeys("config", "help", "version")
        .hasSize(settable(root.subcommands().get("scan").getCommandSpec()).size());
  }

  @Test
  void withoutAFileChangesNothing() {
    CommandSpec scan =
        CommandLineFactory.create(environment(Map.of()), dir)
            .getSubcommands()
            .get("scan")
            .getCommandSpec();
    FileDefaults defaults = new FileDefaults(Map.of(), dir);

    for (OptionSpec option : settable(scan)) {
      assertThat(defaults.defaultValue(option)).as(option.longestName()).isNull();
    }
  }

  @Test
  void theCommandLineWinsOverTheFile() throws IOException {
    Path config = dir.resolve("defaults.yaml");
    Files.writeString(
        config, "scan:\n  inventory: " + EXAMPLE + "\n  format: csv\n  fail-on: never\n");

    CliRun fromFile = CliRun.run("scan", "--config", config.toString());
    CliRun overridden =
        CliRun.run("scan", "--config", config.toString(), "--format", "json", "--fail-on", "error");

    assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
    assertThat(fromFile.out()).startsWith("accountId,accountName,");
    assertThat(overridden.exitCode()).isEqualTo(1);
    assertThat(overridden.out()).startsWith("{");
  }

  @Test
  void configBeatsTheVariableWhichBeatsTheWorkingDirectory() throws IOException {
    Files.writeString(dir.resolve(".tagscan.yaml"), "scan:\n  table-limit: 1\n");
    Path variable = Files.writeString(dir.resolve("variable.yaml"), "scan:\n  table-limit: 2\n");
    Path option = Files.writeString(dir.resolve("option.yaml"), "scan:\n  table-limit: 3\n");

    assertThat(tableLimit(Map.of())).isEqualTo(1);
    assertThat(tableLimit(Map.of("TAGSCAN_CONFIG", variable.toString()))).isEqualTo(2);
    assertThat(
            tableLimit(
                Map.of("TAGSCAN_CONFIG", variable.toString()), "--config", option.toString()))
        .isEqualTo(3);
    assertThat(tableLimit(Map.of(), "--config", option.toString(), "--table-limit", "4"))
        .isEqualTo(4);
  }

  private int tableLimit(Map<String, String> variables, String... args) {
    CommandLine commandLine = CommandLineFactory.create(environment(variables), dir);
    List<String> all = new ArrayList<>(List.of("scan"));
    all.addAll(List.of(args));
    CommandLine.ParseResult parsed = commandLine.parseArgs(all.toArray(String[]::new));
    return parsed.subcommand().matchedOptionValue("--table-limit", -1) == -1
        ? ((ScanCommand) parsed.subcommand().commandSpec().userObject()).reports.tableLimit
        : parsed.subcommand().matchedOptionValue("--table-limit", -1);
  }

  @Test
  void helpShowsTheDefaultsFromTheFile() throws IOException {
    Path config = dir.resolve("defaults.yaml");
    Files.writeString(
        config, "scan:\n  fail-on: warning\n  regions: [eu-west-1, us-east-1]\n  quiet: true\n");

    CliRun help = CliRun.run("scan", "--config", config.toString(), "--help");
    CliRun plain = CliRun.run("scan", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("(default: warning)")
        .contains("Defaults from " + config + ":")
        .contains("  fail-on: warning")
        .contains("  quiet: true")
        .contains("  regions: eu-west-1,us-east-1");
    assertThat(plain.out()).contains("(default: error)").doesNotContain("Defaults from");
  }

  @Test
  void aBadFileStopsEveryCommandThatReadsIt() throws IOException {
    Path config = dir.resolve("defaults.yaml");
    Files.writeString(config, "accounts:\n  regoins: eu-west-1\n");

    for (List<String> args :
        List.of(
            List.of("accounts", "--config", config.toString()),
            List.of("scan", "--inventory", EXAMPLE, "--config", config.toString()))) {
      CliRun run = CliRun.run(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              config
                  + ":2:3: error: accounts: unknown option 'regoins'; did you mean 'regions'?"
                  + System.lineSeparator());
    }
  }

  @Test
  void aWrongTypeNamesItsPlaceAndTheLinesOfTheFileAreNotConfusedWithTheCommandLine()
      throws IOException {
    Path config = dir.resolve("defaults.yaml");
    Files.writeString(config, "scan:\n  inventory: " + EXAMPLE + "\n  fail-on: sometimes\n");

    CliRun fromFile = CliRun.run("scan", "--config", config.toString());
    CliRun typed = CliRun.run("scan", "--config", config.toString(), "--table-limit", "many");

    assertThat(fromFile.exitCode()).isEqualTo(2);
    assertThat(fromFile.err())
        .isEqualTo(
            config
                + ":3:12: error: scan: fail-on: unknown severity 'sometimes'; expected one of:"
                + " error, warning, info, never"
                + System.lineSeparator());
    assertThat(typed.exitCode()).isEqualTo(2);
    assertThat(typed.err()).startsWith("tagscan: error: Invalid value for option '--table-limit'");
    assertThat(
            typed
                .err()
                .lines()
                .filter(l -> l.contains(config.toString()))
                .collect(Collectors.toList()))
        .isEmpty();
  }

  @Test
  void theReadmesExampleIsAValidDefaultsFile() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```yaml\n# .tagscan.yaml\n");
    assertThat(start).as("the example in the README").isNotNegative();
    String yaml = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
    Files.writeString(dir.resolve(".tagscan.yaml"), yaml);
    CommandLine commandLine = CommandLineFactory.create(environment(Map.of()), dir);

    CommandLine.ParseResult parsed = commandLine.parseArgs("scan");
    ScanCommand scan = (ScanCommand) parsed.subcommand().commandSpec().userObject();

    assertThat(scan.aws.regions).containsExactly("eu-west-1", "us-east-1");
    assertThat(scan.aws.concurrency).isEqualTo(8);
    assertThat(scan.reports.failOn).isEqualTo(FailOn.WARNING);
    assertThat(scan.reports.output).isEqualTo(Path.of("reports"));
    assertThat(scan.dictionary.dictionary).isEqualTo(Path.of("governance/tag-dictionary.yaml"));
  }
}
