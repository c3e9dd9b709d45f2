package io.tagscan.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The K-th of N parts of a scan ({@code --shard K/N}): an account belongs to the part its id's hash
 * names, the first 8 bytes of its SHA-256 taken as an unsigned number modulo N. The part of an
 * account depends on its id alone, never on the other accounts or the order they are listed in, so
 * adding an account moves no other, and N jobs with the same N cover every account exactly once.
 * Resources without an account (an S3 bucket read from a file) hash as the empty id.
 */
public record Shard(int index, int count) {

  /** More parts than any organization has accounts would only make empty parts. */
  public static final int MAX_COUNT = 10_000;

  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

  public Shard {
    if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
      throw new UsageException(
          "--shard " + index + "/" + count + " is not a part: K/N with 1 ≤ K ≤ N ≤ " + MAX_COUNT);
    }
  }

  /**
   * Reads {@code K/N}, such as {@code 2/4}.
   *
   * @throws UsageException for anything else
   */
  public static Shard parse(String text) {
    Matcher matcher = SYNTAX.matcher(text.trim());
    if (!matcher.matches()) {
      throw new UsageException(
          "--shard '" + Printable.of(text) + "' is not a part: K/N, such as 2/4 (the second of 4)");
    }
    return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  /** The part (1 to {@code count}) an account belongs to among {@code count} parts. */
  public static int partOf(String accountId, int count) {
    byte[] digest;
    try {
      digest =
          MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    long hash = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      hash = (hash << 8) | (digest[i] & 0xFF);
    }
    return (int) Long.remainderUnsigned(hash, count) + 1;
  }

  /** True when the account (empty for none) belongs to this part. */
  public boolean holds(String accountId) {
    return partOf(accountId, count) == index;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
