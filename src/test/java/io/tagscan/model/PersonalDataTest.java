package io.tagscan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "john.doe@example.com|EMAIL|j***@example.com",
        "owner: Jane_Roe+ml@sub.example.co.uk (on call)|EMAIL|J***@sub.example.co.uk",
        "+44 20 7946 0958|PHONE|+** ** **** **58",
        "+15551234567|PHONE|+*********67",
        "call (555) 123-4567 please|PHONE|(***) ***-**67",
        "06 12 34 56 78|PHONE|** ** ** ** 78",
        "555-123-4567|PHONE|***-***-**67",
        "123-45-6789|SSN|***-**-6789",
        "4111 1111 1111 1111|PAYMENT_CARD|**** **** **** 1111",
        "4111-1111-1111-1111|PAYMENT_CARD|****-****-****-1111",
        "378282246310005|PAYMENT_CARD|***********0005"
      })
  void findsAndMasksPersonalData(String text, PersonalData.Kind kind, String masked) {
    PersonalData.Hit hit = PersonalData.find(text);

    assertThat(hit).isNotNull();
    assertThat(hit.kind()).isEqualTo(kind);
    assertThat(hit.masked(text)).isEqualTo(masked);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "SecOps",
        "Workload-1-Development-team",
        "5045",
        "Sales-5045",
        "10.0.12.7",
        "192.168.100.200",
        "111122223333",
        "1111-2222-3333",
        "arn:aws:iam::111122223333:role/TagAuditor",
        "2024-01-15",
        "2024-01-15T12:30:00Z",
        "2024-01-15 12:30:00",
        "1718035200",
        "1718035200000",
        "4111111111111112",
        "i-0123456789abcdef0",
        "12345678-1234-1234-1234-123456789012",
        "v1.2.3-20240115",
        "team@ops",
        "@handle",
        "user@localhost",
        "a@b.c"
      })
  void leavesOrdinaryTagValuesAlone(String text) {
    assertThat(PersonalData.find(text)).isNull();
  }

  @org.junit.jupiter.api.Test
  void masksEveryPieceOfPersonalDataInAText() {
    String text = "call +44 20 7946 0958 or mail john.doe@anycompany.com, jane@anycompany.com";

    assertThat(PersonalData.mask(text))
        .isEqualTo("call +** ** **** **58 or mail j***@anycompany.com, j***@anycompany.com");
    assertThat(PersonalData.found(text))
        .containsExactly("john.doe@anycompany.com", "jane@anycompany.com", "+44 20 7946 0958");
    assertThat(PersonalData.maskEmails("ops@anycompany.com:+44 20 7946 0958"))
        .isEqualTo("o***@anycompany.com:+44 20 7946 0958");
    assertThat(PersonalData.mask("production")).isEqualTo("production");
  }
}
