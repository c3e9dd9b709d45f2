package io.tagscan.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The one runner behind every golden test. A case is a directory under {@code
 * src/test/resources/golden/<suite>/<case>/} holding its inputs, optionally the command line
 * ({@code args}: one argument a line, {@code $CASE} for the case directory, {@code $OUT} for an
 * output directory) and {@code environment} ({@code NAME=value} lines), and one {@code
 * expected.<name>} file per output the case produces. A case fails on any unmatched file: an
 * expected file nothing produced, an output with no expected file, or a file that is neither. With
 * {@code -Dgolden.update=true} the expected files are rewritten (and stale ones deleted) instead;
 * review the diff.
 */
public final class GoldenRunner {

  /** Where every suite lives, relative to the repository root so output names it the same way. */
  public static final Path ROOT = Path.of("src", "test", "resources", "golden");

  /** The command line of a case, if it has one. */
  public static final String ARGS = "args";

  /** Environment variables of a case, if it has any. */
  public static final String ENVIRONMENT = "environment";

  private static final String EXPECTED = "expected.";

  private GoldenRunner() {}

  /** Whether this run rewrites the expected files rather than comparing against them. */
  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** The case directories of one suite, sorted by name. */
  public static List<Path> cases(String suite) {
    try (Stream<Path> dirs = Files.list(ROOT.resolve(suite))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The case's command line with {@code $CASE} and {@code $OUT} replaced; empty when it has none.
   */
  public static List<String> args(Path dir, Path out) {
    Path file = dir.resolve(ARGS);
    if (!Files.exists(file)) {
      return List.of();
    }
    String caseDir = dir.toString().replace('\\', '/');
    return lines(file).stream()
        .filter(line -> !line.isBlank())
        .map(line -> line.replace("$CASE", caseDir).replace("$OUT", out.toString()))
        .toList();
  }

  /** The case's environment variables, sorted by name; empty when it sets none. */
  public static Map<String, String> environment(Path dir) {
    Map<String, String> variables = new TreeMap<>();
    Path file = dir.resolve(ENVIRONMENT);
    if (Files.exists(file)) {
      for (String line : lines(file)) {
        if (!line.isBlank()) {
          int equals = line.indexOf('=');
          variables.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    }
    return variables;
  }

  /**
   * Compares what a case produced, output name to text, with its {@code expected.<name>} files (or
   * rewrites them when updating). Every other file of the case must be among {@code inputs}, or be
   * the case's {@code args} or {@code environment}, or be named in its {@code args}.
   */
  public static void verify(Path dir, Set<String> inputs, Map<String, String> produced)
      throws IOException {
    verify(dir, inputs, produced, updating());
  }

  /** As {@link #verify(Path, Set, Map)}, rewriting the expected files when {@code update}. */
  static void verify(Path dir, Set<String> inputs, Map<String, String> produced, boolean update)
      throws IOException {
    Set<String> known = new TreeSet<>(inputs);
    known.add(ARGS);
    known.add(ENVIRONMENT);
    String caseDir = dir.toString().replace('\\', '/') + "/";
    for (String arg : args(dir, dir)) {
      String path = arg.replace('\\', '/');
      if (path.startsWith(caseDir)) {
        known.add(path.substring(caseDir.length()));
      }
    }
    List<String> unmatched = new ArrayList<>();
    for (String file : files(dir)) {
      if (file.startsWith(EXPECTED)) {
        if (!produced.containsKey(file.substring(EXPECTED.length()))) {
          if (update) {
            Files.delete(dir.resolve(file));
          } else {
            unmatched.add(file + " (nothing produces it)");
          }
        }
      } else if (!known.contains(file)) {
        unmatched.add(file + " (neither an input nor an expected file)");
      }
    }
    if (!unmatched.isEmpty()) {
      fail(
          "golden case %s has unmatched files: %s (outputs: %s)",
          dir, unmatched, produced.keySet());
    }
    for (Map.Entry<String, String> output : produced.entrySet()) {
      Path expected = dir.resolve(EXPECTED + output.getKey());
      if (update) {
        Files.writeString(expected, output.getValue(), StandardCharsets.UTF_8);
        continue;
      }
      assertThat(expected).as("golden file %s for an output of the case", expected).exists();
      assertThat(output.getValue())
          .as("%s (regenerate with -Dgolden.update=true and review the diff)", expected)
          .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
  }

  /** The names of the files in a directory, sorted; empty when it does not exist. */
  public static TreeSet<String> files(Path dir) {
    TreeSet<String> names = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
