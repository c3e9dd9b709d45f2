package io.tagscan.inventory.aws;

import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The next-page tokens of one paged listing, so that a service handing back a token it gave before
 * ends the listing with an error instead of looping over the same pages forever.
 *
 * <p>Use one per listing (one per {@code GetResources} of an account × region, one per {@code
 * ListTags} of a resource, ...), beside the SDK's paginator or a hand-written page loop alike: hand
 * it each page's next token before asking for that page.
 */
final class PageTokens {

  /** The {@link io.tagscan.model.ScanError#code()} of a listing ended by a repeated token. */
  static final String PAGINATION_LOOP = "PaginationLoop";

  private final String operation;
  private final Set<String> seen = new HashSet<>();

  PageTokens(String operation) {
    this.operation = operation;
  }

  /**
   * True when {@code token} points at another page: it is neither missing nor empty (AWS ends a
   * listing with either) and was not seen before in this listing.
   *
   * @throws Loop when the token was handed out before in this listing
   */
  boolean more(String token) {
    if (token == null || token.isEmpty()) {
      return false;
    }
    if (!seen.add(token)) {
      throw new Loop(operation, seen.size());
    }
    return true;
  }

  /**
   * A listing whose service answered a page with a token it had already given: a client-side
   * failure like a timeout, so every path that turns SDK failures into scan errors handles it.
   */
  static final class Loop extends SdkClientException {
    private static final long serialVersionUID = 1L;

    Loop(String operation, int pages) {
      super(
          SdkClientException.builder()
              .message(
                  operation
                      + " handed back a pagination token it had already given after "
                      + pages
                      + (pages == 1 ? " page" : " pages")
                      + ", so the listing was stopped rather than read again forever"));
    }
  }
}
