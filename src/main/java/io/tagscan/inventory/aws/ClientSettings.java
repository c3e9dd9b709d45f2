package io.tagscan.inventory.aws;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * What the SDK clients of a live scan are built with beyond {@link AwsOptions}: the caller's
 * credentials (null: the profile or the SDK's default chain) and the retry strategy, a fresh one
 * per client so that each account × region keeps its own adaptive rate.
 *
 * <p>Tests and benchmarks pass static credentials and {@link #retryingWithoutWaits(int)}.
 */
public record ClientSettings(
    AwsCredentialsProvider credentials, Supplier<RetryStrategy> retryStrategy) {

  public ClientSettings {
    Objects.requireNonNull(retryStrategy, "retryStrategy");
  }

  /** Says where credentials come from, never what they are. */
  @Override
  public String toString() {
    return "ClientSettings[credentials="
        + (credentials == null ? "from the options" : "fixed")
        + "]";
  }

  /** The production settings: the options' credentials and the SDK's adaptive retry mode. */
  public static ClientSettings defaults() {
    return new ClientSettings(null, () -> AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2));
  }

  /** These settings with the caller's credentials fixed, bypassing profiles and the chain. */
  public ClientSettings withCredentials(AwsCredentialsProvider fixed) {
    return new ClientSettings(Objects.requireNonNull(fixed, "fixed"), retryStrategy);
  }

  /**
   * These settings with fixed caller keys, for tests and benchmarks against a fake endpoint, so
   * that code outside this package need not touch the SDK.
   */
  public ClientSettings withStaticCredentials(String accessKeyId, String secretAccessKey) {
    return withCredentials(
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
  }

  /** These settings with another retry strategy, built afresh for every client. */
  public ClientSettings withRetryStrategy(Supplier<RetryStrategy> strategy) {
    return new ClientSettings(credentials, strategy);
  }

  /**
   * The SDK's standard retry rules (which errors are retried) with no wait between attempts and no
   * circuit breaker, so tests of throttling and server errors run in milliseconds.
   */
  public static Supplier<RetryStrategy> retryingWithoutWaits(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    return () ->
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(maxAttempts)
            .backoffStrategy(BackoffStrategy.retryImmediately())
            .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
            .circuitBreakerEnabled(false)
            .build();
  }
}
