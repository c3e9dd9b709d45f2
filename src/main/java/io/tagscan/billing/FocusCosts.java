package io.tagscan.billing;

import io.tagscan.model.Cost;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.Printable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cost of each resource over the period of one or more FOCUS exports, summed per {@code
 * ResourceId} while the rows stream by: only the sums are kept, never the rows.
 *
 * <p>A {@code ResourceId} that is an ARN is matched to a resource with that ARN exactly. A bare id
 * (EC2 instances and volumes, S3 bucket names) is filed under its {@code SubAccountId} and matched
 * to the ARN whose resource part ends in that id ({@code instance/i-0abc}, {@code :::bucket}) in
 * the same account, so an id reused in another account never borrows its cost. Spend on rows with
 * no {@code ResourceId} is kept per currency. At most {@value #MAX_RESOURCES} distinct ids are held
 * (a few hundred megabytes); more is an input error rather than an out-of-memory crash.
 */
public final class FocusCosts {

  static final int MAX_RESOURCES = 4_000_000;

  private final Map<String, Cost> byResource;
  private final Map<String, BigDecimal> withoutResource;

  private FocusCosts(Map<String, Cost> byResource, Map<String, BigDecimal> withoutResource) {
    this.byResource = byResource;
    this.withoutResource = withoutResource;
  }

  /** Reads the exports and sums the chosen metric per resource. */
  public static FocusCosts read(List<Path> files, CostMetric metric) {
    return read(files, metric, MAX_RESOURCES);
  }

  static FocusCosts read(List<Path> files, CostMetric metric, int maxResources) {
    Map<String, Cost> byResource = new HashMap<>();
    Map<String, BigDecimal> withoutResource = new TreeMap<>();
    FocusReader.read(
        files,
        row -> {
          BigDecimal amount = row.cost(metric);
          if (row.resourceId().isEmpty()) {
            withoutResource.merge(row.currency(), amount, BigDecimal::add);
            return;
          }
          String key = key(row.resourceId(), row.subAccountId());
          Cost known = byResource.get(key);
          if (known == null) {
            if (byResource.size() >= maxResources) {
              throw InputException.of(
                  Diagnostic.ofFile(
                      String.valueOf(files),
                      "the FOCUS export names more than "
                          + maxResources
                          + " resources; split it by account (one --focus run per account)"));
            }
            byResource.put(key, new Cost(amount, row.currency()));
          } else if (!known.currency().equals(row.currency())) {
            throw InputException.of(
                Diagnostic.ofFile(
                    String.valueOf(files),
                    "the resource '"
                        + Printable.of(row.resourceId())
                        + "' is billed in both "
                        + Printable.of(known.currency())
                        + " and "
                        + Printable.of(row.currency())
                        + "; tagscan does not add amounts in different currencies"));
          } else {
            byResource.put(key, new Cost(known.amount().add(amount), known.currency()));
          }
        });
    return new FocusCosts(byResource, withoutResource);
  }

  private static String key(String resourceId, String account) {
    return resourceId.startsWith("arn:") ? resourceId : account + " " + resourceId;
  }

  /** The cost of the resource with this ARN in this account, or null when the export has none. */
  public Cost costOf(String arn, String accountId) {
    Cost exact = byResource.get(arn);
    if (exact != null) {
      return exact;
    }
    String id = bareId(arn);
    return id == null ? null : byResource.get(accountId + " " + id);
  }

  /** How many distinct resources the exports charge. */
  public int resources() {
    return byResource.size();
  }

  /** Spend on rows with no {@code ResourceId}, per currency. */
  public Map<String, BigDecimal> withoutResource() {
    return Map.copyOf(withoutResource);
  }

  /** The id a bare {@code ResourceId} gives: the ARN's resource part after its type, if any. */
  static String bareId(String arn) {
    int from = 0;
    for (int i = 0; i < 5; i++) {
      from = arn.indexOf(':', from) + 1;
      if (from == 0) {
        return null;
      }
    }
    String resource = arn.substring(from);
    for (int i = 0; i < resource.length(); i++) {
      char c = resource.charAt(i);
      if (c == '/' || c == ':') {
        return resource.substring(i + 1);
      }
    }
    return resource;
  }
}
