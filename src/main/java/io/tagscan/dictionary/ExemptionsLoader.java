package io.tagscan.dictionary;

import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.RuleId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads an exemptions file (format version 1): waivers of rules on resources whose ARN matches a
 * glob, each with a reason and an expiry date. Every problem is reported at once, each at its line
 * and column.
 */
public final class ExemptionsLoader {

  static final List<String> TOP_FIELDS = List.of("version", "exemptions");
  static final List<String> EXEMPTION_FIELDS =
      List.of("arns", "addresses", "rules", "keys", "reason", "expires");

  private static final List<String> RULE_SLUGS =
      Arrays.stream(RuleId.values()).map(RuleId::slug).toList();
  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private ExemptionsLoader() {}

  /**
   * Loads and checks an exemptions file.
   *
   * @throws InputException with every problem found, when there is any
   */
  public static List<Exemption> load(Path file) {
    Problems problems = new Problems(file.toString());
    List<Exemption> exemptions = read(file.toString(), SafeYaml.read(file, problems), problems);
    if (!problems.isEmpty()) {
      throw new InputException(problems.sorted());
    }
    return exemptions;
  }

  /** Every problem in an exemptions file, sorted by place; empty when the file is sound. */
  public static List<Diagnostic> lint(Path file) {
    Problems problems = new Problems(file.toString());
    read(file.toString(), SafeYaml.read(file, problems), problems);
    return problems.sorted();
  }

  /**
   * Loads exemptions from text, as if read from a file of that name.
   *
   * @throws InputException with every problem found, when there is any
   */
  public static List<Exemption> parse(String fileName, String yaml) {
    Problems problems = new Problems(fileName);
    List<Exemption> exemptions = read(fileName, SafeYaml.ofText(yaml, problems), problems);
    if (!problems.isEmpty()) {
      throw new InputException(problems.sorted());
    }
    return exemptions;
  }

  private static List<Exemption> read(String fileName, SafeYaml.Source source, Problems problems) {
    if (source == null) {
      return null;
    }
    Node root = SafeYaml.compose(source.text(), problems);
    if (root == null) {
      if (problems.isEmpty()) {
        problems.ofFile(
            "the file is empty; an exemptions file needs at least 'version' and 'exemptions'");
      }
      return null;
    }
    Fields top = Fields.of(root, "", "", problems);
    if (top == null) {
      return null;
    }
    top.allow(TOP_FIELDS);
    top.require("version", "exemptions");
    FormatVersion.check(top);
    List<Node> items = top.list("exemptions", "a list of exemptions");
    if (items == null) {
      return null;
    }
    List<Exemption> exemptions = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Exemption exemption = readExemption(items.get(i), i + 1, fileName, problems);
      if (exemption != null) {
        exemptions.add(exemption);
      }
    }
    return problems.isEmpty() ? exemptions : null;
  }

  private static Exemption readExemption(
      Node item, int number, String fileName, Problems problems) {
    Fields fields = Fields.of(item, "exemption #" + number, "", problems);
    if (fields == null) {
      return null;
    }
    fields.allow(EXEMPTION_FIELDS);
    // arns, or for tagscan check addresses: either names the resources waived.
    if (!fields.hasOrMisspelt("addresses")) {
      fields.require("arns");
    }
    fields.require("reason", "expires");
    List<Glob> arns = new ArrayList<>();
    List<ScalarNode> arnNodes = fields.nonEmptyStrings("arns");
    if (arnNodes != null) {
      for (ScalarNode node : fields.distinct("arns", arnNodes)) {
        String glob = node.getValue();
        if (!canMatchAnArn(glob)) {
          fields.problem(
              "arns",
              node,
              Quote.of(glob)
                  + " can never match: ARNs start with 'arn:' (for example"
                  + " 'arn:aws:s3:::legacy-*')");
        }
        arns.add(Glob.of(glob));
      }
    }
    List<Glob> addresses = new ArrayList<>();
    List<ScalarNode> addressNodes = fields.nonEmptyStrings("addresses");
    if (addressNodes != null) {
      for (ScalarNode node : fields.distinct("addresses", addressNodes)) {
        addresses.add(Glob.of(node.getValue()));
      }
    }
    Set<RuleId> rules = new LinkedHashSet<>();
    List<ScalarNode> ruleNodes = fields.nonEmptyStrings("rules");
    if (ruleNodes != null) {
      for (ScalarNode node : fields.distinct("rules", ruleNodes)) {
        RuleId rule = RuleId.fromSlug(node.getValue());
        if (rule == null) {
          String hint = Suggest.didYouMean(node.getValue(), RULE_SLUGS);
          fields.problem(
              "rules",
              node,
              "unknown rule "
                  + Quote.of(node.getValue())
                  + (hint.isEmpty()
                      ? "; expected one of: " + String.join(", ", RULE_SLUGS)
                      : hint));
        } else {
          rules.add(rule);
        }
      }
    }
    Set<String> keys = new LinkedHashSet<>();
    List<ScalarNode> keyNodes = fields.nonEmptyStrings("keys");
    if (keyNodes != null) {
      for (ScalarNode node : fields.distinct("keys", keyNodes)) {
        String problem = TagSyntax.keyProblem(node.getValue());
        if (problem != null) {
          fields.problem("keys", node, Quote.of(node.getValue()) + " " + problem);
        }
        keys.add(node.getValue());
      }
    }
    ScalarNode reasonNode = fields.scalar("reason", "a string");
    if (reasonNode != null && reasonNode.getValue().isBlank()) {
      fields.problem("reason", reasonNode, "must say why the exemption is granted");
    }
    LocalDate expires = readDate(fields);
    if (reasonNode == null || expires == null || (arnNodes == null && addressNodes == null)) {
      return null;
    }
    return new Exemption(
        arns,
        rules,
        keys,
        reasonNode.getValue(),
        expires,
        fileName,
        item.getStartMark().getLine() + 1,
        addresses);
  }

  private static LocalDate readDate(Fields fields) {
    ScalarNode node = fields.scalar("expires", "a date such as 2027-03-31");
    if (node == null) {
      return null;
    }
    String text = node.getValue();
    if (ISO_DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        fields.problem("expires", node, Quote.of(text) + " is not a real date");
        return null;
      }
    }
    fields.problem(
        "expires", node, "expected a date such as 2027-03-31 (YYYY-MM-DD), got " + Quote.of(text));
    return null;
  }

  /** False for a glob whose fixed start rules out every ARN, such as {@code legacy-*}. */
  private static boolean canMatchAnArn(String glob) {
    int wildcard = glob.length();
    for (int i = 0; i < glob.length(); i++) {
      if (glob.charAt(i) == '*' || glob.charAt(i) == '?') {
        wildcard = i;
        break;
      }
    }
    String fixed = glob.substring(0, wildcard);
    return fixed.startsWith("arn:") || "arn:".startsWith(fixed);
  }
}
