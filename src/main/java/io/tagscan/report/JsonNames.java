package io.tagscan.report;

import com.fasterxml.jackson.core.io.SerializedString;
import io.tagscan.model.RuleId;
import io.tagscan.model.Severity;
import io.tagscan.model.Source;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The field names and slugs the JSON report repeats for every resource, quoted and encoded once:
 * written with Jackson's pre-encoded strings, a name costs a copy of its bytes instead of a pass
 * over its characters. Each is plain ASCII, which the report's invisible-character escapes leave as
 * it is, so the bytes are those of the character-by-character path.
 */
final class JsonNames {

  static final SerializedString ARN = plain("arn");
  static final SerializedString ACCOUNT_ID = plain("accountId");
  static final SerializedString ACCOUNT_NAME = plain("accountName");
  static final SerializedString REGION = plain("region");
  static final SerializedString RESOURCE_TYPE = plain("resourceType");
  static final SerializedString SOURCE = plain("source");
  static final SerializedString COMPLIANT = plain("compliant");
  static final SerializedString FINDINGS = plain("findings");
  static final SerializedString RULE = plain("rule");
  static final SerializedString SEVERITY = plain("severity");
  static final SerializedString KEY = plain("key");
  static final SerializedString VALUE = plain("value");
  static final SerializedString EXPECTED = plain("expected");
  static final SerializedString FIX = plain("fix");
  static final SerializedString MESSAGE = plain("message");
  static final Map<Source, SerializedString> SOURCES = slugs(Source.class, Source::slug);
  static final Map<RuleId, SerializedString> RULES = slugs(RuleId.class, RuleId::slug);
  static final Map<Severity, SerializedString> SEVERITIES = slugs(Severity.class, Severity::slug);

  private JsonNames() {}

  private static <E extends Enum<E>> Map<E, SerializedString> slugs(
      Class<E> type, Function<E, String> slug) {
    Map<E, SerializedString> slugs = new EnumMap<>(type);
    for (E value : type.getEnumConstants()) {
      slugs.put(value, plain(slug.apply(value)));
    }
    return slugs;
  }

  private static SerializedString plain(String text) {
    if (!isPlain(text)) {
      throw new IllegalArgumentException("not plain ASCII: " + text);
    }
    return new SerializedString(text);
  }

  /** True for printable ASCII without a quote or a backslash: text JSON writes as it is. */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
