package io.tagscan.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.dictionary.Glob;
import io.tagscan.dictionary.TagSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Export to tag policies, import them back: the keys, cases, values and scopes come back. */
class RoundTripTest {

  static Stream<Path> dictionaries() {
    return Stream.of(ExportTest.ROOT, ExportTest.MANY);
  }

  @ParameterizedTest
  @MethodSource("dictionaries")
  void givesBackKeysCasesAllowedValuesAndRequiredForScopes(Path file) {
    Dictionary original = DictionaryLoader.load(file);
    List<TagSpec> back = new ArrayList<>();
    Export export = ControlTarget.TAG_POLICY.export(original, ExportOptions.defaults());
    for (ExportedFile part : export.files()) {
      Imported imported = TagPolicyImport.read(part.name(), part.text());
      back.addAll(DictionaryLoader.parse(part.name(), imported.yaml()).tags());
    }
    assertThat(back.stream().map(TagSpec::key))
        .containsExactlyElementsOf(original.tags().stream().map(TagSpec::key).toList());
    for (int i = 0; i < back.size(); i++) {
      TagSpec before = original.tags().get(i);
      TagSpec after = back.get(i);
      assertThat(after.mandatory()).as(before.key()).isEqualTo(before.mandatory());
      if (before.values() == null || before.values().patternSource() != null) {
        assertThat(after.values()).as(before.key()).isNull();
      } else {
        assertThat(after.values().allowed()).isEqualTo(before.values().allowed());
      }
      if (before.mandatory()) {
        assertThat(globs(after)).as(before.key()).isEqualTo(expectedGlobs(before));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"300*", "*@example.com", "a.b(c)*"})
  void wildcardValuesBecomePatternsThatMatchWhatTheWildcardMatches(String wildcard) {
    String policy =
        "{\"tags\": {\"k\": {\"tag_key\": {\"@@assign\": \"K\"}, \"tag_value\": {\"@@assign\":"
            + " [\"exact.1\", \""
            + wildcard
            + "\"]}}}}";
    TagSpec spec =
        DictionaryLoader.parse("p.yaml", TagPolicyImport.read("p.json", policy).yaml())
            .tags()
            .get(0);
    int star = wildcard.indexOf('*');
    String head = wildcard.substring(0, star);
    String tail = wildcard.substring(star + 1);
    assertThat(spec.values().matchesPattern("exact.1")).isTrue();
    assertThat(spec.values().matchesPattern("exactx1")).isFalse();
    assertThat(spec.values().matchesPattern(head + tail)).isTrue();
    assertThat(spec.values().matchesPattern(head + "any thing\n" + tail)).isTrue();
    assertThat(spec.values().matchesPattern("x" + head.replace('.', '_') + tail + "y")).isFalse();
    assertThat(spec.values().matchesPattern("q" + head + tail)).isEqualTo(head.isEmpty());
  }

  private static Set<String> globs(TagSpec spec) {
    Set<String> out = new TreeSet<>();
    spec.appliesTo().forEach(g -> out.add(g.pattern()));
    return out;
  }

  private static Set<String> expectedGlobs(TagSpec spec) {
    Set<String> out = new TreeSet<>();
    for (Glob glob : spec.appliesTo()) {
      if (!PolicyTypes.of(glob).isEmpty()) {
        out.add(glob.pattern().indexOf(':') < 0 ? glob.pattern() + ":*" : glob.pattern());
      }
    }
    return out;
  }
}
