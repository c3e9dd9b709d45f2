package io.tagscan.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.Account;
import io.tagscan.model.Diagnostic;
import io.tagscan.model.InputException;
import io.tagscan.model.Resource;
import io.tagscan.model.SageMakerCoverage;
import io.tagscan.model.ScanError;
import io.tagscan.model.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryReaderTest {

  @TempDir Path dir;

  private final Collected collected = new Collected();

  @Test
  void readsTheAwsCliOutputWithAccountRegionAndTypeFromEachArn() throws IOException {
    Path file =
        write(
            "get-resources.json",
            """
            {
              "ResourceTagMappingList": [
                {"ResourceARN": "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
                 "Tags": [{"Key": "env", "Value": "dev"}, {"Key": "a", "Value": "1"}],
                 "ComplianceDetails": {"NoncompliantKeys": [], "ComplianceStatus": true}},
                {"ResourceARN": "arn:aws:s3:::bucket", "Tags": []}
              ],
              "PaginationToken": ""
            }
            """);

    InventoryReader.read(List.of(file), collected);

    assertThat(collected.resources)
        .containsExactly(
            Resource.of(
                "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
                "111122223333",
                "us-east-1",
                "ec2:instance",
                Source.TAGGING_API,
                Map.of("env", "dev", "a", "1")),
            Resource.of("arn:aws:s3:::bucket", "", "", "s3:bucket", Source.TAGGING_API, Map.of()));
    assertThat(collected.resources.get(0).tags().keySet()).containsExactly("a", "env");
  }

  @Test
  void readsSeveralDocumentsABareArrayAndGzipAndPassesEachArnOnce() throws IOException {
    Path pages =
        write(
            "pages.json",
            """
            {"ResourceTagMappingList": [{"ResourceARN": "arn:aws:sqs:us-east-1:1:a", "Tags": []}]}
            {"ResourceTagMappingList": [{"ResourceARN": "arn:aws:sqs:us-east-1:1:b"}]}
            """);
    Path array =
        write("array.json", "[{\"ResourceARN\": \"arn:aws:sqs:us-east-1:1:a\", \"Tags\": null}]");
    Path gzip = dir.resolve("more.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
      out.write(
          "{\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:sqs:us-east-1:1:c\"}]}"
              .getBytes(StandardCharsets.UTF_8));
    }

    InventoryReader.read(List.of(pages, array, gzip), collected);

    assertThat(collected.resources)
        .extracting(Resource::arn)
        .containsExactly(
            "arn:aws:sqs:us-east-1:1:a", "arn:aws:sqs:us-east-1:1:b", "arn:aws:sqs:us-east-1:1:c");
    assertThat(collected.units).isEqualTo(3);
  }

  @Test
  void readsSnapshotsWithAccountsErrorsAndSources() throws IOException {
    Path file = dir.resolve("snapshot.json");
    try (SnapshotWriter snapshot = SnapshotWriter.open(file)) {
      snapshot.account(Account.of("111122223333", "ml-prod", "ACTIVE", Map.of("owner", "SecOps")));
      snapshot.resource(
          Resource.of(
              "arn:aws:s3:::bucket",
              "111122223333",
              "eu-west-1",
              "s3:bucket",
              Source.TAGGING_API,
              Map.of("k", "v")));
      snapshot.resource(
          Resource.of(
              "arn:aws:sagemaker:eu-west-1:111122223333:app/d-1/user/JupyterServer/default",
              "111122223333",
              "eu-west-1",
              "sagemaker:app",
              Source.SAGEMAKER,
              Map.of()));
      snapshot.error(new ScanError("444455556666", "", "AssumeRole", "AccessDenied", "denied"));
      snapshot.commit(true, List.of(new SageMakerCoverage("111122223333", "eu-west-1", 0, 1, 1)));
    }

    InventoryResult result = InventoryReader.read(List.of(file), collected);

    assertThat(result.complete()).isTrue();
    assertThat(result.sagemaker())
        .containsExactly(new SageMakerCoverage("111122223333", "eu-west-1", 0, 1, 1));

    assertThat(collected.accounts)
        .containsExactly(
            Account.of("111122223333", "ml-prod", "ACTIVE", Map.of("owner", "SecOps")));
    assertThat(collected.resources)
        .extracting(Resource::accountId, Resource::region, Resource::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("111122223333", "eu-west-1", Source.TAGGING_API),
            org.assertj.core.groups.Tuple.tuple("111122223333", "eu-west-1", Source.SAGEMAKER));
    assertThat(collected.errors)
        .containsExactly(new ScanError("444455556666", "", "AssumeRole", "AccessDenied", "denied"));
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void abandonedSnapshotLeavesNoFile() {
    Path file = dir.resolve("snapshot.json");
    try (SnapshotWriter snapshot = SnapshotWriter.open(file)) {
      snapshot.resource(
          Resource.of("arn:aws:s3:::b", "", "", "s3:bucket", Source.TAGGING_API, Map.of()));
    }

    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void namesTheLineAndColumnOfInvalidJson() throws IOException {
    Path file = write("broken.json", "{\"ResourceTagMappingList\": [\n  {\"ResourceARN\": }\n]}");

    assertThatThrownBy(() -> InventoryReader.read(List.of(file), collected))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::format)
                    .singleElement()
                    .asString()
                    .startsWith(file + ":2:19: error: invalid JSON: Unexpected character ('}'"));
  }

  @Test
  void collectsEveryBadResourceWithItsPosition() throws IOException {
    Path file =
        write(
            "bad.json",
            """
            {"ResourceTagMappingList": [
              {"Tags": []},
              {"ResourceARN": "i-0abc"},
              {"ResourceARN": "arn:aws:sqs:us-east-1:1:q", "Tags": [{"Value": "v"}]},
              {"ResourceARN": 7}
            ]}
            """);

    assertThatThrownBy(() -> InventoryReader.read(List.of(file), collected))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::format)
                    .containsExactly(
                        file + ":2:3: error: resource without a 'ResourceARN'",
                        file
                            + ":3:3: error: ResourceARN 'i-0abc' is not an ARN (it does not start"
                            + " with 'arn:')",
                        file + ":4:57: error: tag without a 'Key'",
                        file + ":5:3: error: resource without a 'ResourceARN'",
                        file + ":5:19: error: expected the ARN to be a string"));
  }

  @Test
  void rejectsAFileThatIsNotAnInventory() throws IOException {
    Path empty = write("empty.json", "");
    Path other = write("other.json", "{\"Reservations\": []}");
    Path missing = dir.resolve("missing.json");

    assertThatThrownBy(() -> InventoryReader.read(List.of(empty, other, missing), collected))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::format)
                    .containsExactly(
                        empty + ": error: the file is empty",
                        missing + ": error: no such file",
                        other
                            + ":1:1: error: no 'ResourceTagMappingList' in this document; expected"
                            + " the output of 'aws resourcegroupstaggingapi get-resources' or a"
                            + " tagscan snapshot"));
  }

  @Test
  void escapesControlCharactersInMessages() throws IOException {
    Path file =
        write("esc.json", "{\"ResourceTagMappingList\": [{\"ResourceARN\": \"\\u001b[31mx\"}]}");

    assertThatThrownBy(() -> InventoryReader.read(List.of(file), collected))
        .hasMessageContaining("ResourceARN '\\u001b[31mx' is not an ARN")
        .hasMessageNotContaining("\u001b");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static final class Collected implements ScanListener {
    final List<Resource> resources = new CopyOnWriteArrayList<>();
    final List<Account> accounts = new CopyOnWriteArrayList<>();
    final List<ScanError> errors = new CopyOnWriteArrayList<>();
    int units;

    @Override
    public void resource(Resource resource) {
      resources.add(resource);
    }

    @Override
    public void account(Account account) {
      accounts.add(account);
    }

    @Override
    public void error(ScanError error) {
      errors.add(error);
    }

    @Override
    public void unitDone(String accountId, String region, boolean complete) {
      units++;
    }
  }
}
