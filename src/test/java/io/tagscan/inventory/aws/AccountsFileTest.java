package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsFileTest {

  @TempDir Path dir;

  private Path file(String content) throws Exception {
    Path file = dir.resolve("accounts.txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsOneIdALineSkippingCommentsAndBlankLines() throws Exception {
    Path file =
        file(
            "\uFEFF# accounts to audit\n"
                + "111111111111\n"
                + "\n"
                + "   222222222222   # shared services\n"
                + "\t# 333333333333 retired\n"
                + "111111111111\r\n");

    assertThat(AccountsFile.read(file)).containsExactly("111111111111", "222222222222");
  }

  @Test
  void reportsEveryBadLineWithItsLineAndColumn() throws Exception {
    Path file = file("111111111111\n  12345678901\nprod-account # main\n111111111111x\n");

    assertThatThrownBy(() -> AccountsFile.read(file))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.diagnostics())
                    .containsExactly(
                        new Diagnostic(
                            file.toString(),
                            2,
                            3,
                            "'12345678901' is not an AWS account id: it has 11 digits, not 12"
                                + " (were leading zeros dropped?)"),
                        new Diagnostic(
                            file.toString(),
                            3,
                            1,
                            "'prod-account' is not an AWS account id (12 digits, one a line)"),
                        new Diagnostic(
                            file.toString(),
                            4,
                            1,
                            "'111111111111x' is not an AWS account id (12 digits, one a line)")));
  }

  @Test
  void quotesControlCharactersInsteadOfPrintingThem() throws Exception {
    Path file = file("\u001b[31mred\n");

    assertThatThrownBy(() -> AccountsFile.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'\\u001b[31mred'")
        .hasMessageNotContaining("\u001b");
  }

  @Test
  void rejectsAFileWithNoAccount() throws Exception {
    Path file = file("# nothing yet\n\n");

    assertThatThrownBy(() -> AccountsFile.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(
            file + ": error: the accounts file lists no account id (one 12-digit id a line)");
  }

  @Test
  void namesAMissingFile() {
    Path missing = dir.resolve("nope.txt");

    assertThatThrownBy(() -> AccountsFile.read(missing))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": error: cannot read the accounts file: no such file");
  }

  @Test
  void namesAFileThatIsNotUtf8() throws Exception {
    Path file = dir.resolve("latin1.txt");
    Files.write(file, new byte[] {'1', (byte) 0xE9, '\n'});

    assertThatThrownBy(() -> AccountsFile.read(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": error: cannot read the accounts file: it is not UTF-8 text");
  }
}
