package io.tagscan.cost;

import io.tagscan.model.CostQuery;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code tagscan cost} is asked: the dictionary, the spend to read, and either cost files to
 * read offline or how to reach Cost Explorer ({@code profile}, {@code endpointUrl}) with at most
 * {@code maxRequests} requests.
 */
public record CostRequest(
    Path dictionary,
    CostQuery query,
    List<Path> costFiles,
    String profile,
    URI endpointUrl,
    int maxRequests) {

  public CostRequest {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(query, "query");
    costFiles = List.copyOf(costFiles);
  }

  /** True when the spend comes from files, with no AWS call. */
  public boolean offline() {
    return !costFiles.isEmpty();
  }
}
