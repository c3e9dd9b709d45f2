package io.tagscan.controls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Identifiers AWS wants alphanumeric (CloudFormation logical ids, SCP Sids) and quoted names. */
final class Names {

  private static final int MAX_READABLE = 64;

  private Names() {}

  /**
   * {@code prefix} then the letters and digits of {@code parts} in CamelCase (at most 64), then 8
   * hex digits of the SHA-256 of the exact parts, so ids stay unique where the letters alone clash.
   */
  static String alphanumeric(String prefix, String... parts) {
    StringBuilder id = new StringBuilder(prefix);
    StringBuilder readable = new StringBuilder();
    for (String part : parts) {
      boolean upper = true;
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          readable.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        } else {
          upper = true;
        }
      }
    }
    id.append(readable, 0, Math.min(readable.length(), MAX_READABLE));
    return id.append(hash(String.join("\0", parts))).toString();
  }

  /** A user-supplied name in single quotes, with control characters shown as escapes. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || c == '\'') {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('\'').toString();
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JDK", e);
    }
  }
}
