package io.tagscan.cost;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.dictionary.TagSpec;
import io.tagscan.inventory.CostFileReader;
import io.tagscan.inventory.aws.ClientSettings;
import io.tagscan.inventory.aws.CostExplorerReader;
import io.tagscan.model.CostQuery;
import io.tagscan.model.CostTagStatus;
import io.tagscan.model.Finding;
import io.tagscan.model.ScanError;
import io.tagscan.model.UsageException;
import io.tagscan.rules.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@code tagscan cost}: loads the dictionary, checks that Billing has activated each
 * cost-allocation key, reads each active key's spend from Cost Explorer (or every line of the cost
 * files) and judges it with {@link SpendJudge}; FOCUS exports go through the same judge from their
 * own tags ({@link FocusSplit}), alone or beside Cost Explorer.
 */
public final class CostService {

  /** Cost Explorer's price per request, in US dollars. */
  public static final String PRICE_PER_REQUEST = "0.01";

  private CostService() {}

  /**
   * The Cost Explorer requests a live run makes at least, counted before any is made, as if every
   * key were active: one {@code ListCostAllocationTags} per 100 keys, then per key one {@code
   * GetCostAndUsage} page per started 12 months (MONTHLY) or 31 days (DAILY) of the period, which
   * is what a page holds for an organization of modest size; further pages are counted in the
   * report's {@code requestsMade}.
   */
  public static int estimate(int keys, CostQuery query) {
    int tagRequests =
        (keys + CostExplorerReader.KEYS_PER_TAG_REQUEST - 1)
            / CostExplorerReader.KEYS_PER_TAG_REQUEST;
    long perPage = query.granularity() == CostQuery.Granularity.DAILY ? 31 : 12;
    long pages = (query.periods() + perPage - 1) / perPage;
    return (int) Math.min(Integer.MAX_VALUE, tagRequests + keys * pages);
  }

  /** Runs the request with the SDK's own settings. */
  public static CostReport run(CostRequest request) {
    return run(request, ClientSettings.defaults());
  }

  /**
   * Runs the request.
   *
   * @throws UsageException when a live run would make more requests than allowed
   */
  public static CostReport run(CostRequest request, ClientSettings settings) {
    Dictionary dictionary = DictionaryLoader.load(request.dictionary());
    RuleEngine engine = new RuleEngine(dictionary, List.of(), request.query().end());
    List<String> keys = new ArrayList<>();
    for (TagSpec spec : dictionary.tags()) {
      if (spec.costAllocation() && !dictionary.conventions().isReserved(spec.key())) {
        keys.add(spec.key());
      }
    }
    // The export is read first: a bad cell is exit 2 before any Cost Explorer request is paid for.
    FocusSpend focus =
        request.focusFiles().isEmpty()
            ? null
            : FocusSplit.read(
                request.focusFiles(), request.focusMetric(), keys, new SpendJudge(engine));
    SpendJudge judge = new SpendJudge(engine);
    if (request.focusOnly()) {
      return report(
          request, dictionary, "focus", List.of(), judge, Map.of(), 0, 0, List.of(), focus);
    }
    keys.forEach(judge::expect);
    if (request.offline()) {
      CostFileReader.CostFiles files =
          CostFileReader.read(request.costFiles(), request.query().metric());
      judge.addAll(files.lines().stream());
      return report(
          request,
          dictionary,
          "cost-file",
          List.of(),
          judge,
          files.accountNames(),
          0,
          0,
          List.of(),
          focus);
    }
    int estimated = estimate(keys.size(), request.query());
    if (estimated > request.maxRequests()) {
      throw new UsageException(
          "this run would make at least "
              + estimated
              + " Cost Explorer requests ($"
              + new java.math.BigDecimal(PRICE_PER_REQUEST)
                  .multiply(java.math.BigDecimal.valueOf(estimated))
              + " at $"
              + PRICE_PER_REQUEST
              + " each), more than --max-requests "
              + request.maxRequests()
              + "; pass --max-requests "
              + estimated
              + " to allow it, or shorten the period");
    }
    List<ScanError> errors = new ArrayList<>();
    Map<String, String> names = new TreeMap<>();
    try (CostExplorerReader reader =
        new CostExplorerReader(request.profile(), request.endpointUrl(), settings)) {
      CostExplorerReader.Statuses statuses = reader.statuses(keys);
      List<Finding> findings = ActivationCheck.check(statuses.statuses(), engine);
      List<String> readable = new ArrayList<>();
      if (statuses.error() != null) {
        errors.add(statuses.error());
        readable.addAll(keys);
      } else {
        for (CostTagStatus status : statuses.statuses()) {
          if (ActivationCheck.readable(status)) {
            readable.add(status.key());
          }
        }
      }
      for (String key : readable) {
        ScanError error = reader.spend(key, request.query(), judge::add, names::put);
        if (error != null) {
          errors.add(error);
        }
      }
      return report(
          request,
          dictionary,
          "cost-explorer",
          findings,
          judge,
          names,
          estimated,
          reader.requestsMade(),
          errors,
          focus);
    }
  }

  private static CostReport report(
      CostRequest request,
      Dictionary dictionary,
      String source,
      List<Finding> findings,
      SpendJudge judge,
      Map<String, String> names,
      int estimated,
      int made,
      List<ScanError> errors,
      FocusSpend focus) {
    List<KeySpend> keys = judge.result();
    List<String> notes = new ArrayList<>();
    currencyNotes(keys, "", notes);
    if (focus != null) {
      currencyNotes(focus.keys(), " in the FOCUS export", notes);
      if (focus.withoutResource().size() > 1) {
        notes.add(
            "the spend with no ResourceId in the FOCUS export comes in "
                + focus.withoutResource().size()
                + " currencies ("
                + String.join(
                    ", ", focus.withoutResource().stream().map(c -> c.currency()).toList())
                + "); each is totalled on its own, never added");
      }
    }
    return new CostReport(
        request.query(),
        source,
        request.dictionary().toString(),
        dictionary.sha256(),
        findings,
        keys,
        names,
        estimated,
        made,
        errors,
        notes,
        focus);
  }

  private static void currencyNotes(List<KeySpend> keys, String where, List<String> notes) {
    for (KeySpend key : keys) {
      if (key.folded()) {
        notes.add(
            "'"
                + key.key()
                + "'"
                + where
                + " has more than "
                + key.valueLimit()
                + " distinct values: the spend of values past the first "
                + key.valueLimit()
                + " met ("
                + key.foldedLines()
                + " spend lines) is summed per account, verdict and currency as '"
                + SpendRow.OTHER_VALUES
                + "'; every total is exact");
      }
      if (key.mixedCurrencies()) {
        notes.add(
            "the spend of '"
                + key.key()
                + "'"
                + where
                + " comes in "
                + key.totals().size()
                + " currencies ("
                + String.join(", ", key.totals().stream().map(SpendTotals::currency).toList())
                + "); each is totalled on its own, never added");
      }
    }
  }
}
