package io.tagscan.cost;

import io.tagscan.model.CostQuery;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code tagscan cost} is asked: the dictionary, the spend to read, and either cost files to
 * read offline or how to reach Cost Explorer ({@code profile}, {@code endpointUrl}) with at most
 * {@code maxRequests} requests; and FOCUS exports to judge from their own tags ({@code focusFiles},
 * summing {@code focusMetric}), alone or beside Cost Explorer ({@code costExplorer}) or the cost
 * files.
 */
public record CostRequest(
    Path dictionary,
    CostQuery query,
    List<Path> costFiles,
    String profile,
    URI endpointUrl,
    int maxRequests,
    List<Path> focusFiles,
    io.tagscan.billing.CostMetric focusMetric,
    boolean costExplorer) {

  public CostRequest {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(query, "query");
    costFiles = List.copyOf(costFiles);
    focusFiles = List.copyOf(focusFiles);
    Objects.requireNonNull(focusMetric, "focusMetric");
  }

  /** A request for Cost Explorer or cost files only, as before FOCUS exports. */
  public CostRequest(
      Path dictionary,
      CostQuery query,
      List<Path> costFiles,
      String profile,
      URI endpointUrl,
      int maxRequests) {
    this(
        dictionary,
        query,
        costFiles,
        profile,
        endpointUrl,
        maxRequests,
        List.of(),
        io.tagscan.billing.CostMetric.BILLED_COST,
        true);
  }

  /** True when only FOCUS exports are read: no Cost Explorer, no cost files, no credentials. */
  public boolean focusOnly() {
    return !focusFiles.isEmpty() && costFiles.isEmpty() && !costExplorer;
  }

  /** True when the spend comes from files, with no AWS call. */
  public boolean offline() {
    return !costFiles.isEmpty();
  }
}
