package io.tagscan.inventory.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One account × region's view of a client shared by the whole region: every request it sends
 * carries the account's credentials and the pair's own retry strategy, so that one client (one
 * configuration, one connection pool, one endpoint resolution) serves every account, while
 * throttling met by one account × region slows only that pair, as with a client of its own.
 *
 * <p>The SDK offers no per-request defaults on a client, hence a view: each request of the
 * service's interface is rebuilt with the pair's {@link AwsRequestOverrideConfiguration} and sent
 * through the shared client; the interface's default methods (paginators, builder overloads) run on
 * the view itself, so each of their requests gets the same. Closing the view leaves the shared
 * client open.
 */
final class PairCalls implements InvocationHandler {

  private final Object shared;
  private final AwsCredentialsProvider credentials;
  private final SdkPlugin retries;
  private final AwsRequestOverrideConfiguration override;
  private final String pair;

  private PairCalls(
      Object shared, AwsCredentialsProvider credentials, RetryStrategy retries, String pair) {
    this.shared = shared;
    this.credentials = credentials;
    this.retries = new PairRetries(retries);
    this.override =
        AwsRequestOverrideConfiguration.builder()
            .credentialsProvider(credentials)
            .addPlugin(this.retries)
            .build();
    this.pair = pair;
  }

  /**
   * A view of {@code shared} whose requests are signed with {@code credentials} and retried by
   * {@code retries}, a strategy of this pair's alone.
   */
  static <C extends SdkAutoCloseable> C view(
      Class<C> service,
      C shared,
      AwsCredentialsProvider credentials,
      RetryStrategy retries,
      String pair) {
    Object view =
        Proxy.newProxyInstance(
            service.getClassLoader(),
            new Class<?>[] {service},
            new PairCalls(shared, credentials, retries, pair));
    return service.cast(view);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object[] forwarded = args;
    if (args != null && args.length > 0 && args[0] instanceof AwsRequest request) {
      forwarded = args.clone();
      forwarded[0] = withOverride(request);
    } else if (method.isDefault()
        && args != null
        && args.length == 1
        && args[0] instanceof Consumer) {
      // A builder overload: it builds the request and calls the view again with it.
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    switch (method.getName()) {
      case "close" -> {
        return null;
      }
      case "toString" -> {
        return "the clients of " + pair;
      }
      case "hashCode" -> {
        return System.identityHashCode(proxy);
      }
      case "equals" -> {
        return proxy == args[0];
      }
      default -> {
        // A call of the service: forwarded below.
      }
    }
    try {
      return method.invoke(shared, forwarded);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private AwsRequest withOverride(AwsRequest request) {
    AwsRequestOverrideConfiguration own = request.overrideConfiguration().orElse(null);
    AwsRequestOverrideConfiguration merged =
        own == null
            ? override
            : own.toBuilder().credentialsProvider(credentials).addPlugin(retries).build();
    return request.toBuilder().overrideConfiguration(merged).build();
  }

  /** Sets the pair's retry strategy on the configuration its requests are sent with. */
  private record PairRetries(RetryStrategy retries) implements SdkPlugin {
    @Override
    public void configureClient(SdkServiceClientConfiguration.Builder config) {
      config.overrideConfiguration(
          config.overrideConfiguration().toBuilder().retryStrategy(retries).build());
    }
  }
}
