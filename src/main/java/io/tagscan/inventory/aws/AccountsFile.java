package io.tagscan.inventory.aws;

import io.tagscan.inventory.Arn;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code --accounts-file}: one 12-digit account id a line; {@code #} starts a comment, on its
 * own line or after an id; blank lines are ignored. Every bad line is reported at once, each with
 * its line and column.
 */
final class AccountsFile {

  private AccountsFile() {}

  /**
   * The ids in the file, in file order, without duplicates.
   *
   * @throws InputException naming {@code file:line:column} for each bad line, or the file itself
   *     when it cannot be read or lists no account
   */
  static List<String> read(Path file) {
    String name = file.toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw InputException.of(
          Diagnostic.ofFile(name, "cannot read the accounts file: no such file"));
    } catch (CharacterCodingException e) {
      throw InputException.of(
          Diagnostic.ofFile(name, "cannot read the accounts file: it is not UTF-8 text"));
    } catch (IOException e) {
      throw InputException.of(
          Diagnostic.ofFile(name, "cannot read the accounts file: " + describe(e)));
    }
    Set<String> ids = new LinkedHashSet<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = " " + line.substring(1);
      }
      int comment = line.indexOf('#');
      String content = comment >= 0 ? line.substring(0, comment) : line;
      int start = 0;
      while (start < content.length() && Character.isWhitespace(content.charAt(start))) {
        start++;
      }
      String id = content.strip();
      if (id.isEmpty()) {
        continue;
      }
      if (Arn.isAccountId(id)) {
        ids.add(id);
      } else {
        problems.add(new Diagnostic(name, i + 1, start + 1, complaint(id)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    if (ids.isEmpty()) {
      throw InputException.of(
          Diagnostic.ofFile(
              name, "the accounts file lists no account id (one 12-digit id a line)"));
    }
    return List.copyOf(ids);
  }

  private static String complaint(String text) {
    boolean digits = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    String quoted = AwsOptions.quote(text);
    if (digits && text.length() < 12) {
      return quoted
          + " is not an AWS account id: it has "
          + text.length()
          + " digits, not 12 (were leading zeros dropped?)";
    }
    return quoted + " is not an AWS account id (12 digits, one a line)";
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
