package io.tagscan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

  private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| (.*) \\|$");

  @Test
  void theReadmeTableSaysWhatTheEnumSays() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("## Exit codes");
    assertThat(start).as("the README has an exit-code section").isNotNegative();
    List<String> rows = new ArrayList<>();
    for (String line : readme.subList(start + 1, readme.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        rows.add(row.group(1) + " " + row.group(2));
      }
    }

    assertThat(rows)
        .containsExactlyElementsOf(
            Arrays.stream(ExitCode.values()).map(e -> e.code() + " " + e.meaning()).toList());
  }

  @Test
  void everyStatusHasItsOwnNumber() {
    assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).doesNotHaveDuplicates();
  }

  @Test
  void everyExpectedFailureEndsWithItsOwnStatus() {
    ScanError denied = new ScanError("111122223333", "", "ListAccounts", "AccessDenied", "no");

    assertThat(new UsageException("bad").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(new EnvironmentException("disk full").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(InputException.of(Diagnostic.ofFile("f.yaml", "bad")).exitCode())
        .isEqualTo(ExitCode.USAGE);
    assertThat(new IncompleteScanException("nothing listed", List.of(denied)) {}.exitCode())
        .isEqualTo(ExitCode.INCOMPLETE);
  }
}
