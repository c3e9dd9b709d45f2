package io.tagscan.dictionary;

import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code tag-dictionary.yaml} (format version 1) into a {@link Dictionary}, checking it fully
 * first: every problem is reported at once, each at its line and column.
 *
 * <p>A facade over one reader per part of the file: {@link ConventionsReader}, {@link
 * SeverityReader}, {@link TagReader} (with {@link ValueRuleReader}) and {@link CrossTagChecks}.
 */
public final class DictionaryLoader {

  static final List<String> TOP_FIELDS =
      List.of("version", "prefix", "conventions", "rules", "tags", "accounts", "sagemaker");

  private DictionaryLoader() {}

  /**
   * Loads and checks a dictionary file.
   *
   * @throws InputException with every problem found, when there is any
   */
  public static Dictionary load(Path file) {
    Problems problems = new Problems(file.toString());
    Dictionary dictionary = read(file.toString(), SafeYaml.read(file, problems), problems);
    if (!problems.isEmpty()) {
      throw new InputException(problems.sorted());
    }
    return dictionary;
  }

  /** Every problem in a dictionary file, sorted by place; empty when the file is sound. */
  public static List<Diagnostic> lint(Path file) {
    Problems problems = new Problems(file.toString());
    read(file.toString(), SafeYaml.read(file, problems), problems);
    return problems.sorted();
  }

  /**
   * Loads a dictionary from text, as if read from a file of that name.
   *
   * @throws InputException with every problem found, when there is any
   */
  public static Dictionary parse(String fileName, String yaml) {
    Problems problems = new Problems(fileName);
    Dictionary dictionary = read(fileName, SafeYaml.ofText(yaml, problems), problems);
    if (!problems.isEmpty()) {
      throw new InputException(problems.sorted());
    }
    return dictionary;
  }

  /** The dictionary, or null when any problem was found (all of them recorded). */
  private static Dictionary read(String fileName, SafeYaml.Source source, Problems problems) {
    if (source == null) {
      return null;
    }
    Node root = SafeYaml.compose(source.text(), problems);
    if (root == null) {
      if (problems.isEmpty()) {
        problems.ofFile("the file is empty; a dictionary needs at least 'version' and 'tags'");
      }
      return null;
    }
    Fields top = Fields.of(root, "", "", problems);
    if (top == null) {
      return null;
    }
    top.allow(TOP_FIELDS);
    top.require("version", "tags");
    FormatVersion.check(top);
    String prefix = ConventionsReader.prefix(top);
    ConventionsReader.Read conventions = ConventionsReader.read(top.mapping("conventions"));
    Map<RuleId, Severity> severities = SeverityReader.read(top, conventions, problems);
    List<DeclaredTag> declared = TagReader.readAll(top, conventions.conventions(), problems);
    if (declared != null) {
      CrossTagChecks.check(declared, problems);
    }
    List<String> accountKeys =
        CrossTagChecks.declaredKeys(top.mapping("accounts"), "mandatory", declared);
    List<String> propagated =
        CrossTagChecks.declaredKeys(top.mapping("sagemaker"), "propagate", declared);
    if (!problems.isEmpty() || declared == null) {
      return null;
    }
    return new Dictionary(
        1,
        prefix,
        conventions.conventions(),
        declared.stream().map(DeclaredTag::spec).toList(),
        accountKeys,
        propagated,
        severities,
        fileName,
        Sha256.hex(source.bytes()),
        top.nameMark("conventions"));
  }
}
