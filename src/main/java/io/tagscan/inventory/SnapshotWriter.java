package io.tagscan.inventory;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tagscan.model.Account;
import io.tagscan.model.AtomicFile;
import io.tagscan.model.EnvironmentException;
import io.tagscan.model.ExplorerCoverage;
import io.tagscan.model.Resource;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import io.tagscan.model.ScratchFiles;
import io.tagscan.model.WriteFailures;
import io.tagscan.model.json.ModelJson;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes what a scan read to a snapshot file that {@link InventoryReader} reads back, so a scan can
 * be checked again offline against a changed dictionary.
 *
 * <p>The snapshot has the shape of {@code aws resourcegroupstaggingapi get-resources} output, with
 * each resource's account, region and source added, and the scan's accounts, regions and errors
 * beside it. Resources are streamed to a temporary file as they arrive; {@link #commit} syncs it
 * and moves it into place ({@link AtomicFile}), {@link #close} without a commit deletes it.
 * Thread-safe. Every failure to write is an {@link io.tagscan.model.EnvironmentException} naming
 * the snapshot and the system's reason.
 */
public final class SnapshotWriter implements ScanListener, AutoCloseable {

  private final Path target;
  private final Path temporary;
  private final OutputStream stream;
  private final JsonGenerator json;
  private final Map<String, Account> accounts = new TreeMap<>();
  private final List<ScanError> errors = new ArrayList<>();
  private final TreeSet<String> regions = new TreeSet<>();
  private boolean done;

  /**
   * Opens the stream the snapshot is written to under its temporary name; tests inject failures.
   */
  interface Opener {
    OutputStream open(Path temporary) throws IOException;
  }

  private SnapshotWriter(Path target, Path temporary, OutputStream stream) throws IOException {
    this.target = target;
    this.temporary = temporary;
    this.stream = stream;
    // The stream stays open after the generator's close, to be synced before it is closed.
    this.json =
        new JsonFactory()
            .createGenerator(stream, JsonEncoding.UTF8)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** Starts a snapshot that will land at {@code target} once committed. */
  public static SnapshotWriter open(Path target) {
    return open(target, temporary -> new FileOutputStream(temporary.toFile()));
  }

  static SnapshotWriter open(Path target, Opener opener) {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      ScratchFiles.removeStale(directory);
      temporary = AtomicFile.createTemporary(directory, absolute.getFileName().toString());
      ownerOnly(temporary);
      SnapshotWriter writer = new SnapshotWriter(absolute, temporary, opener.open(temporary));
      try {
        writer.start();
      } catch (IOException e) {
        writer.close();
        throw e;
      }
      return writer;
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw WriteFailures.cannotWrite("the snapshot", absolute, e);
    }
  }

  /**
   * Unlike the reports, which mask personal data, a snapshot keeps every tag value as read (so it
   * can be checked again exactly): only its owner may read it, where the file system says who.
   */
  private static void ownerOnly(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(
          file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // The snapshot's own failure is the one to report; a killed-run sweep removes this later.
      return;
    }
  }

  private void start() throws IOException {
    json.writeStartObject();
    json.writeNumberField("tagscanSnapshot", InventoryReader.SNAPSHOT_VERSION);
    json.writeStringField("createdAt", Instant.now().toString());
    json.writeArrayFieldStart("ResourceTagMappingList");
  }

  @Override
  public synchronized void resource(Resource resource) {
    if (done) {
      return;
    }
    try {
      json.writeRaw('\n');
      json.writeStartObject();
      json.writeStringField("ResourceARN", resource.arn());
      json.writeStringField("AccountId", resource.accountId());
      json.writeStringField("Region", resource.region());
      json.writeStringField("ResourceType", resource.resourceType());
      json.writeStringField("Source", resource.source().slug());
      ModelJson.tagList(json, "Tags", resource.tags());
      json.writeEndObject();
      if (!resource.region().isEmpty()) {
        regions.add(resource.region());
      }
    } catch (IOException e) {
      throw WriteFailures.cannotWrite("the snapshot", target, e);
    }
  }

  /** A domain's tags go in line, before the resources created in it, as the scan told them. */
  @Override
  public synchronized void domain(String domainArn, SortedMap<String, String> tags) {
    if (done) {
      return;
    }
    try {
      json.writeRaw('\n');
      json.writeStartObject();
      json.writeStringField("SageMakerDomain", domainArn);
      ModelJson.tagList(json, "Tags", tags);
      json.writeEndObject();
    } catch (IOException e) {
      throw WriteFailures.cannotWrite("the snapshot", target, e);
    }
  }

  @Override
  public synchronized void account(Account account) {
    accounts.put(account.id(), account);
  }

  @Override
  public synchronized void error(ScanError error) {
    errors.add(error);
  }

  /**
   * Finishes the file, saying whether the scan read everything it was asked to, and moves it into
   * place.
   */
  public synchronized void commit(boolean complete, List<SageMakerCoverage> sagemaker) {
    commit(complete, sagemaker, null);
  }

  /**
   * As {@link #commit(boolean, List)}, keeping what Resource Explorer gave the scan ({@code
   * explorer}, null for nothing) for a scan of the snapshot to report.
   */
  public synchronized void commit(
      boolean complete, List<SageMakerCoverage> sagemaker, ExplorerCoverage explorer) {
    if (done) {
      return;
    }
    try {
      json.writeEndArray();
      json.writeBooleanField("complete", complete);
      ModelJson.sagemaker(json, "sagemaker", sagemaker);
      ModelJson.explorer(json, "resourceExplorer", explorer);
      json.writeArrayFieldStart("regions");
      for (String region : regions) {
        json.writeString(region);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("accounts");
      for (Account account : accounts.values()) {
        json.writeStartObject();
        ModelJson.accountFields(json, account, ModelJson.AccountShape.SNAPSHOT);
        json.writeEndObject();
      }
      json.writeEndArray();
      ModelJson.errors(json, "errors", errors);
      json.writeEndObject();
      json.writeRaw('\n');
      json.close();
      AtomicFile.sync(stream);
      stream.close();
      AtomicFile.moveIntoPlace(temporary, target);
      // Only now: until the file is in place, close() still deletes the temporary one.
      done = true;
    } catch (IOException e) {
      throw WriteFailures.cannotWrite("the snapshot", target, e);
    }
  }

  /**
   * Without a commit, abandons the snapshot and deletes its temporary file. A failure to flush what
   * is abandoned anyway (a full disk) does not matter; a failure to delete it does.
   */
  @Override
  public synchronized void close() {
    if (done) {
      return;
    }
    done = true;
    RuntimeException unclosed = null;
    try {
      json.close();
    } catch (IOException abandoned) {
      // Whatever did not reach the disk belonged to the file deleted below.
    } catch (RuntimeException e) {
      // The file is deleted all the same; the failure is rethrown after that.
      unclosed = e;
    }
    try {
      // The generator leaves its target open (AUTO_CLOSE_TARGET is off), so close it here.
      stream.close();
    } catch (IOException abandoned) {
      // Its last bytes belonged to the file deleted below as well.
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      EnvironmentException undeleted =
          new EnvironmentException(
              "cannot delete the unfinished snapshot '"
                  + temporary
                  + "': "
                  + WriteFailures.reason(e),
              e);
      if (unclosed != null) {
        undeleted.addSuppressed(unclosed);
      }
      throw undeleted;
    }
    if (unclosed != null) {
      throw unclosed;
    }
  }
}
