package io.tagscan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Spots personal data in tag text without regular expressions: a one-pass prefilter (an {@code @},
 * enough digits) rejects almost every value before any closer look.
 *
 * <p>What counts: e-mail addresses; US social security numbers ({@code ddd-dd-dddd}); payment card
 * numbers (13–19 digits starting 2–6 that pass the Luhn check); phone numbers, either with a
 * leading {@code +} and 8–15 digits, or 9–15 digits written in groups of at most five ({@code (555)
 * 123-4567}, {@code 06 12 34 56 78}). Not counted, because tags carry them legitimately: IPv4
 * addresses, dates, and undivided digit strings such as account ids, cost centres and timestamps
 * (an undivided phone number is missed, the price of not flagging every account id), nor the
 * console's {@code 1111-2222-3333} account-id form.
 */
public final class PersonalData {

  /** The kinds of personal data recognised. */
  public enum Kind {
    EMAIL("an e-mail address", -1),
    SSN("a US social security number", 4),
    PAYMENT_CARD("a payment card number", 4),
    PHONE("a phone number", 2);

    private final String description;
    private final int digitsShown;

    Kind(String description, int digitsShown) {
      this.description = description;
      this.digitsShown = digitsShown;
    }

    /** What the kind is, for messages: {@code an e-mail address}. */
    public String description() {
      return description;
    }
  }

  /** Where personal data was found in a text, {@code [start, end)}. */
  public record Hit(Kind kind, int start, int end) {

    /** The found text with all but a hint hidden: {@code j***@example.com}, {@code ***-**-6789}. */
    public String masked(String text) {
      String found = text.substring(start, end);
      if (kind == Kind.EMAIL) {
        int at = found.indexOf('@');
        return found.charAt(0) + "***" + found.substring(at);
      }
      StringBuilder out = new StringBuilder(found.length());
      int digitsLeft = 0;
      for (int i = 0; i < found.length(); i++) {
        if (Character.isDigit(found.charAt(i))) {
          digitsLeft++;
        }
      }
      for (int i = 0; i < found.length(); i++) {
        char c = found.charAt(i);
        if (c >= '0' && c <= '9') {
          out.append(digitsLeft <= kind.digitsShown ? c : '*');
          digitsLeft--;
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }

  /** The fewest digits any number this class recognises has; fewer cannot be personal data. */
  public static final int MIN_DIGITS = 8;

  private PersonalData() {}

  /**
   * The text with every piece of personal data in it masked as {@link Hit#masked} does: {@code
   * j***@anycompany.com}, {@code ***-**-6789}. The one masking function of tagscan: the rule's
   * messages and every report use it.
   */
  public static String mask(String text) {
    return replaceEach(replaceEach(text, PersonalData::findEmail), PersonalData::find);
  }

  /** The text with every e-mail address in it masked (what a tag key is checked for). */
  public static String maskEmails(String text) {
    return replaceEach(text, PersonalData::findEmail);
  }

  /** Every piece of personal data in the text, as it stands there, e-mail addresses first. */
  public static List<String> found(String text) {
    List<String> found = new ArrayList<>(foundEmails(text));
    String rest = maskEmails(text);
    for (Hit hit = find(rest); hit != null; hit = find(rest)) {
      found.add(rest.substring(hit.start(), hit.end()));
      rest = rest.substring(hit.end());
    }
    return found;
  }

  /** Every e-mail address in the text. */
  public static List<String> foundEmails(String text) {
    List<String> found = new ArrayList<>();
    String rest = text;
    for (Hit hit = findEmail(rest); hit != null; hit = findEmail(rest)) {
      found.add(rest.substring(hit.start(), hit.end()));
      rest = rest.substring(hit.end());
    }
    return found;
  }

  private static String replaceEach(String text, Function<String, Hit> finder) {
    StringBuilder out = null;
    int from = 0;
    while (from < text.length()) {
      String rest = text.substring(from);
      Hit hit = finder.apply(rest);
      if (hit == null) {
        break;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(rest, 0, hit.start()).append(hit.masked(rest));
      from += hit.end();
    }
    return out == null ? text : out.append(text, from, text.length()).toString();
  }

  /** The first personal data in the value (an e-mail address before anything else), or null. */
  public static Hit find(String text) {
    boolean at = false;
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '@') {
        at = true;
      }
    }
    if (at) {
      Hit email = findEmail(text);
      if (email != null) {
        return email;
      }
    }
    return digits >= MIN_DIGITS ? findNumber(text) : null;
  }

  /** The first e-mail address in the text, or null. */
  public static Hit findEmail(String text) {
    int at = text.indexOf('@');
    while (at >= 0) {
      int start = at;
      while (start > 0 && isLocalPartChar(text.charAt(start - 1))) {
        start--;
      }
      while (start < at && text.charAt(start) == '.') {
        start++;
      }
      int end = at + 1;
      while (end < text.length() && isDomainChar(text.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      if (start < at && isDomain(text, at + 1, end)) {
        return new Hit(Kind.EMAIL, start, end);
      }
      at = text.indexOf('@', at + 1);
    }
    return null;
  }

  private static boolean isLocalPartChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isDomainChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-';
  }

  /** At least two non-empty labels, the last of two or more letters. */
  private static boolean isDomain(String text, int start, int end) {
    int lastDot = text.lastIndexOf('.', end - 1);
    if (lastDot <= start || end - lastDot - 1 < 2) {
      return false;
    }
    for (int i = lastDot + 1; i < end; i++) {
      if (!Character.isLetter(text.charAt(i))) {
        return false;
      }
    }
    for (int i = start + 1; i < end; i++) {
      if (text.charAt(i) == '.' && text.charAt(i - 1) == '.') {
        return false;
      }
    }
    return text.charAt(start) != '.';
  }

  /**
   * Looks at each standalone run of digits, spaces, hyphens and parentheses (optionally after a
   * {@code +}) and classifies it.
   */
  private static Hit findNumber(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      boolean startsRun = isDigit(c) || c == '+' || c == '(';
      if (!startsRun || (i > 0 && isWordChar(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < n && isRunChar(text.charAt(end))) {
        end++;
      }
      int next = end;
      while (end > i && !isDigit(text.charAt(end - 1)) && text.charAt(end - 1) != ')') {
        end--;
      }
      if (end > i && (next >= n || !isWordChar(text.charAt(next)) || end < next)) {
        Kind kind = classify(text, i, end);
        if (kind != null) {
          return new Hit(kind, i, end);
        }
      }
      i = next;
    }
    return null;
  }

  private static Kind classify(String text, int start, int end) {
    boolean plus = text.charAt(start) == '+';
    boolean parentheses = false;
    int digits = 0;
    int groups = 0;
    int shortestGroup = Integer.MAX_VALUE;
    int longestGroup = 0;
    int group = 0;
    for (int i = plus ? start + 1 : start; i <= end; i++) {
      char c = i < end ? text.charAt(i) : ' ';
      if (isDigit(c)) {
        digits++;
        group++;
        continue;
      }
      parentheses |= c == '(' || c == ')';
      if (group > 0) {
        groups++;
        shortestGroup = Math.min(shortestGroup, group);
        longestGroup = Math.max(longestGroup, group);
        group = 0;
      }
    }
    if (plus) {
      return digits >= 8 && digits <= 15 ? Kind.PHONE : null;
    }
    if (parentheses) {
      return digits >= 9 && digits <= 15 && longestGroup <= 5 ? Kind.PHONE : null;
    }
    if (isSsn(text, start, end)) {
      return Kind.SSN;
    }
    // Cards are written undivided or in blocks of four to six (4-6-5 for American Express).
    boolean cardLayout = groups == 1 || (groups >= 3 && groups <= 5 && shortestGroup >= 4);
    if (digits >= 13 && digits <= 19 && cardLayout) {
      if (isPaymentCard(text, start, end)) {
        return Kind.PAYMENT_CARD;
      }
    }
    if (digits < 9 || digits > 15 || groups < 2 || longestGroup > 5) {
      return null;
    }
    return isAccountIdForm(text, start, end) ? null : Kind.PHONE;
  }

  private static boolean isSsn(String text, int start, int end) {
    if (end - start != 11) {
      return false;
    }
    for (int i = 0; i < 11; i++) {
      char c = text.charAt(start + i);
      boolean dash = i == 3 || i == 6;
      if (dash ? c != '-' : !isDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPaymentCard(String text, int start, int end) {
    char first = text.charAt(start);
    if (first < '2' || first > '6') {
      return false;
    }
    int sum = 0;
    boolean doubled = false;
    for (int i = end - 1; i >= start; i--) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        continue;
      }
      int d = c - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /** {@code 1111-2222-3333}: how the AWS console writes account ids. */
  private static boolean isAccountIdForm(String text, int start, int end) {
    if (end - start != 14) {
      return false;
    }
    for (int i = 0; i < 14; i++) {
      char c = text.charAt(start + i);
      boolean dash = i == 4 || i == 9;
      if (dash ? c != '-' : !isDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isRunChar(char c) {
    return isDigit(c) || c == ' ' || c == '-' || c == '(' || c == ')';
  }

  /** Characters that glue a digit run into a larger token (a version, an address, an id). */
  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == ':' || c == '/';
  }
}
