package io.tagscan.dictionary;

import io.tagscan.model.EditDistance;
import java.util.Collection;
import java.util.Locale;

/** Finds the known name a misspelt one was probably meant to be. */
final class Suggest {

  private Suggest() {}

  /** The closest candidate, or null when none is close enough to be a likely typo. */
  static String closest(String word, Collection<String> candidates) {
    String typed = normalise(word);
    int limit = Math.max(2, typed.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String known = normalise(candidate);
      // A word cut short or run on ("warn", "mandatory_tags") is as likely a slip as a misspelling.
      boolean cutOrExtended =
          Math.min(typed.length(), known.length()) >= 3
              && (known.startsWith(typed) || typed.startsWith(known));
      int distance = cutOrExtended ? 1 : EditDistance.atMost(typed, known, limit);
      if (distance <= limit && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** "; did you mean 'x'?" when a candidate is close, else the empty string. */
  static String didYouMean(String word, Collection<String> candidates) {
    String best = closest(word, candidates);
    return best == null ? "" : "; did you mean " + Quote.of(best) + "?";
  }

  private static String normalise(String word) {
    return word.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
