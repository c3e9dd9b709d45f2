package io.tagscan.dictionary;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads {@code tag-dictionary.yaml} (format version 1) into a {@link Dictionary}, checking it fully
 * first: every problem is reported at once, each at its line and column.
 */
public final class DictionaryLoader {

  static final List<String> TOP_FIELDS =
      List.of("version", "prefix", "conventions", "rules", "tags", "accounts", "sagemaker");
  static final List<String> CONVENTION_FIELDS =
      List.of(
          "key-case", "word-separator", "reserved-prefixes", "undeclared-keys", "pii-in-values");
  static final List<String> TAG_FIELDS =
      List.of(
          "key",
          "type",
          "purpose",
          "cost-allocation",
          "mandatory",
          "values",
          "aliases",
          "applies-to");
  static final List<String> VALUE_FIELDS = List.of("allowed", "pattern", "example");

  private static final List<String> KEY_CASES =
      Arrays.stream(KeyCase.values()).map(KeyCase::slug).toList();
  private static final List<String> SHORTHAND_LEVELS = List.of("allow", "info", "warning", "error");
  private static final List<String> RULE_LEVELS = List.of("error", "warning", "info", "off");
  private static final List<String> RULE_SLUGS =
      Arrays.stream(RuleId.values()).map(RuleId::slug).toList();

  /** A resource-type glob such as {@code s3}, {@code s3:bucket} or {@code sagemaker:*}. */
  private static final java.util.regex.Pattern RESOURCE_TYPE_GLOB =
      java.util.regex.Pattern.compile("[A-Za-z0-9*?-]+(:[A-Za-z0-9*?_./-]+)?");

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
    String prefix = readPrefix(top);
    ConventionsRead conventions = readConventions(top.mapping("conventions"));
    Map<RuleId, Severity> severities = readSeverities(top, conventions, problems);
    List<Declared> declared = readTags(top, conventions.conventions(), problems);
    List<String> accountKeys = readDeclaredKeyList(top.mapping("accounts"), "mandatory", declared);
    List<String> propagated = readDeclaredKeyList(top.mapping("sagemaker"), "propagate", declared);
    if (!problems.isEmpty() || declared == null) {
      return null;
    }
    return new Dictionary(
        1,
        prefix,
        conventions.conventions(),
        declared.stream().map(Declared::spec).toList(),
        accountKeys,
        propagated,
        severities,
        fileName,
        Sha256.hex(source.bytes()));
  }

  private static String readPrefix(Fields top) {
    ScalarNode node = top.scalar("prefix", "a string");
    if (node == null) {
      return "";
    }
    String prefix = node.getValue();
    if (prefix.isEmpty()) {
      top.problem("prefix", node, "must not be empty; leave the field out instead");
    } else if (prefix.endsWith(":")) {
      top.problem("prefix", node, "write it without the trailing ':'");
    } else {
      int rejected = TagSyntax.firstRejectedCharacter(prefix);
      if (rejected >= 0) {
        top.problem(
            "prefix",
            node,
            Quote.of(prefix)
                + " has the character "
                + Quote.character(rejected)
                + ", which AWS does not allow in tag keys");
      }
    }
    return prefix;
  }

  /** The conventions, and the two severity shorthands as written (null when not set). */
  private record ConventionsRead(
      Conventions conventions, ScalarNode undeclaredKeys, ScalarNode piiInValues) {}

  private static ConventionsRead readConventions(Fields fields) {
    if (fields == null) {
      return new ConventionsRead(Conventions.DEFAULT, null, null);
    }
    fields.allow(CONVENTION_FIELDS);
    ScalarNode keyCaseNode = fields.oneOf("key-case", KEY_CASES);
    KeyCase keyCase =
        keyCaseNode == null ? KeyCase.LOWER : KeyCase.fromSlug(keyCaseNode.getValue());
    String separator = Conventions.DEFAULT.wordSeparator();
    ScalarNode separatorNode = fields.scalar("word-separator", "a string");
    if (separatorNode != null) {
      separator = separatorNode.getValue();
      int rejected = TagSyntax.firstRejectedCharacter(separator);
      if (rejected >= 0) {
        fields.problem(
            "word-separator",
            separatorNode,
            "the character "
                + Quote.character(rejected)
                + " is not allowed in AWS tag keys, so it cannot separate words");
      }
    }
    List<String> reserved = Conventions.DEFAULT.reservedPrefixes();
    List<ScalarNode> reservedNodes = fields.strings("reserved-prefixes");
    if (reservedNodes != null) {
      reserved = new ArrayList<>();
      for (ScalarNode node : fields.distinct("reserved-prefixes", reservedNodes)) {
        if (node.getValue().isEmpty()) {
          fields.problem("reserved-prefixes", node, "a prefix cannot be empty");
        } else {
          reserved.add(node.getValue());
        }
      }
    }
    ScalarNode undeclared = fields.oneOf("undeclared-keys", SHORTHAND_LEVELS);
    ScalarNode pii = fields.oneOf("pii-in-values", SHORTHAND_LEVELS);
    return new ConventionsRead(new Conventions(keyCase, separator, reserved), undeclared, pii);
  }

  /**
   * Every rule at its default, then the conventions' shorthands, then {@code rules:}; a rule set to
   * {@code off} or {@code allow} is left out of the map.
   */
  private static Map<RuleId, Severity> readSeverities(
      Fields top, ConventionsRead conventions, Problems problems) {
    Map<RuleId, Severity> severities = Dictionary.defaultSeverities();
    Map<RuleId, ScalarNode> shorthands = new LinkedHashMap<>();
    if (conventions.undeclaredKeys() != null) {
      apply(severities, RuleId.UNDECLARED_KEY, conventions.undeclaredKeys().getValue());
      shorthands.put(RuleId.UNDECLARED_KEY, conventions.undeclaredKeys());
    }
    if (conventions.piiInValues() != null) {
      apply(severities, RuleId.PII_IN_TAG, conventions.piiInValues().getValue());
      shorthands.put(RuleId.PII_IN_TAG, conventions.piiInValues());
    }
    Fields rules = top.mapping("rules");
    if (rules == null) {
      return severities;
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : rules.node().getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)
          || problems.isRejected(key)
          || !seen.add(key.getValue())) {
        continue; // reported when the tree was checked
      }
      RuleId rule = RuleId.fromSlug(key.getValue());
      if (rule == null) {
        String hint = Suggest.didYouMean(key.getValue(), RULE_SLUGS);
        problems.at(
            key,
            "rules: unknown rule "
                + Quote.of(key.getValue())
                + (hint.isEmpty() ? "; expected one of: " + String.join(", ", RULE_SLUGS) : hint));
        continue;
      }
      ScalarNode shorthand = shorthands.get(rule);
      if (shorthand != null) {
        String field =
            rule == RuleId.UNDECLARED_KEY
                ? "conventions.undeclared-keys"
                : "conventions.pii-in-values";
        problems.at(
            key,
            "rules: "
                + Quote.of(rule.slug())
                + " is also set by "
                + field
                + " (line "
                + (shorthand.getStartMark().getLine() + 1)
                + "); set it in one place");
        continue;
      }
      Node value = tuple.getValueNode();
      if (problems.isRejected(value)) {
        continue;
      }
      String where = "rules." + rule.slug();
      if (!Fields.isText(value)) {
        problems.at(
            value,
            where
                + ": expected one of "
                + String.join(", ", RULE_LEVELS)
                + ", got "
                + Fields.describe(value));
        continue;
      }
      if (Fields.choice((ScalarNode) value, where, RULE_LEVELS, problems)) {
        apply(severities, rule, ((ScalarNode) value).getValue());
      }
    }
    return severities;
  }

  private static void apply(Map<RuleId, Severity> severities, RuleId rule, String level) {
    if (level.equals("off") || level.equals("allow")) {
      severities.remove(rule);
    } else {
      severities.put(rule, Severity.fromSlug(level));
    }
  }

  /** A tag read from the file, with the nodes needed to place problems found across tags. */
  private record Declared(
      TagSpec spec, ScalarNode keyNode, String context, List<ScalarNode> aliases) {}

  /** Every tag, or null when the list itself is missing or unreadable. */
  private static List<Declared> readTags(Fields top, Conventions conventions, Problems problems) {
    List<Node> items = top.list("tags", "a list of tags");
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      top.problem("tags", top.value("tags"), "expected at least one tag");
    }
    List<Declared> declared = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Declared tag = readTag(items.get(i), i + 1, conventions, problems);
      if (tag != null) {
        declared.add(tag);
      }
    }
    checkAcrossTags(declared, problems);
    return declared;
  }

  private static Declared readTag(
      Node item, int number, Conventions conventions, Problems problems) {
    Fields fields = Fields.of(item, "tag #" + number, "", problems);
    if (fields == null) {
      return null;
    }
    Node keyValue = fields.value("key");
    String key = Fields.isText(keyValue) ? ((ScalarNode) keyValue).getValue() : null;
    String context = key == null ? "tag #" + number : "tag " + Quote.of(key);
    fields = Fields.of(item, context, "", problems);
    fields.allow(TAG_FIELDS);
    fields.require("key");
    ScalarNode keyNode = fields.scalar("key", "a string");
    if (keyNode != null) {
      String problem = TagSyntax.keyProblem(key);
      if (problem != null) {
        problems.at(keyNode, context + ": key " + problem);
      }
      for (String reserved : conventions.reservedPrefixes()) {
        if (key.startsWith(reserved)) {
          problems.at(
              keyNode,
              context
                  + ": key starts with the reserved prefix "
                  + Quote.of(reserved)
                  + "; such keys are never judged, so it cannot be declared");
          break;
        }
      }
    }
    String type = fields.string("type");
    String purpose = fields.string("purpose");
    Boolean costAllocation = fields.bool("cost-allocation");
    Boolean mandatory = fields.bool("mandatory");
    ValueRule values = readValues(fields.mapping("values"), context, problems);
    List<ScalarNode> aliases = readAliases(fields);
    List<Glob> appliesTo = readAppliesTo(fields);
    if (keyNode == null) {
      return null;
    }
    TagSpec spec =
        new TagSpec(
            key,
            type,
            purpose,
            Boolean.TRUE.equals(costAllocation),
            Boolean.TRUE.equals(mandatory),
            values,
            aliases.stream().map(ScalarNode::getValue).toList(),
            appliesTo,
            item.getStartMark().getLine() + 1,
            item.getStartMark().getColumn() + 1);
    return new Declared(spec, keyNode, context, aliases);
  }

  private static ValueRule readValues(Fields fields, String context, Problems problems) {
    if (fields == null) {
      return null;
    }
    fields.allow(VALUE_FIELDS);
    if (!fields.hasOrMisspelt("allowed") && !fields.hasOrMisspelt("pattern")) {
      problems.at(fields.node(), context + ": values: give 'allowed', 'pattern' or both");
    }
    List<String> allowed = null;
    List<ScalarNode> allowedNodes = fields.nonEmptyStrings("allowed");
    if (allowedNodes != null) {
      allowed = new ArrayList<>();
      for (ScalarNode node : fields.distinct("allowed", allowedNodes)) {
        String problem = TagSyntax.valueProblem(node.getValue());
        if (problem != null) {
          fields.problem("allowed", node, Quote.of(node.getValue()) + " " + problem);
        }
        allowed.add(node.getValue());
      }
    }
    ScalarNode patternNode = fields.scalar("pattern", "a string");
    Pattern pattern = null;
    boolean patternBroken = false;
    if (patternNode != null && patternNode.getValue().isEmpty()) {
      patternBroken = true;
      fields.problem("pattern", patternNode, "must not be empty; leave the field out instead");
    } else if (patternNode != null) {
      try {
        pattern = Pattern.compile(patternNode.getValue());
      } catch (PatternSyntaxException e) {
        patternBroken = true;
        fields.problem("pattern", patternNode, describePatternError(patternNode.getValue(), e));
      }
    }
    ScalarNode exampleNode = fields.scalar("example", "a string");
    String example = null;
    if (exampleNode != null) {
      example = exampleNode.getValue();
      String problem = TagSyntax.valueProblem(example);
      if (problem != null) {
        fields.problem("example", exampleNode, Quote.of(example) + " " + problem);
      } else if (!patternBroken) {
        String mismatch = exampleMismatch(example, allowed, pattern);
        if (mismatch != null) {
          fields.problem("example", exampleNode, mismatch);
        }
      }
    }
    return new ValueRule(
        allowed == null ? List.of() : allowed,
        pattern == null ? null : patternNode.getValue(),
        pattern,
        example);
  }

  private static String describePatternError(String source, PatternSyntaxException e) {
    String at = e.getPattern();
    String where = at == null || at.isEmpty() || at.equals(source) ? "" : " at " + Quote.of(at);
    return Quote.of(source) + " is not a valid RE2 pattern: " + e.getDescription() + where;
  }

  /** Why the example would itself be reported, or null when the rules accept it. */
  private static String exampleMismatch(String example, List<String> allowed, Pattern pattern) {
    boolean inAllowed = allowed != null && allowed.contains(example);
    boolean matches = pattern != null && pattern.matches(example);
    if (inAllowed || matches) {
      return null;
    }
    if (allowed != null && pattern != null) {
      return Quote.of(example) + " is neither an allowed value nor matches the pattern";
    }
    if (allowed != null) {
      return Quote.of(example) + " is not one of the allowed values";
    }
    if (pattern != null) {
      return Quote.of(example) + " does not match the pattern";
    }
    return null;
  }

  private static List<ScalarNode> readAliases(Fields fields) {
    List<ScalarNode> nodes = fields.strings("aliases");
    if (nodes == null) {
      return List.of();
    }
    List<ScalarNode> aliases = fields.distinct("aliases", nodes);
    for (ScalarNode alias : aliases) {
      String problem = TagSyntax.keyProblem(alias.getValue());
      if (problem != null) {
        fields.problem("aliases", alias, Quote.of(alias.getValue()) + " " + problem);
      }
    }
    return aliases;
  }

  private static List<Glob> readAppliesTo(Fields fields) {
    List<ScalarNode> nodes = fields.strings("applies-to");
    if (nodes == null) {
      return List.of();
    }
    List<Glob> globs = new ArrayList<>();
    for (ScalarNode node : fields.distinct("applies-to", nodes)) {
      if (RESOURCE_TYPE_GLOB.matcher(node.getValue()).matches()) {
        globs.add(Glob.of(node.getValue()));
      } else {
        fields.problem(
            "applies-to",
            node,
            Quote.of(node.getValue())
                + " is not a resource type such as 's3', 's3:bucket' or 'sagemaker:*'");
      }
    }
    return globs;
  }

  /** Duplicate keys, keys equal but for case, and aliases that clash with keys or each other. */
  private static void checkAcrossTags(List<Declared> declared, Problems problems) {
    Map<String, Declared> byKey = new HashMap<>();
    Map<String, Declared> byLowerKey = new HashMap<>();
    for (Declared tag : declared) {
      String key = tag.spec().key();
      Declared first = byKey.putIfAbsent(key, tag);
      if (first != null) {
        problems.at(
            tag.keyNode(),
            tag.context() + ": declared twice (first at line " + lineOf(first) + ")");
        continue;
      }
      Declared sameButCase = byLowerKey.putIfAbsent(key.toLowerCase(Locale.ROOT), tag);
      if (sameButCase != null) {
        problems.at(
            tag.keyNode(),
            tag.context()
                + ": differs from "
                + Quote.of(sameButCase.spec().key())
                + " (line "
                + lineOf(sameButCase)
                + ") only in letter case; AWS would keep both as separate keys");
      }
    }
    Map<String, Declared> aliasOwners = new HashMap<>();
    for (Declared tag : declared) {
      for (ScalarNode aliasNode : tag.aliases()) {
        String alias = aliasNode.getValue();
        String where = tag.context() + ": aliases: ";
        Declared asKey = byKey.get(alias);
        if (asKey == tag) {
          problems.at(aliasNode, where + Quote.of(alias) + " is the key itself");
        } else if (asKey != null) {
          problems.at(
              aliasNode,
              where
                  + Quote.of(alias)
                  + " is a declared key (line "
                  + lineOf(asKey)
                  + "); an alias cannot also be a key");
        } else {
          Declared owner = aliasOwners.putIfAbsent(alias, tag);
          if (owner != null && owner != tag) {
            problems.at(
                aliasNode,
                where
                    + Quote.of(alias)
                    + " is already an alias of "
                    + Quote.of(owner.spec().key())
                    + " (line "
                    + lineOf(owner)
                    + ")");
          }
        }
      }
    }
  }

  private static int lineOf(Declared tag) {
    return tag.keyNode().getStartMark().getLine() + 1;
  }

  /** A list of keys that must each be declared in {@code tags}, such as accounts.mandatory. */
  private static List<String> readDeclaredKeyList(
      Fields fields, String field, List<Declared> declared) {
    if (fields == null) {
      return List.of();
    }
    fields.allow(List.of(field));
    List<ScalarNode> nodes = fields.strings(field);
    if (nodes == null) {
      return List.of();
    }
    Set<String> keys = new HashSet<>();
    List<String> declaredKeys = new ArrayList<>();
    if (declared != null) {
      for (Declared tag : declared) {
        keys.add(tag.spec().key());
        declaredKeys.add(tag.spec().key());
      }
    }
    List<String> out = new ArrayList<>();
    for (ScalarNode node : fields.distinct(field, nodes)) {
      String key = node.getValue();
      if (declared != null && !keys.contains(key)) {
        String hint = Suggest.didYouMean(key, declaredKeys);
        fields.problem(
            field,
            node,
            Quote.of(key)
                + " is not a declared key"
                + (hint.isEmpty() ? "; declare it in tags" : hint));
      }
      out.add(key);
    }
    return out;
  }
}
