package io.tagscan.cli;

import io.tagscan.dictionary.DefaultsFile;
import io.tagscan.dictionary.DefaultsSchema;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.Printable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Option defaults from a YAML file: {@code --config FILE}, else {@code TAGSCAN_CONFIG}, else {@code
 * .tagscan.yaml} in the working directory when it exists. picocli asks it only for the options the
 * command line left out, so the command line wins; the file is read and checked, as a whole, the
 * first time a command that has {@code --config} is asked about.
 */
final class FileDefaults implements IDefaultValueProvider {

  /** The file looked for in the working directory when nothing names one. */
  static final String LOCAL_FILE = ".tagscan.yaml";

  /** The variable that names a defaults file when {@code --config} does not. */
  static final String VARIABLE = "TAGSCAN_CONFIG";

  private static final String HELP_SECTION = "defaultsFile";

  private final Map<String, String> variables;
  private final Path workingDirectory;
  private final Map<Path, DefaultsFile> loaded = new HashMap<>();
  private final Map<ArgSpec, DefaultsFile.Setting> given =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<ArgSpec, String> givenBy = Collections.synchronizedMap(new IdentityHashMap<>());
  private DefaultsSchema schema;

  FileDefaults(Map<String, String> variables, Path workingDirectory) {
    this.variables = Map.copyOf(variables);
    this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !takesDefault(option)) {
      return null;
    }
    CommandSpec command = option.command();
    Path file = locate(command);
    if (file == null) {
      return null;
    }
    DefaultsFile defaults = load(file, command.root());
    DefaultsFile.Setting setting = defaults.of(path(command)).get(key(option));
    if (setting == null) {
      return null;
    }
    given.put(arg, setting);
    givenBy.put(arg, defaults.file());
    return setting.value();
  }

  /**
   * Where a value from the file was refused (a number that is not one, an unknown format): the
   * place in the file, with picocli's reason; null when the value did not come from the file.
   */
  Diagnostic placeOf(ParameterException refused) {
    ArgSpec arg = refused.getArgSpec();
    DefaultsFile.Setting setting = arg == null ? null : given.get(arg);
    if (setting == null || !(arg instanceof OptionSpec option)) {
      return null;
    }
    String reason =
        String.valueOf(refused.getMessage())
            .replaceFirst("^Invalid value for option '[^']*': ", "");
    return new Diagnostic(
        givenBy.get(arg),
        setting.line(),
        setting.column(),
        path(option.command()) + ": " + setting.option() + ": " + reason);
  }

  /**
   * Adds to the help of every command that has {@code --config} a section listing the defaults the
   * file gives it, after the options: the options whose description shows {@code ${DEFAULT-VALUE}}
   * show them there too, the others (such as {@code --format}) only here.
   */
  void addHelpSections(CommandLine commandLine) {
    CommandSpec spec = commandLine.getCommandSpec();
    if (spec.findOption(ConfigOption.NAME) != null) {
      List<String> keys = new ArrayList<>(commandLine.getHelpSectionKeys());
      int options = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST);
      keys.add(options < 0 ? keys.size() : options + 1, HELP_SECTION);
      commandLine.setHelpSectionKeys(keys);
      commandLine.getHelpSectionMap().put(HELP_SECTION, help -> describe(help.commandSpec()));
    }
    commandLine.getSubcommands().values().forEach(this::addHelpSections);
  }

  /** The help section: the file and what it sets for this command, or nothing without a file. */
  private String describe(CommandSpec command) {
    Path file = locate(command);
    if (file == null) {
      return "";
    }
    Map<String, DefaultsFile.Setting> settings =
        new TreeMap<>(load(file, command.root()).of(path(command)));
    if (settings.isEmpty()) {
      return "";
    }
    String line = System.lineSeparator();
    StringBuilder out =
        new StringBuilder(line).append("Defaults from ").append(Printable.of(file.toString()));
    out.append(':').append(line);
    settings.forEach(
        (key, setting) ->
            out.append("  ")
                .append(key)
                .append(": ")
                .append(Printable.of(setting.value()))
                .append(line));
    return out.toString();
  }

  /** The defaults file for a command; null when the command takes none or there is no file. */
  private Path locate(CommandSpec command) {
    OptionSpec config = command.findOption(ConfigOption.NAME);
    if (config == null) {
      return null;
    }
    Path named = config.getValue();
    if (named != null) {
      return named;
    }
    String variable = variables.get(VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Path.of(variable);
    }
    Path local = workingDirectory.resolve(LOCAL_FILE);
    return Files.exists(local) ? local : null;
  }

  private synchronized DefaultsFile load(Path file, CommandSpec root) {
    if (schema == null) {
      schema = schema(root);
    }
    DefaultsFile defaults = loaded.get(file);
    if (defaults == null) {
      defaults = DefaultsFile.load(file, schema);
      loaded.put(file, defaults);
    }
    return defaults;
  }

  /**
   * What a defaults file may set, from picocli's model of the commands: every option of each
   * command that has {@code --config}, by its long name, in a section named after the command.
   */
  static DefaultsSchema schema(CommandSpec command) {
    Map<String, DefaultsSchema.Kind> options = new TreeMap<>();
    if (command.findOption(ConfigOption.NAME) != null) {
      for (OptionSpec option : command.options()) {
        if (takesDefault(option)) {
          options.put(key(option), kind(option));
        }
      }
    }
    Map<String, DefaultsSchema> commands = new TreeMap<>();
    for (Map.Entry<String, CommandLine> sub : command.subcommands().entrySet()) {
      DefaultsSchema inner = schema(sub.getValue().getCommandSpec());
      if (!inner.options().isEmpty() || !inner.commands().isEmpty()) {
        commands.put(sub.getKey(), inner);
      }
    }
    return new DefaultsSchema(options, commands);
  }

  /** Help, version and {@code --config} itself make no sense as defaults; the rest may be set. */
  private static boolean takesDefault(OptionSpec option) {
    return !option.usageHelp()
        && !option.versionHelp()
        && option.longestName().startsWith("--")
        && !option.longestName().equals(ConfigOption.NAME);
  }

  private static DefaultsSchema.Kind kind(OptionSpec option) {
    if (option.arity().max() == 0) {
      return DefaultsSchema.Kind.FLAG;
    }
    return option.isMultiValue() && !option.splitRegex().isEmpty()
        ? DefaultsSchema.Kind.LIST
        : DefaultsSchema.Kind.VALUE;
  }

  /** The option's key in the file: its long name without the dashes. */
  static String key(OptionSpec option) {
    return option.longestName().substring(2);
  }

  /** The command's section path, such as {@code scan} or {@code report diff}. */
  static String path(CommandSpec command) {
    String qualified = command.qualifiedName(" ");
    String root = command.root().name();
    return qualified.equals(root) ? "" : qualified.substring(root.length() + 1);
  }
}
