package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagscan.model.Account;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountListTest {

  private static final Finding MISSING_UNIT =
      new Finding(
          RuleId.ACCOUNT_MISSING_TAG,
          Severity.ERROR,
          "anycompany:finance:business-unit",
          null,
          "a non-empty value",
          "add tag",
          "missing");

  private static final List<AccountList.Entry> ENTRIES =
      List.of(
          new AccountList.Entry(
              Account.of("111122223333", "ml-prod", "ACTIVE", Map.of("owner", "SecOps")),
              List.of()),
          new AccountList.Entry(
              Account.of("444455556666", "sandbox \u001b[31mred", "ACTIVE", Map.of()),
              List.of(MISSING_UNIT)),
          new AccountList.Entry(Account.ofId("777788889999"), null));

  @Test
  void tableSaysWhichAccountsMeetTheirMandatoryTagsAndEscapesNames() {
    String table = write(ReportFormat.TABLE);

    assertThat(table.lines())
        .containsExactly(
            "ACCOUNT       NAME                   STATE   MANDATORY TAGS" + " ".repeat(28) + "TAGS",
            "111122223333  ml-prod                ACTIVE  ok" + " ".repeat(40) + "owner=SecOps",
            "444455556666  sandbox \\u001B[31mred  ACTIVE  missing anycompany:finance:business-unit",
            "777788889999                                 unknown (tags not readable)",
            "",
            "3 accounts, 1 missing mandatory account tags; regions: eu-west-1");
  }

  @Test
  void jsonKeepsUnknownApartFromNo() throws IOException {
    JsonNode json = new ObjectMapper().readTree(write(ReportFormat.JSON));

    assertThat(json.get("regions").toString()).isEqualTo("[\"eu-west-1\"]");
    assertThat(json.at("/accounts/0/meetsMandatory").asBoolean()).isTrue();
    assertThat(json.at("/accounts/1/meetsMandatory").asBoolean()).isFalse();
    assertThat(json.at("/accounts/1/missing/0").asText())
        .isEqualTo("anycompany:finance:business-unit");
    assertThat(json.at("/accounts/2/meetsMandatory").isNull()).isTrue();
    assertThat(json.at("/accounts/1/name").asText()).isEqualTo("sandbox \u001b[31mred");
  }

  @Test
  void masksPersonalDataInAccountTagsInEveryFormatUnlessAskedToShowIt() {
    String email = "jane.doe@anycompany.com";
    List<AccountList.Entry> entries =
        List.of(
            new AccountList.Entry(
                Account.of("111122223333", "prod", "ACTIVE", Map.of("owner", email)),
                List.of(
                    new io.tagscan.model.Finding(
                        io.tagscan.model.RuleId.PII_IN_TAG,
                        io.tagscan.model.Severity.ERROR,
                        "owner",
                        email,
                        null,
                        "remove tag 'owner'",
                        "tag 'owner' looks like an e-mail address"))));

    for (ReportFormat format : List.of(ReportFormat.TABLE, ReportFormat.CSV, ReportFormat.JSON)) {
      StringWriter masked = new StringWriter();
      AccountList.write(format, entries, List.of(), false, new PrintWriter(masked));
      StringWriter shown = new StringWriter();
      AccountList.write(format, entries, List.of(), true, new PrintWriter(shown));

      assertThat(masked.toString()).as(format.slug()).doesNotContain("jane.doe").contains("j***@");
      assertThat(shown.toString()).as(format.slug()).contains(email);
    }
    assertThat(entries.get(0).meets()).as("personal data is not a missing tag").isEqualTo("yes");
  }

  @Test
  void csvNeutralisesFormulaNames() {
    List<AccountList.Entry> hostile =
        List.of(
            new AccountList.Entry(
                Account.of("111122223333", "=HYPERLINK(\"x\")", "ACTIVE", Map.of()), List.of()));
    StringWriter out = new StringWriter();

    AccountList.write(ReportFormat.CSV, hostile, List.of(), false, new PrintWriter(out));

    assertThat(out.toString())
        .isEqualTo(
            "accountId,accountName,state,meetsMandatory,missing,tags\r\n"
                + "111122223333,\"'=HYPERLINK(\"\"x\"\")\",ACTIVE,yes,,\r\n");
  }

  @Test
  void everyFormatShowsInvisibleCharactersInNamesAndTagsAsText() throws IOException {
    String hostile = "ops\u202Eevil\u2028x\u200B\u009B\u007F";
    List<AccountList.Entry> entries =
        List.of(
            new AccountList.Entry(
                Account.of("111122223333", hostile, "ACTIVE", Map.of("owner " + hostile, hostile)),
                List.of()));

    for (ReportFormat format : List.of(ReportFormat.TABLE, ReportFormat.CSV, ReportFormat.JSON)) {
      StringWriter out = new StringWriter();
      AccountList.write(format, entries, List.of("eu-west-1"), false, new PrintWriter(out));
      String text = out.toString();
      for (char c : new char[] {'\u202E', '\u2028', '\u200B', '\u009B', '\u007F'}) {
        assertThat(text.indexOf(c)).as("U+%04X in %s", (int) c, format.slug()).isEqualTo(-1);
      }
      if (format == ReportFormat.JSON) {
        assertThat(new ObjectMapper().readTree(text).at("/accounts/0/name").asText())
            .isEqualTo(hostile);
      }
    }
  }

  private static String write(ReportFormat format) {
    StringWriter out = new StringWriter();
    AccountList.write(format, ENTRIES, List.of("eu-west-1"), false, new PrintWriter(out));
    return out.toString();
  }
}
