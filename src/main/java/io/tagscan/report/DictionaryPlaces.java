package io.tagscan.report;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.Exemption;
import io.tagscan.dictionary.Mark;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.model.Finding;
import io.tagscan.model.RuleId;
import io.tagscan.model.SourceLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where in the dictionary, or in the exemptions file, a scan's finding is decided, for the SARIF
 * location that code scanning annotates: the entry of the key the finding is about, the {@code
 * conventions} field for {@code key-convention}, the exemption's line for {@code
 * exemption-expired}, and the dictionary's first line where no line decides it.
 *
 * <p>Only what a saved report records is used (the keys' places, the conventions' place, the
 * findings), so that {@code report render} points where the scan did.
 */
final class DictionaryPlaces {

  /** A file (as a relative URI), a 1-based line, and a column (0 when unknown). */
  record Place(String uri, int line, int column) {}

  private final String dictionaryUri;
  private final Map<String, Mark> keys = new HashMap<>();
  private final Place conventions;
  private final Place top;

  DictionaryPlaces(Dictionary dictionary, String dictionaryUri) {
    this.dictionaryUri = dictionaryUri;
    for (TagSpec spec : dictionary.tags()) {
      if (spec.mark().isKnown()) {
        keys.putIfAbsent(spec.key(), spec.mark());
      }
    }
    top = new Place(dictionaryUri, 1, 0);
    Mark mark = dictionary.conventionsMark();
    conventions = mark.isKnown() ? new Place(dictionaryUri, mark.line(), mark.column()) : top;
  }

  /**
   * The dictionary key each differently spelled tag of one resource stands for, from its {@code
   * key-alias} and {@code key-case-mismatch} findings (waived ones included), so that the value
   * findings on such a tag point at the key's entry too.
   */
  static Map<String, String> spellings(List<Finding> findings) {
    Map<String, String> spellings = null;
    for (Finding finding : findings) {
      if (isSpelling(finding.rule()) && finding.key() != null && finding.expected() != null) {
        if (spellings == null) {
          spellings = new HashMap<>(4);
        }
        spellings.putIfAbsent(finding.key(), finding.expected());
      }
    }
    return spellings == null ? Map.of() : spellings;
  }

  /** Where the finding is decided, given its resource's {@link #spellings}. */
  Place of(Finding finding, Map<String, String> spellings) {
    return switch (finding.rule()) {
      case KEY_CONVENTION -> conventions;
      case EXEMPTION_EXPIRED -> exemption(finding);
      // No line of the dictionary decides these: the key is not declared, the value looks like
      // personal data, AWS's limit is passed, or the resource has no tag at all.
      case UNDECLARED_KEY, PII_IN_TAG, TAG_LIMIT, UNTAGGED_RESOURCE -> top;
      default -> key(finding, spellings);
    };
  }

  private Place key(Finding finding, Map<String, String> spellings) {
    String key = finding.key();
    if (isSpelling(finding.rule()) && finding.expected() != null) {
      key = finding.expected();
    } else if (key != null && !keys.containsKey(key)) {
      key = spellings.getOrDefault(key, key);
    }
    Mark mark = key == null ? null : keys.get(key);
    return mark == null ? top : new Place(dictionaryUri, mark.line(), mark.column());
  }

  private Place exemption(Finding finding) {
    SourceLocation at = Exemption.renewedAt(finding.fix());
    if (at == null) {
      return top;
    }
    return new Place(
        SarifReportSink.relativeUri(SarifReportSink.fromWorkingDirectory(at.file())), at.line(), 0);
  }

  private static boolean isSpelling(RuleId rule) {
    return rule == RuleId.KEY_ALIAS || rule == RuleId.KEY_CASE_MISMATCH;
  }
}
