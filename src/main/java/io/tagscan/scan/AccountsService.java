package io.tagscan.scan;

import io.tagscan.dictionary.Dictionary;
import io.tagscan.dictionary.DictionaryLoader;
import io.tagscan.inventory.ScanListener;
import io.tagscan.inventory.aws.AwsOptions;
import io.tagscan.inventory.aws.LiveScanner;
import io.tagscan.model.Account;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.report.AccountList;
import io.tagscan.rules.RuleEngine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Lists the accounts a scan would cover and checks each against {@code accounts.mandatory}. */
public final class AccountsService {

  /**
   * The accounts with their findings, the regions a scan would read, and what could not be read.
   */
  public record Listing(
      List<AccountList.Entry> entries, List<String> regions, List<ScanError> notes) {
    public Listing {
      entries = List.copyOf(entries);
      regions = List.copyOf(regions);
      notes = List.copyOf(notes);
    }
  }

  private AccountsService() {}

  /**
   * Loads the dictionary (bad input fails before any AWS call), then lists and checks the accounts.
   *
   * @throws io.tagscan.inventory.aws.LiveScanException when the account list cannot be read
   */
  public static Listing list(Path dictionaryFile, AwsOptions options) {
    Dictionary dictionary = DictionaryLoader.load(dictionaryFile);
    RuleEngine engine = new RuleEngine(dictionary, List.of(), LocalDate.now(ZoneOffset.UTC));
    List<ScanError> notes = new ArrayList<>();
    try (LiveScanner scanner = new LiveScanner(options)) {
      List<Account> accounts = scanner.accounts(new NoteTaker(notes));
      List<AccountList.Entry> entries = new ArrayList<>();
      for (Account account : accounts) {
        entries.add(
            new AccountList.Entry(
                account, account.tagsKnown() ? engine.checkAccount(account) : null));
      }
      return new Listing(entries, scanner.regions(), notes);
    }
  }

  /** Keeps the non-fatal errors the listing reports. */
  private record NoteTaker(List<ScanError> notes) implements ScanListener {
    NoteTaker {
      Objects.requireNonNull(notes, "notes");
    }

    @Override
    public void resource(Resource resource) {
      throw new IllegalStateException("listing accounts reads no resource");
    }

    @Override
    public synchronized void error(ScanError error) {
      notes.add(error);
    }
  }
}
