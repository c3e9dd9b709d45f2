package io.tagscan.dictionary;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns SnakeYAML's errors into short messages in the user's terms, with no Java in them. */
final class YamlErrors {

  private static final Pattern TOKEN = Pattern.compile("'?<([a-z ]+)>'?");
  private static final Pattern CANNOT_START =
      Pattern.compile("found character '(.*)' that cannot start any token.*", Pattern.DOTALL);
  private static final Pattern UNDEFINED_ALIAS = Pattern.compile("found undefined alias (.*)");
  private static final Pattern UNKNOWN_ESCAPE =
      Pattern.compile("found unknown escape character (.*)\\(\\d+\\)");
  private static final Pattern CONTEXT =
      Pattern.compile("while (?:parsing|scanning) (?:an? )?(.+)");

  private static final Map<String, String> TOKENS =
      Map.ofEntries(
          Map.entry("stream end", "the end of the file"),
          Map.entry("stream start", "the start of the file"),
          Map.entry("block end", "the end of the indented block"),
          Map.entry("scalar", "a value"),
          Map.entry("block mapping start", "a mapping"),
          Map.entry("block sequence start", "a list"),
          Map.entry("block entry", "a list item '-'"),
          Map.entry("flow sequence start", "'['"),
          Map.entry("flow sequence end", "']'"),
          Map.entry("flow mapping start", "'{'"),
          Map.entry("flow mapping end", "'}'"),
          Map.entry("flow entry", "','"),
          Map.entry("key", "a key"),
          Map.entry("value", "':'"),
          Map.entry("anchor", "an anchor"),
          Map.entry("alias", "an alias"),
          Map.entry("tag", "a tag"),
          Map.entry("directive", "a directive"),
          Map.entry("document start", "'---'"),
          Map.entry("document end", "'...'"));

  private static final Map<String, String> SUBJECTS =
      Map.ofEntries(
          Map.entry("flow sequence", "list '['"),
          Map.entry("flow mapping", "mapping '{'"),
          Map.entry("block mapping", "mapping"),
          Map.entry("block collection", "block"),
          Map.entry("block node", "value"),
          Map.entry("flow node", "value"),
          Map.entry("node", "value"),
          Map.entry("quoted scalar", "quoted text"),
          Map.entry("double-quoted scalar", "quoted text"),
          Map.entry("single-quoted scalar", "quoted text"),
          Map.entry("plain scalar", "value"),
          Map.entry("block scalar", "block text"),
          Map.entry("simple key", "key"),
          Map.entry("anchor", "anchor"),
          Map.entry("alias", "alias"),
          Map.entry("tag", "tag"),
          Map.entry("directive", "directive"));

  private YamlErrors() {}

  /** The message for a syntax error; its place is the exception's problem mark. */
  static String describe(MarkedYAMLException e) {
    String problem = e.getProblem();
    String context = e.getContext();
    if ("expected a single document in the stream".equals(context)) {
      return "invalid YAML: a second document starts here; the file must hold one document";
    }
    String text = clean(problem != null ? problem : String.valueOf(context));
    Mark contextMark = e.getContextMark();
    Mark problemMark = e.getProblemMark();
    boolean elsewhere =
        contextMark != null
            && (problemMark == null || contextMark.getIndex() != problemMark.getIndex());
    if (problem != null && context != null && elsewhere) {
      Matcher matcher = CONTEXT.matcher(context);
      if (matcher.matches()) {
        String subject = SUBJECTS.getOrDefault(matcher.group(1), matcher.group(1));
        text +=
            " (in the "
                + subject
                + " that starts at line "
                + (contextMark.getLine() + 1)
                + ", column "
                + (contextMark.getColumn() + 1)
                + ")";
      }
    }
    return "invalid YAML: " + text;
  }

  private static String clean(String problem) {
    Matcher cannotStart = CANNOT_START.matcher(problem);
    if (cannotStart.matches()) {
      String character = cannotStart.group(1);
      if (character.startsWith("\\t")) {
        return "a tab cannot indent YAML; use spaces";
      }
      return "the character "
          + Quote.of(character)
          + " cannot start a value; put the value in quotes";
    }
    if (problem.equals("mapping values are not allowed here")) {
      return "a ':' is not allowed here; check the indentation, or quote a value that holds ': '";
    }
    Matcher alias = UNDEFINED_ALIAS.matcher(problem);
    if (alias.matches()) {
      return "the alias '*" + alias.group(1) + "' names no anchor";
    }
    Matcher escape = UNKNOWN_ESCAPE.matcher(problem);
    if (escape.matches()) {
      return "unknown escape '\\" + escape.group(1) + "' in double-quoted text";
    }
    String text =
        problem
            .replace("found unexpected end of stream", "the file ends too soon")
            .replace("expected the node content", "expected a value");
    if (text.startsWith("expected <block end>")) {
      text += "; check the indentation";
    }
    Matcher token = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (token.find()) {
      String name = token.group(1);
      token.appendReplacement(
          out, Matcher.quoteReplacement(TOKENS.getOrDefault(name, "'" + name + "'")));
    }
    token.appendTail(out);
    return out.toString();
  }

  /** SnakeYAML's limits, raised without a mark, in the user's terms. */
  static String describeLimit(String message) {
    String text = String.valueOf(message);
    if (text.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      return "more than "
          + SafeYaml.MAX_ALIASES
          + " aliases to lists or mappings; write the document out plainly";
    }
    if (text.startsWith("Nesting Depth exceeded")) {
      return "values are nested more than " + SafeYaml.MAX_DEPTH + " levels deep";
    }
    if (text.contains("exceeds the limit")) {
      return "file is larger than 1 MiB";
    }
    return "invalid YAML: " + text;
  }

  /** A character that YAML text cannot hold. */
  static String describeCharacter(int codePoint) {
    return String.format(
        "the control character U+%04X is not allowed in YAML; write it as \\u%04X inside double"
            + " quotes",
        codePoint, codePoint);
  }

  /** The 1-based line and column of a code-point offset into the text. */
  static int[] place(String text, int codePointOffset) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < codePointOffset; seen++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
