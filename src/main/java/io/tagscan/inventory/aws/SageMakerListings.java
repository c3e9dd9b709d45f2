package io.tagscan.inventory.aws;

import io.tagscan.inventory.Arn;
import io.tagscan.inventory.ScanListener;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Every listing of one account × region's SageMaker discovery at once, and the {@code ListTags}
 * calls they lead to, on an executor that may serve other account × region pairs too.
 *
 * <p>At most {@code callsInFlight} workers run for the pair, each making one call at a time, so
 * never more than that many SageMaker calls of the account × region are in flight: SageMaker
 * throttles per account and region. The work is a queue: a worker takes a resource whose tags are
 * still to read before the next page of a listing, and a listing already started before a new one,
 * so memory holds at most a page per worker and the pair's longest listing is never held back. No
 * worker ever waits for another, so a small executor slows the pair down but cannot stall it. A
 * search refused on its first page is replaced by the kind's listing ({@link
 * SageMakerSearchFallbacks}).
 */
final class SageMakerListings {

  private final SageMakerClient client;
  private final SageMakerTags tags;
  private final String accountId;
  private final String region;
  private final String partition;
  private final Instant jobsCreatedAfter;
  private final Predicate<String> alreadyFound;
  private final ScanListener listener;
  private final Executor executor;
  private final int callsInFlight;

  private final AtomicInteger listed = new AtomicInteger();
  private final AtomicInteger alsoFromTaggingApi = new AtomicInteger();
  private final AtomicInteger onlyFromListing = new AtomicInteger();
  private final AtomicInteger skippedDeleted = new AtomicInteger();

  private final Object lock = new Object();
  // Guarded by lock.
  private final ArrayDeque<Runnable> tagReads = new ArrayDeque<>();
  private final ArrayDeque<Listing<?, ?>> listings = new ArrayDeque<>();
  private int workers;
  private boolean stopped;
  private boolean cancelled;
  private Throwable bug;

  SageMakerListings(
      SageMakerClient client,
      SageMakerTags tags,
      String accountId,
      String region,
      Instant jobsCreatedAfter,
      Predicate<String> alreadyFound,
      ScanListener listener,
      Executor executor,
      int callsInFlight) {
    this.client = client;
    this.tags = tags;
    this.accountId = accountId;
    this.region = region;
    this.partition = Partitions.partitionOf(region);
    this.jobsCreatedAfter = jobsCreatedAfter;
    this.alreadyFound = alreadyFound;
    this.listener = listener;
    this.executor = executor;
    this.callsInFlight = callsInFlight;
  }

  /**
   * Lists every kind, passing on each resource {@code alreadyFound} rejects, and returns once every
   * call has ended; then tells each kind's failure, in the order of {@code kinds}.
   *
   * @throws CancellationException when the calling thread is interrupted (the flag is kept) or the
   *     calls were stopped (the executor shut down, a call aborted)
   */
  SageMakerCounts run(List<SageMakerKind<?, ?>> kinds) {
    List<Listing<?, ?>> all = new ArrayList<>(kinds.size());
    for (SageMakerKind<?, ?> kind : kinds) {
      all.add(new Listing<>(kind, new AtomicReference<>()));
    }
    int start;
    synchronized (lock) {
      listings.addAll(all);
      start = claimWorkers();
    }
    startWorkers(start);
    try {
      synchronized (lock) {
        while (workers > 0) {
          lock.wait();
        }
      }
    } catch (InterruptedException interrupted) {
      stop(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("SageMaker discovery was interrupted");
    }
    synchronized (lock) {
      if (bug instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (bug instanceof Error error) {
        throw error;
      }
      if (cancelled) {
        throw new CancellationException("SageMaker discovery was stopped");
      }
    }
    for (Listing<?, ?> listing : all) {
      ScanError failure = listing.failure.get();
      if (failure != null) {
        listener.error(failure);
      }
    }
    return new SageMakerCounts(
        listed.get(), alsoFromTaggingApi.get(), onlyFromListing.get(), skippedDeleted.get());
  }

  /** How many more workers the queued work calls for; counted as running. Hold the lock. */
  private int claimWorkers() {
    if (stopped) {
      return 0;
    }
    int wanted = Math.min(callsInFlight - workers, tagReads.size() + listings.size());
    int more = Math.max(0, wanted);
    workers += more;
    return more;
  }

  private void startWorkers(int count) {
    for (int i = 0; i < count; i++) {
      try {
        executor.execute(this::work);
      } catch (RejectedExecutionException refused) {
        // The executor is shut down: the scan is stopping.
        synchronized (lock) {
          workers -= count - i;
          lock.notifyAll();
        }
        stop(true);
        return;
      }
    }
  }

  /** One worker: takes work until none is left, or the discovery stops. */
  private void work() {
    try {
      for (Runnable item = next(); item != null; item = next()) {
        item.run();
      }
    } catch (RuntimeException | Error unexpected) {
      // A listener's bug, handed back to the waiting thread rather than lost on this one.
      synchronized (lock) {
        if (bug == null) {
          bug = unexpected;
        }
        workers--;
        lock.notifyAll();
      }
      stop(false);
    }
  }

  /** The next piece of work, or null (and the worker counted out) when there is none. */
  private Runnable next() {
    synchronized (lock) {
      Runnable item = null;
      if (!stopped) {
        item = tagReads.poll();
        if (item == null) {
          item = listings.poll();
        }
      }
      if (item == null) {
        workers--;
        lock.notifyAll();
      }
      return item;
    }
  }

  /** Queues a page's tag reads and, when it has more pages, the rest of its listing. */
  private void queue(List<Runnable> reads, Listing<?, ?> rest) {
    int start;
    synchronized (lock) {
      if (stopped) {
        return;
      }
      tagReads.addAll(reads);
      if (rest != null) {
        listings.addFirst(rest);
      }
      start = claimWorkers();
    }
    startWorkers(start);
  }

  private void stop(boolean cancel) {
    synchronized (lock) {
      stopped = true;
      cancelled |= cancel;
      tagReads.clear();
      listings.clear();
      lock.notifyAll();
    }
  }

  /** True when a failure means the calls were stopped rather than refused. */
  private static boolean aborted(SdkException failure) {
    return failure instanceof AbortedException || Thread.currentThread().isInterrupted();
  }

  /** Reads one resource's tags and passes the resource on. */
  private void readAndReport(String arn, Listing<?, ?> listing) {
    SortedMap<String, String> resourceTags;
    try {
      resourceTags = tags.read(arn);
    } catch (SdkException failure) {
      if (aborted(failure)) {
        stop(true);
      } else if (SageMakerTags.isGone(failure)) {
        skippedDeleted.incrementAndGet();
      } else {
        listing.fail(error("ListTags", failure));
      }
      return;
    }
    report(arn, resourceTags);
  }

  private void report(String arn, SortedMap<String, String> resourceTags) {
    listener.resource(resource(arn, resourceTags, accountId, region));
    onlyFromListing.incrementAndGet();
  }

  private ScanError error(String operation, SdkException failure) {
    return AwsFailures.error(accountId, region, operation, failure);
  }

  /** A resource found by SageMaker discovery, of the type its ARN names. */
  static Resource resource(
      String arn, SortedMap<String, String> resourceTags, String accountId, String region) {
    String type;
    try {
      type = Arn.parse(arn).resourceType();
    } catch (IllegalArgumentException notAnArn) {
      type = "sagemaker";
    }
    return new Resource(arn, accountId, region, type, Source.SAGEMAKER, resourceTags);
  }

  /**
   * True when the Tagging API returned the resource. SageMaker writes many ARNs in lower case
   * whatever the name's case, so an ARN built from a listed name is also looked up in lower case,
   * lest one resource be reported twice.
   */
  static boolean found(Predicate<String> alreadyFound, String arn) {
    if (alreadyFound.test(arn)) {
      return true;
    }
    String lower = arn.toLowerCase(Locale.ROOT);
    return !lower.equals(arn) && alreadyFound.test(lower);
  }

  /**
   * True when a search was refused outright, so that the kind's listing may stand in for it: the
   * role lacks {@code sagemaker:Search}, or the region rejects the search of that type.
   */
  private static boolean searchRefused(SdkException failure) {
    String code = AwsFailures.code(failure);
    return code.startsWith("AccessDenied") || code.equals("ValidationException");
  }

  /**
   * One kind's listing, a page each time it runs; its first failure (of the list call or of a
   * {@code ListTags} call) ends it. A worker at a time runs it, handed on through the queue.
   */
  private final class Listing<P, S> implements Runnable {
    final SageMakerKind<P, S> kind;
    // Shared with the listing that stands in for a refused search, so that its failure is the
    // kind's.
    final AtomicReference<ScanError> failure;
    private final Instant after;
    private final PageTokens tokens;
    private Iterator<P> pages;
    private boolean answered;

    Listing(SageMakerKind<P, S> kind, AtomicReference<ScanError> failure) {
      this.kind = kind;
      this.failure = failure;
      this.after = kind.timeWindowed() ? jobsCreatedAfter : null;
      this.tokens = new PageTokens(kind.operation());
    }

    void fail(ScanError error) {
      failure.compareAndSet(null, error);
    }

    @Override
    public void run() {
      if (failure.get() != null) {
        // Its tags cannot be read, so listing more of this kind would only lose them.
        return;
      }
      List<Runnable> reads = new ArrayList<>();
      boolean more = false;
      try {
        if (pages == null) {
          pages = kind.pages().apply(client, after).iterator();
        }
        if (pages.hasNext()) {
          P page = pages.next();
          answered = true;
          take(page, reads);
          tokens.more(kind.nextToken().apply(page));
          more = pages.hasNext();
        }
      } catch (SdkException listingFailure) {
        if (aborted(listingFailure)) {
          stop(true);
          return;
        }
        SageMakerKind<?, ?> listing = SageMakerSearchFallbacks.BY_SEARCH.get(kind.operation());
        if (!answered && listing != null && searchRefused(listingFailure)) {
          queue(reads, new Listing<>(listing, failure));
          return;
        }
        fail(error(kind.operation(), listingFailure));
        more = false;
      }
      queue(reads, more ? this : null);
    }

    /** Passes on a page's resources that carry their tags; the others' tags are to be read. */
    private void take(P page, List<Runnable> reads) {
      for (S summary : kind.summaries().apply(page)) {
        if (failure.get() != null) {
          return;
        }
        String arn = kind.arnOf(summary, after, partition, region, accountId);
        if (arn == null) {
          continue;
        }
        listed.incrementAndGet();
        if (found(alreadyFound, arn)) {
          alsoFromTaggingApi.incrementAndGet();
        } else if (kind.tags() != null) {
          report(arn, SageMakerTags.of(kind.tags().apply(summary)));
        } else {
          reads.add(() -> readAndReport(arn, this));
        }
      }
    }
  }
}
