package io.tagscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.model.ExitCode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExitCodeHelpTest {

  private static final Pattern LINE = Pattern.compile("^ +(\\d+) +(.+)$");

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of(List.of("scan"), List.of(0, 1, 2, 3, 4, 130, 141, 143)),
        Arguments.of(List.of("accounts"), List.of(0, 2, 3, 4, 130, 141, 143)),
        Arguments.of(List.of("cost"), List.of(0, 1, 2, 3, 4, 130, 141, 143)),
        Arguments.of(List.of("check"), List.of(0, 1, 2, 4, 130, 141, 143)),
        Arguments.of(List.of("dictionary", "lint"), List.of(0, 2, 4, 130, 141, 143)),
        Arguments.of(List.of("dictionary", "export"), List.of(0, 2, 4, 130, 141, 143)),
        Arguments.of(List.of("dictionary", "import"), List.of(0, 2, 4, 130, 141, 143)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void theHelpFooterListsTheStatusesTheCommandCanEndWith(
      List<String> command, List<Integer> expected) {
    String[] args = Stream.concat(command.stream(), Stream.of("--help")).toArray(String[]::new);

    CliRun run = CliRun.run(args);

    assertThat(run.exitCode()).isEqualTo(0);
    String footer = run.out().substring(run.out().indexOf("\nExit codes:\n") + 1);
    List<String> lines = footer.lines().skip(1).takeWhile(l -> !l.isBlank()).toList();
    assertThat(lines).extracting(ExitCodeHelpTest::code).containsExactlyElementsOf(expected);
    for (String line : lines) {
      Matcher matched = LINE.matcher(line);
      assertThat(matched.matches()).as(line).isTrue();
      ExitCode exit =
          Stream.of(ExitCode.values())
              .filter(e -> e.code() == Integer.parseInt(matched.group(1)))
              .findFirst()
              .orElseThrow();
      assertThat(matched.group(2)).isEqualTo(exit.summary());
    }
  }

  private static int code(String line) {
    Matcher matched = LINE.matcher(line);
    return matched.matches() ? Integer.parseInt(matched.group(1)) : -1;
  }
}
