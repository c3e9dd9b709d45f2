package io.tagscan.rules;

import static io.tagscan.rules.Texts.quote;

import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.ResourceFix;
import io.tagscan.model.RuleId;
import io.tagscan.model.SkippedFix;
import io.tagscan.model.TagChange;
import io.tagscan.model.UsageException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns one resource's findings into the tag changes that are safe and unambiguous, and names the
 * findings it leaves alone with the reason.
 *
 * <p>Safe means: a key spelt in another case, as an alias or as a near miss is renamed when the
 * dictionary key is absent, or removed when the dictionary key already holds the same value; a
 * value of a dictionary key loses its leading and trailing white space, and takes an allowed
 * value's case; a missing mandatory key is added only with the value {@code --set} or the
 * dictionary's {@code default} gives. Findings come from the {@link RuleEngine}, so a rule switched
 * off or a live exemption leaves its tag unchanged. No change touches a reserved key, and none
 * leaves more than 50 user tags.
 */
public final class FixPlanner {

  /** The rules whose findings a plan fixes or, when it cannot, lists as skipped. */
  public static final Set<RuleId> FIXABLE =
      EnumSet.of(
          RuleId.KEY_CASE_MISMATCH,
          RuleId.KEY_ALIAS,
          RuleId.VALUE_CASE_MISMATCH,
          RuleId.MISSING_MANDATORY_TAG);

  /** The rule named in changes that trim white space from a value. */
  public static final String WHITESPACE = "whitespace";

  private static final Set<RuleId> VALUE_RULES =
      EnumSet.of(
          RuleId.VALUE_CASE_MISMATCH, RuleId.VALUE_NOT_ALLOWED, RuleId.VALUE_PATTERN_MISMATCH);

  private final RuleEngine engine;
  private final CompiledDictionary dictionary;
  private final Map<String, String> given;

  /** The planned changes of one resource (null when none) and the findings it leaves alone. */
  public record Outcome(ResourceFix fix, List<SkippedFix> skipped) {
    public Outcome {
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * A planner judging with {@code engine}, adding missing keys with the values {@code given}
   * ({@code --set KEY=VALUE}).
   *
   * @throws UsageException naming every given key that is not a dictionary key and every value its
   *     key would not accept
   */
  public FixPlanner(RuleEngine engine, Map<String, String> given) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.dictionary = engine.compiled();
    this.given = Map.copyOf(given);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> set : new TreeMap<>(given).entrySet()) {
      SpecInfo info = dictionary.exact(set.getKey());
      String what = "--set " + quote(set.getKey() + "=" + set.getValue());
      if (info == null) {
        problems.add(what + ": " + quote(set.getKey()) + " is not a key of the dictionary");
      } else if (tagProblem(set.getKey(), set.getValue()) != null) {
        problems.add(what + ": the value " + tagProblem(set.getKey(), set.getValue()));
      } else if (set.getValue().isBlank() || info.judge(set.getValue(), true) != ValueVerdict.OK) {
        problems.add(
            what
                + ": the key takes "
                + info.expectedPresent()
                + ", so the value would be reported");
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("; ", problems));
    }
  }

  /**
   * Why AWS would refuse the tag (a key over 128 characters or with a character AWS rejects, a
   * value over 256), or null when it would accept it.
   */
  public static String tagProblem(String key, String value) {
    if (key.isEmpty() || AwsTagLimits.longerThan(key, AwsTagLimits.MAX_KEY_LENGTH)) {
      return "key " + quote(key) + " is empty or longer than 128 characters";
    }
    if (!AwsTagLimits.allAllowed(key)) {
      return "key " + quote(key) + " has characters AWS does not allow";
    }
    if (value != null && AwsTagLimits.longerThan(value, AwsTagLimits.MAX_VALUE_LENGTH)) {
      return "value of " + quote(key) + " is longer than 256 characters";
    }
    return null;
  }

  /** The changes for one resource and the findings it leaves alone. */
  public Outcome plan(Resource resource) {
    List<Finding> findings = engine.check(resource);
    if (findings.isEmpty()) {
      return new Outcome(null, List.of());
    }
    ResolvedResource resolved = new ResolvedResource(dictionary, resource);
    Planning planning = new Planning(resource, resolved, findings);
    planning.keys();
    planning.values();
    planning.missing();
    planning.limit();
    ResourceFix fix =
        planning.changes.isEmpty()
            ? null
            : new ResourceFix(
                resource.arn(),
                resource.accountId(),
                resource.region(),
                resource.resourceType(),
                resource.tags(),
                planning.changes);
    return new Outcome(fix, planning.skipped);
  }

  /** One resource being planned. */
  private final class Planning {
    final Resource resource;
    final ResolvedResource resolved;
    final List<Finding> findings;
    final List<TagChange> changes = new ArrayList<>();
    final List<SkippedFix> skipped = new ArrayList<>();
    SortedMap<String, String> tags;

    /** Per tag: the key it has once renamed, or null when its key is left as it is. */
    final String[] finalKeys;

    /** Tags whose key stays wrong: their values are not touched. */
    final Set<Integer> unresolved = new HashSet<>();

    Planning(Resource resource, ResolvedResource resolved, List<Finding> findings) {
      this.resource = resource;
      this.resolved = resolved;
      this.findings = findings;
      this.tags = resource.tags();
      this.finalKeys = new String[resolved.size()];
    }

    void skip(RuleId rule, String key, String reason) {
      skipped.add(
          new SkippedFix(
              resource.arn(), resource.accountId(), resource.region(), rule.slug(), key, reason));
    }

    void change(TagChange change) {
      tags = change.applyTo(tags);
      changes.add(change);
    }

    Finding finding(RuleId rule, String key) {
      for (Finding finding : findings) {
        if (finding.rule() == rule && Objects.equals(finding.key(), key)) {
          return finding;
        }
      }
      return null;
    }

    /** How many tags stand for the key under a spelling other than the key itself. */
    List<Integer> otherSpellings(SpecInfo info) {
      List<Integer> found = new ArrayList<>();
      for (int t = 0; t < resolved.size(); t++) {
        if (resolved.claimedBy[t] == info && !resolved.keys[t].equals(info.key)) {
          found.add(t);
        }
      }
      return found;
    }

    void keys() {
      for (int t = 0; t < resolved.size(); t++) {
        SpecInfo info = resolved.claimedBy[t];
        String key = resolved.keys[t];
        if (info == null || key.equals(info.key)) {
          continue;
        }
        RuleId rule = resolved.match(t) == Match.CASE ? RuleId.KEY_CASE_MISMATCH : RuleId.KEY_ALIAS;
        if (finding(rule, key) == null) {
          unresolved.add(t);
          continue;
        }
        String value = resolved.values[t];
        String canonical = resource.tags().get(info.key);
        List<Integer> others = otherSpellings(info);
        if (canonical != null) {
          if (canonical.equals(value)) {
            change(
                TagChange.remove(
                    key,
                    value,
                    rule.slug(),
                    "duplicate of " + quote(info.key) + ", which holds the same value"));
          } else {
            unresolved.add(t);
            skip(
                rule,
                key,
                "the dictionary key "
                    + quote(info.key)
                    + " is already there with another value ("
                    + quote(canonical)
                    + " rather than "
                    + quote(value)
                    + "): which to keep is a choice");
          }
        } else if (others.size() > 1) {
          unresolved.add(t);
          List<String> names = new ArrayList<>();
          others.forEach(o -> names.add(resolved.keys[o]));
          skip(
              rule,
              key,
              "several tags stand for "
                  + quote(info.key)
                  + " ("
                  + Texts.quotedList(names)
                  + "): which to keep is a choice");
        } else if (!info.keyWithinLimits) {
          unresolved.add(t);
          skip(rule, key, "the dictionary key " + quote(info.key) + " breaks AWS's tag rules");
        } else {
          finalKeys[t] = info.key;
          change(
              TagChange.rename(
                  key,
                  value,
                  info.key,
                  rule.slug(),
                  (resolved.match(t) == Match.CASE
                          ? "the dictionary spells it "
                          : "an old or misspelt name of ")
                      + quote(info.key)));
        }
      }
    }

    void values() {
      for (SpecInfo info : dictionary.specs) {
        int t = resolved.standing(info);
        if (t < 0) {
          continue;
        }
        String original = resolved.keys[t];
        String key = finalKeys[t] != null ? finalKeys[t] : original;
        Finding found = null;
        for (RuleId rule : VALUE_RULES) {
          Finding candidate = finding(rule, original);
          if (candidate != null) {
            found = candidate;
          }
        }
        if (found == null) {
          continue;
        }
        if (unresolved.contains(t) || !key.equals(info.key)) {
          if (found.rule() == RuleId.VALUE_CASE_MISMATCH) {
            skip(
                found.rule(),
                original,
                "its key is not renamed to " + quote(info.key) + ", so its value is left alone");
          }
          continue;
        }
        String value = resolved.values[t];
        boolean inScope = resolved.scope.contains(info);
        String stripped = value.strip();
        if (!stripped.equals(value) && !stripped.isEmpty()) {
          ValueVerdict verdict = info.judge(stripped, inScope);
          if (verdict == ValueVerdict.OK || verdict == ValueVerdict.CASE_MISMATCH) {
            change(
                TagChange.setValue(
                    key, value, stripped, WHITESPACE, "leading or trailing white space"));
            value = stripped;
          }
        }
        if (info.judge(value, inScope) == ValueVerdict.CASE_MISMATCH
            && engine.severity(RuleId.VALUE_CASE_MISMATCH) != null) {
          String right = info.allowedIgnoringCase(value);
          change(
              TagChange.setValue(
                  key,
                  value,
                  right,
                  RuleId.VALUE_CASE_MISMATCH.slug(),
                  "the allowed value is spelt " + quote(right)));
        }
      }
    }

    void missing() {
      for (Finding finding : findings) {
        if (finding.rule() != RuleId.MISSING_MANDATORY_TAG) {
          continue;
        }
        String key = finding.key();
        SpecInfo info = dictionary.exact(key);
        if (info == null || tags.containsKey(key)) {
          continue;
        }
        String value = given.get(key);
        String why = "given with --set";
        if (value == null && info.spec.defaultValue() != null) {
          value = info.spec.defaultValue();
          why = "the dictionary's default";
        }
        if (value == null) {
          skip(
              finding.rule(),
              key,
              "no value to add: pass --set "
                  + Texts.escape(key)
                  + "=VALUE or give the key a default in the dictionary");
        } else {
          change(TagChange.add(key, value, finding.rule().slug(), why));
        }
      }
    }

    /** Drops the additions that would take the resource over AWS's 50 user tags. */
    void limit() {
      long users =
          tags.keySet().stream().filter(k -> !dictionary.conventions.isReserved(k)).count();
      if (users <= AwsTagLimits.MAX_USER_TAGS) {
        return;
      }
      List<TagChange> kept = new ArrayList<>();
      for (TagChange change : changes) {
        if (change.action() == TagChange.Action.ADD) {
          skip(
              RuleId.MISSING_MANDATORY_TAG,
              change.key(),
              "adding it would leave "
                  + users
                  + " user tags, over AWS's limit of "
                  + AwsTagLimits.MAX_USER_TAGS);
        } else {
          kept.add(change);
        }
      }
      changes.clear();
      tags = resource.tags();
      kept.forEach(this::change);
    }
  }
}
