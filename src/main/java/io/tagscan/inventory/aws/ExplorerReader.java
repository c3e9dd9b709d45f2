package io.tagscan.inventory.aws;

import io.tagscan.inventory.Arn;
import io.tagscan.model.Resource;
import io.tagscan.model.Source;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.resourceexplorer2.ResourceExplorer2Client;
import software.amazon.awssdk.services.resourceexplorer2.model.IncludedProperty;
import software.amazon.awssdk.services.resourceexplorer2.model.ListResourcesResponse;
import software.amazon.awssdk.services.resourceexplorer2.model.ResourceProperty;
import software.amazon.awssdk.services.resourceexplorer2.model.View;

/**
 * Reads one AWS Resource Explorer view: finds it ({@code GetDefaultView}, {@code GetView}) and
 * lists every resource in it through the SDK's {@code ListResources} paginator, each with the tags
 * of its {@code tags} property, handing each on as its page arrives.
 */
final class ExplorerReader {

  /** The most results a {@code ListResources} page may hold. */
  static final int PAGE_SIZE = 1000;

  /** Pages fetched ahead of the one being handed on. */
  private static final int PAGES_AHEAD = 2;

  /** The name of the thread that fetches the pages. */
  static final String THREADS = "tagscan-explorer";

  private static final Object END = new Object();

  /** The property that holds a resource's tags, which a view must include to be of any use. */
  static final String TAGS = "tags";

  /** A view: its ARN, when AWS last updated it (null if it does not say), whether it has tags. */
  record ViewInfo(String arn, Instant lastUpdatedAt, boolean includesTags) {}

  private final ResourceExplorer2Client client;

  ExplorerReader(ResourceExplorer2Client client) {
    this.client = client;
  }

  /**
   * The ARN of the region's default view, or null when it has none.
   *
   * @throws software.amazon.awssdk.core.exception.SdkException when the call fails after the SDK's
   *     retries
   */
  String defaultView() {
    String arn = client.getDefaultView(request -> {}).viewArn();
    return arn == null || arn.isBlank() ? null : arn;
  }

  /**
   * The view: whether it includes tags, and when AWS last updated it.
   *
   * @throws software.amazon.awssdk.core.exception.SdkException when the call fails after the SDK's
   *     retries
   */
  ViewInfo view(String arn) {
    String asked = arn;
    View view = client.getView(request -> request.viewArn(asked)).view();
    if (view == null) {
      return new ViewInfo(asked, null, false);
    }
    boolean tags = false;
    for (IncludedProperty property : view.includedProperties()) {
      tags |= TAGS.equals(property.name());
    }
    return new ViewInfo(
        view.viewArn() == null ? asked : view.viewArn(), view.lastUpdatedAt(), tags);
  }

  /**
   * Lists every resource of the view, handing each on with the type Resource Explorer gave it. The
   * next page is fetched on a thread of its own while this one hands on the page before, since each
   * page's token comes from the page before and the pages cannot be asked for side by side.
   *
   * @throws software.amazon.awssdk.core.exception.SdkException when a call fails after the SDK's
   *     retries, or a page hands back a token given before ({@link PageTokens.Loop})
   * @throws CancellationException when {@code stopped} turns true between pages, or the thread is
   *     interrupted
   */
  void read(String viewArn, Consumer<Listed> out, BooleanSupplier stopped) {
    BlockingQueue<Object> pages = new ArrayBlockingQueue<>(PAGES_AHEAD);
    ExecutorService fetcher = DaemonPools.pool(THREADS, 1);
    try {
      fetcher.execute(() -> fetch(viewArn, pages));
      for (Object next = pages.take(); next != END; next = pages.take()) {
        if (next instanceof RuntimeException failure) {
          throw failure;
        }
        if (next instanceof Error failure) {
          throw failure;
        }
        if (stopped.getAsBoolean()) {
          throw new CancellationException("the scan was stopped");
        }
        for (software.amazon.awssdk.services.resourceexplorer2.model.Resource result :
            ((ListResourcesResponse) next).resources()) {
          Resource resource = toResource(result);
          if (resource != null) {
            out.accept(new Listed(resource, result.resourceType()));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while listing Resource Explorer's view");
    } finally {
      fetcher.shutdownNow();
    }
  }

  /** Puts every page, then {@link #END}, or the failure that ended the listing. */
  private void fetch(String viewArn, BlockingQueue<Object> pages) {
    // The paginator stops at a missing NextToken; the tokens stop a repeated one.
    PageTokens tokens = new PageTokens("ListResources");
    try {
      try {
        for (ListResourcesResponse page :
            client.listResourcesPaginator(
                request -> request.viewArn(viewArn).maxResults(PAGE_SIZE))) {
          pages.put(page);
          tokens.more(page.nextToken());
        }
        pages.put(END);
      } catch (RuntimeException | Error failure) {
        pages.put(failure);
      }
    } catch (InterruptedException e) {
      // The reader stopped waiting: nobody takes what is left.
      Thread.currentThread().interrupt();
    }
  }

  /** A resource as listed, with the type Resource Explorer names it by. */
  record Listed(Resource resource, String explorerType) {}

  /**
   * The result as a resource, or null without an ARN. Account and region are Resource Explorer's
   * ({@code global} for global resources); the type is read from the ARN as the Tagging API's
   * resources are, so that a dictionary's {@code applies-to} means the same for both sources.
   */
  static Resource toResource(
      software.amazon.awssdk.services.resourceexplorer2.model.Resource result) {
    String text = result.arn();
    if (text == null || text.isBlank()) {
      return null;
    }
    Arn arn = Arn.parseOrNull(text);
    String account = result.owningAccountId();
    if ((account == null || account.isEmpty()) && arn != null) {
      account = arn.accountId();
    }
    String region = result.region();
    if ((region == null || region.isEmpty()) && arn != null) {
      region = arn.region();
    }
    String type =
        arn != null
            ? arn.resourceType()
            : result.resourceType() == null ? "unknown" : result.resourceType();
    TreeMap<String, String> tags = new TreeMap<>();
    for (ResourceProperty property : result.properties()) {
      if (TAGS.equals(property.name()) && property.data() != null) {
        readTags(property.data(), tags);
      }
    }
    return new Resource(text, account, region, type, Source.RESOURCE_EXPLORER, tags);
  }

  /** The {@code tags} property: a list of {@code {"Key": …, "Value": …}} objects. */
  private static void readTags(Document data, Map<String, String> into) {
    if (!data.isList()) {
      return;
    }
    for (Document tag : data.asList()) {
      if (!tag.isMap()) {
        continue;
      }
      Document key = tag.asMap().get("Key");
      Document value = tag.asMap().get("Value");
      if (key != null && key.isString()) {
        into.put(key.asString(), value != null && value.isString() ? value.asString() : "");
      }
    }
  }
}
