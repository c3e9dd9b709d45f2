package io.tagscan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes AWS credentials from text that came from AWS or the SDK (error codes, messages, stack
 * traces) before tagscan stores or prints it: a server or a proxy that echoes a request's
 * signature, session token or keys in an error must not leak them into reports, CI logs or crash
 * files.
 *
 * <p>What goes: access key ids ({@code AKIA…}, {@code ASIA…} and the other four-letter prefixes, 16
 * characters after; the prefix stays, so the kind of key can still be told), 40-character secret
 * access keys, session tokens (base64 runs of 100 characters or more, or any run starting as STS
 * tokens do, {@code IQoJb3JpZ2lu…}), and the values of {@code X-Amz-Security-Token}, {@code
 * X-Amz-Credential}, {@code X-Amz-Signature}, {@code Signature=}, {@code Credential=}, an {@code
 * Authorization} header (to the end of its line) and the {@code aws_secret_access_key}, {@code
 * aws_session_token}, {@code SecretAccessKey} and {@code SessionToken} settings. What stays: ARNs
 * (kept whole), account ids, request ids (UUIDs and short hex ids), hex digests, and every other
 * word.
 */
public final class Secrets {

  /** What a redacted secret is replaced by. */
  public static final String REDACTED = "[redacted]";

  /** Named values: a header or query parameter that carries a credential, up to its end. */
  private static final Pattern NAMED =
      Pattern.compile(
          "(?i)(\\bauthorization\"?\\s*+[:=]\\s*+)[^\\r\\n]++"
              + "|((?:\\bx-amz-(?:security-token|credential|signature)|\\baws_secret_access_key"
              + "|\\baws_session_token|\\bsecretaccesskey|\\bsessiontoken)\"?\\s*+[=:]\\s*+\"?"
              + "|\\b(?:signature|credential)=)"
              + "[^\\s\"'&,;<>]++");

  /** Access key ids: a known four-letter prefix and 16 upper-case letters or digits. */
  private static final Pattern ACCESS_KEY_ID =
      Pattern.compile(
          "\\b(AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA|AGPA|ASCA|A3T[A-Z0-9])"
              + "[A-Z0-9]{16}\\b");

  /** Runs of base64 characters, the raw material of secret keys and session tokens. */
  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]++=*+");

  /** ARNs, kept whole: their paths may hold long mixed-case names that are not secrets. */
  private static final Pattern ARN = Pattern.compile("\\barn:aws[a-z-]*+:[^\\s\"'<>,;]*+");

  private static final int SESSION_TOKEN_MIN = 100;
  private static final int SECRET_KEY_LENGTH = 40;
  private static final List<String> TOKEN_STARTS =
      List.of("IQoJb3JpZ2lu", "FwoGZXIvYXdz", "AQoDYXdzE", "AgoJb3JpZ2lu");

  private Secrets() {}

  /** The text with every credential replaced by {@value #REDACTED}; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String named = replaceNamed(text);
    List<int[]> arns = spans(ARN, named);
    StringBuilder out = new StringBuilder(named.length());
    int last = 0;
    Matcher key = ACCESS_KEY_ID.matcher(named);
    Matcher run = BASE64_RUN.matcher(named);
    int i = 0;
    while (run.find(i)) {
      int start = run.start();
      i = run.end();
      if (inside(arns, start)) {
        continue;
      }
      if (isSessionToken(run.group()) || isSecretKey(run.group())) {
        out.append(named, last, start).append(REDACTED);
        last = run.end();
      } else if (key.region(start, run.end()).lookingAt()) {
        // An access key id at the head of a longer run (AKIA…/20250101/…) keeps what follows it.
        out.append(named, last, start).append(key.group(1)).append(REDACTED);
        last = key.end();
      }
    }
    if (last == 0) {
      return named;
    }
    return out.append(named, last, named.length()).toString();
  }

  private static String replaceNamed(String text) {
    Matcher named = NAMED.matcher(text);
    if (!named.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      String name = named.group(1) != null ? named.group(1) : named.group(2);
      out.append(text, last, named.start()).append(name).append(REDACTED);
      last = named.end();
    } while (named.find());
    return out.append(text, last, text.length()).toString();
  }

  private static boolean isSessionToken(String run) {
    if (run.length() >= SESSION_TOKEN_MIN) {
      return true;
    }
    for (String start : TOKEN_STARTS) {
      if (run.startsWith(start) && run.length() >= start.length() + 8) {
        return true;
      }
    }
    return false;
  }

  /**
   * Exactly 40 base64 characters with upper- and lower-case letters: a secret access key, and not a
   * hex digest or an all-lower-case word.
   */
  private static boolean isSecretKey(String run) {
    String body = run.endsWith("=") ? run.substring(0, run.indexOf('=')) : run;
    if (body.length() != SECRET_KEY_LENGTH) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return upper && lower;
  }

  private static List<int[]> spans(Pattern pattern, String text) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    return spans;
  }

  private static boolean inside(List<int[]> spans, int at) {
    for (int[] span : spans) {
      if (at >= span[0] && at < span[1]) {
        return true;
      }
    }
    return false;
  }
}
