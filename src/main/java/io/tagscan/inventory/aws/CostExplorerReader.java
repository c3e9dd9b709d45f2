package io.tagscan.inventory.aws;

import io.tagscan.model.CostQuery;
import io.tagscan.model.CostTagStatus;
import io.tagscan.model.ScanError;
import io.tagscan.model.SpendLine;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CostAllocationTag;
import software.amazon.awssdk.services.costexplorer.model.CostAllocationTagStatus;
import software.amazon.awssdk.services.costexplorer.model.CostAllocationTagType;
import software.amazon.awssdk.services.costexplorer.model.DimensionValuesWithAttributes;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.ListCostAllocationTagsRequest;
import software.amazon.awssdk.services.costexplorer.model.ListCostAllocationTagsResponse;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * Reads Cost Explorer for the caller: which cost allocation tags Billing has activated ({@code
 * ListCostAllocationTags}, every page) and the spend of one key grouped by its values and by linked
 * account ({@code GetCostAndUsage}, every {@code NextPageToken}). Counts every request made, since
 * Cost Explorer charges for each; a failed call is returned as a value.
 */
public final class CostExplorerReader implements AutoCloseable {

  /** Keys one {@code ListCostAllocationTags} request may filter on. */
  public static final int KEYS_PER_TAG_REQUEST = 100;

  private final AwsClients clients;
  private int requests;

  /** A reader with the caller's credentials: the profile, or the SDK's chain. */
  public CostExplorerReader(String profile, URI endpointUrl, ClientSettings settings) {
    AwsOptions options =
        new AwsOptions(
            profile,
            null,
            endpointUrl,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            false,
            List.of(),
            null,
            false,
            List.of(),
            List.of(),
            List.of(),
            1,
            false,
            null);
    this.clients = new AwsClients(options, settings);
  }

  /** What {@link #statuses} found: one status per key asked, or the failure. */
  public record Statuses(List<CostTagStatus> statuses, ScanError error) {}

  /** Whether Billing knows and has activated each key, in the order asked. */
  public Statuses statuses(List<String> keys) {
    CostExplorerClient ce = clients.costExplorer();
    Map<String, CostAllocationTag> found = new HashMap<>();
    try {
      for (int from = 0; from < keys.size(); from += KEYS_PER_TAG_REQUEST) {
        List<String> batch = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_TAG_REQUEST));
        String token = null;
        do {
          ListCostAllocationTagsRequest request =
              ListCostAllocationTagsRequest.builder()
                  .tagKeys(batch)
                  .type(CostAllocationTagType.USER_DEFINED)
                  .nextToken(token)
                  .build();
          requests++;
          ListCostAllocationTagsResponse page = ce.listCostAllocationTags(request);
          page.costAllocationTags().forEach(tag -> found.put(tag.tagKey(), tag));
          token = blankToNull(page.nextToken());
        } while (token != null);
      }
    } catch (SdkException e) {
      return new Statuses(List.of(), AwsFailures.error("", "", "ListCostAllocationTags", e));
    }
    List<CostTagStatus> out = new ArrayList<>();
    for (String key : keys) {
      CostAllocationTag tag = found.get(key);
      out.add(
          tag == null
              ? new CostTagStatus(key, false, false, null)
              : new CostTagStatus(
                  key,
                  true,
                  tag.status() == CostAllocationTagStatus.ACTIVE,
                  blankToNull(tag.lastUsedDate())));
    }
    return new Statuses(out, null);
  }

  /**
   * Sends every line of one key's spend to {@code lines} and each linked account's name Cost
   * Explorer gives to {@code names}; returns the failure, or null when every page was read.
   */
  public ScanError spend(
      String key, CostQuery query, Consumer<SpendLine> lines, BiConsumer<String, String> names) {
    CostExplorerClient ce = clients.costExplorer();
    String token = null;
    try {
      do {
        GetCostAndUsageRequest request = request(key, query, token);
        requests++;
        GetCostAndUsageResponse page = ce.getCostAndUsage(request);
        for (ResultByTime result : page.resultsByTime()) {
          for (Group group : result.groups()) {
            line(key, query.metric(), group, lines);
          }
        }
        for (DimensionValuesWithAttributes account : page.dimensionValueAttributes()) {
          String name = account.attributes().get("description");
          if (account.value() != null && name != null && !name.isBlank()) {
            names.accept(account.value(), name);
          }
        }
        token = blankToNull(page.nextPageToken());
      } while (token != null);
    } catch (SdkException e) {
      return AwsFailures.error("", "", "GetCostAndUsage", e);
    }
    return null;
  }

  private static GetCostAndUsageRequest request(String key, CostQuery query, String token) {
    return GetCostAndUsageRequest.builder()
        .timePeriod(p -> p.start(query.start().toString()).end(query.end().toString()))
        .granularity(query.granularity().name())
        .metrics(query.metric())
        .groupBy(
            GroupDefinition.builder().type(GroupDefinitionType.TAG).key(key).build(),
            GroupDefinition.builder()
                .type(GroupDefinitionType.DIMENSION)
                .key("LINKED_ACCOUNT")
                .build())
        .nextPageToken(token)
        .build();
  }

  private static void line(String key, String metric, Group group, Consumer<SpendLine> lines) {
    List<String> groupKeys = group.keys();
    MetricValue value = group.metrics().get(metric);
    if (groupKeys.isEmpty() || value == null || value.amount() == null) {
      return;
    }
    String account = groupKeys.size() > 1 ? groupKeys.get(1) : "";
    String unit = value.unit() == null ? "" : value.unit();
    lines.accept(
        new SpendLine(
            key,
            account,
            SpendLine.tagValue(groupKeys.get(0), key),
            new BigDecimal(value.amount()),
            unit));
  }

  /** The requests made so far. */
  public int requestsMade() {
    return requests;
  }

  private static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  @Override
  public void close() {
    clients.close();
  }
}
