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
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

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
            {"ResourceTagMappingList": [{"ResourceARN": "arn:aws:sqs:us-east-1:111122223333:a", "Tags": []}]}
            {"ResourceTagMappingList": [{"ResourceARN": "arn:aws:sqs:us-east-1:111122223333:b"}]}
            """);
    Path array =
        write(
            "array.json",
            "[{\"ResourceARN\": \"arn:aws:sqs:us-east-1:111122223333:a\", \"Tags\": null}]");
    Path gzip = dir.resolve("more.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
      out.write(
          "{\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:aws:sqs:us-east-1:111122223333:c\"}]}"
              .getBytes(StandardCharsets.UTF_8));
    }

    InventoryReader.read(List.of(pages, array, gzip), collected);

    assertThat(collected.resources)
        .extracting(Resource::arn)
        .containsExactly(
            "arn:aws:sqs:us-east-1:111122223333:a",
            "arn:aws:sqs:us-east-1:111122223333:b",
            "arn:aws:sqs:us-east-1:111122223333:c");
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
                    .isEqualTo(file + ":2:19: error: invalid JSON: unexpected character '}'"));
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
              {"ResourceARN": "arn:aws:sqs:us-east-1:111122223333:q", "Tags": [{"Value": "v"}]},
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
                        file + ":4:68: error: tag without a 'Key'",
                        file + ":5:3: error: resource without a 'ResourceARN'",
                        file + ":5:19: error: expected the ARN to be a string"));
  }

  @Test
  void rejectsAFileThatIsNotAnInventory() throws IOException {
    Path empty = write("empty.json", "");
    Path other = write("other.json", "{\"Reservations\": []}");
    Path missing = dir.resolve("missing.json");
    Path directory = Files.createDirectory(dir.resolve("folder.json"));

    assertThatThrownBy(
            () -> InventoryReader.read(List.of(empty, other, missing, directory), collected))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::format)
                    .containsExactly(
                        empty + ":1:1: error: the file is empty",
                        directory + ": error: cannot read the file: Is a directory",
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

  @Test
  void refusesATagKeyGivenTwiceOnOneResource() throws IOException {
    Path file =
        write(
            "tags.json",
            """
            {"ResourceTagMappingList": [
              {"ResourceARN": "arn:aws:s3:::b",
               "Tags": [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]}
            ]}
            """);

    assertThat(problems(file))
        .containsExactly(
            file
                + ":3:41: error: tag key 'a' is given twice on this resource (AWS allows each key"
                + " once)");
    assertThat(collected.resources).isEmpty();
  }

  @Test
  void refusesAFieldGivenTwiceInOneObject() throws IOException {
    Path file =
        write(
            "fields.json",
            """
            {"ResourceTagMappingList": [
              {"ResourceARN": "arn:aws:s3:::b",
               "ResourceARN": "arn:aws:s3:::c", "Tags": []}
            ]}
            """);

    assertThat(problems(file))
        .containsExactly(
            file
                + ":3:17: error: the field 'ResourceARN' is given twice in this object; JSON"
                + " readers would keep either value, so tagscan takes neither");
  }

  @Test
  void countsAnArnListedTwiceInOneFileOnceAndSaysSo() throws IOException {
    Path file =
        write(
            "twice.json",
            """
            {"ResourceTagMappingList": [
              {"ResourceARN": "arn:aws:s3:::a", "Tags": [{"Key": "k", "Value": "first"}]},
              {"ResourceARN": "arn:aws:s3:::b", "Tags": []},
              {"ResourceARN": "arn:aws:s3:::a", "Tags": [{"Key": "k", "Value": "second"}]},
              {"ResourceARN": "arn:aws:s3:::b", "Tags": []},
              {"ResourceARN": "arn:aws:s3:::a", "Tags": []}
            ]}
            """);

    InventoryResult result = InventoryReader.read(List.of(file), collected);

    assertThat(collected.resources)
        .extracting(Resource::arn, r -> r.tags().get("k"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::a", "first"),
            org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::b", null));
    assertThat(result.notes())
        .containsExactly(
            file
                + ": 3 resources are listed more than once, and counted once; the first at line 4,"
                + " column 3: 'arn:aws:s3:::a'");
  }

  @Test
  void notesAResourceThatAnEarlierFileListedAlready() throws IOException {
    Path first = write("first.json", "[{\"ResourceARN\": \"arn:aws:s3:::a\"}]");
    Path second = write("second.json", "[{\"ResourceARN\": \"arn:aws:s3:::a\"}]");

    InventoryResult result = InventoryReader.read(List.of(first, second), collected);

    assertThat(collected.resources).hasSize(1);
    assertThat(result.notes())
        .containsExactly(
            second
                + ": 1 resource is listed more than once, and counted once; the first at line 1,"
                + " column 2: 'arn:aws:s3:::a'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "arn:aws:ec2:us-east-1:=1+1:instance/i-1|its account '=1+1' is not 12 digits",
        "arn:aws:ec2:us-east-1:<script>:instance/i-1|its account '<script>' is not 12 digits",
        "arn:aws:ec2:us-east-1:11112222333:instance/i-1|its account '11112222333' is not 12 digits",
        "arn:aws:ec2:=1+1:111122223333:instance/i-1|its region '=1+1' is not a region name",
        "arn:aws:ec2:<script>:111122223333:instance/i-1|its region '<script>' is not a region name",
        "arn:aws:ec2:us-east-1\\r\\n:111122223333:instance/i-1|its region 'us-east-1\\u000d\\u000a' is"
            + " not a region name",
        "arn:aws:ec2:US-EAST-1:111122223333:instance/i-1|its region 'US-EAST-1' is not a region name",
      })
  void refusesAnArnWhoseAccountOrRegionIsNotOne(String arn, String reason) throws IOException {
    Path file = write("hostile.json", "[{\"ResourceARN\": \"" + arn + "\"}]");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .startsWith(file + ":1:2: error: ResourceARN '")
        .endsWith("' is not a valid ARN (" + reason + ")")
        .doesNotContain("\r", "\n");
    assertThat(collected.resources).isEmpty();
  }

  @Test
  void refusesASnapshotWhoseAccountOrRegionFieldsAreNotOnes() throws IOException {
    Path file =
        write(
            "snapshot.json",
            """
            {"tagscanSnapshot": 1, "ResourceTagMappingList": [
              {"ResourceARN": "arn:aws:s3:::a", "AccountId": "=HYPERLINK(1)", "Region": "eu-west-1"},
              {"ResourceARN": "arn:aws:s3:::b", "AccountId": "111122223333", "Region": "<b>x</b>"},
              {"ResourceARN": "arn:aws:iam::111122223333:role/r", "Region": "global"}
            ],
            "accounts": [{"id": "12345"}],
            "errors": [{"accountId": "111122223333", "region": "=cmd|' /C calc'!A0",
                        "operation": "GetResources"}],
            "sagemaker": [{"accountId": "<img src=x>", "region": "eu-west-1"},
                          {"accountId": "111122223333", "region": "eu-west-1", "listing": "x"}]}
            """);

    assertThat(problems(file))
        .containsExactly(
            file + ":2:3: error: AccountId '=HYPERLINK(1)' is not an account id (12 digits)",
            file + ":3:3: error: Region '<b>x</b>' is not a region name",
            file + ":6:28: error: account id '12345' is not 12 digits",
            file
                + ":8:40: error: a recorded error for region '=cmd|' /C calc'!A0', which is not a region"
                + " name",
            file
                + ":9:65: error: SageMaker figures for account '<img src=x>', which is not 12"
                + " digits",
            file + ":10:82: error: invalid SageMaker figures: the counts must be whole numbers");
  }

  @Test
  void givesArnsWithoutAnAccountTheAccountGiven() throws IOException {
    Path file =
        write(
            "export.json",
            """
            [{"ResourceARN": "arn:aws:s3:::bucket"},
             {"ResourceARN": "arn:aws:ec2:us-east-1:111122223333:instance/i-1"}]
            """);

    InventoryReader.read(List.of(file), "111122223333", collected);

    assertThat(collected.resources)
        .extracting(Resource::arn, Resource::accountId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::bucket", "111122223333"),
            org.assertj.core.groups.Tuple.tuple(
                "arn:aws:ec2:us-east-1:111122223333:instance/i-1", "111122223333"));
  }

  @Test
  void refusesAnArnOfAnotherAccountThanTheOneGiven() throws IOException {
    Path file =
        write(
            "export.json",
            """
            [{"ResourceARN": "arn:aws:s3:::bucket"},
             {"ResourceARN": "arn:aws:ec2:us-east-1:444455556666:instance/i-1"}]
            """);

    assertThatThrownBy(() -> InventoryReader.read(List.of(file), "111122223333", collected))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::format)
                    .containsExactly(
                        file
                            + ":2:2: error: ResourceARN"
                            + " 'arn:aws:ec2:us-east-1:444455556666:instance/i-1' belongs to"
                            + " account 444455556666, not to 111122223333 given with"
                            + " --account-id"));
  }

  /** Each way a file can fail to be JSON, and the one sentence tagscan says for it. */
  static Stream<Arguments> unreadableFiles() {
    String deep =
        "{\"ResourceTagMappingList\": [], \"ComplianceDetails\": "
            + "[".repeat(100)
            + "]".repeat(100)
            + "}";
    String longString =
        "{\"ResourceTagMappingList\": [{\"ResourceARN\": \"" + "x".repeat(2 << 20) + "\"}]}";
    String longNumber =
        "{\"tagscanSnapshot\": 1" + "0".repeat(1000) + ", \"ResourceTagMappingList\": []}";
    byte[] latin1 =
        "[{\"ResourceARN\": \"arn:aws:s3:::caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1);
    return Stream.of(
        Arguments.of(
            "deep nesting",
            deep.getBytes(StandardCharsets.UTF_8),
            ":1:117: error: the JSON nests deeper than 64 levels, which no inventory does"),
        Arguments.of(
            "a huge string",
            longString.getBytes(StandardCharsets.UTF_8),
            ":1:45: error: a string is longer than 1,048,576 characters, which no inventory"
                + " needs"),
        Arguments.of("a huge number", longNumber.getBytes(StandardCharsets.UTF_8), ":1:"),
        Arguments.of(
            "truncated input",
            "{\"ResourceTagMappingList\": [\n  {\"ResourceARN\": \"arn:aws:s3:::b\", \"Ta"
                .getBytes(StandardCharsets.UTF_8),
            ":2:40: error: the file ends in the middle of the JSON (is it cut short?)"),
        Arguments.of(
            "invalid UTF-8",
            latin1,
            ":1:37: error: the file is not UTF-8 text; save the inventory as UTF-8"),
        Arguments.of(
            "a CSV file",
            "arn,key,value\narn:aws:s3:::b,k,v\n".getBytes(StandardCharsets.UTF_8),
            ":1:1: error: invalid JSON: unexpected 'arn'; is this a JSON file?"),
        Arguments.of(
            "a YAML file",
            "ResourceTagMappingList:\n  - ResourceARN: x\n".getBytes(StandardCharsets.UTF_8),
            ":1:1: error: invalid JSON: unexpected 'ResourceTagMappingList'; is this a JSON"
                + " file?"),
        Arguments.of(
            "binary data",
            new byte[] {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00},
            ":1:1: error: invalid JSON: unexpected 'PK\\u0003\\u0004\\u0014\\u0000'; is this a JSON file?"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableFiles")
  void saysWhyAFileIsUnreadableInOneSentenceWithThePlace(
      String name, byte[] content, String expected) throws IOException {
    Path file = Files.write(dir.resolve("inventory.json"), content);

    assertThat(problems(file))
        .singleElement()
        .asString()
        .startsWith(file + expected)
        .doesNotContain("REDACTED", "StreamRead", "getMax", "Source:", "(code", "jackson")
        .doesNotContain("\n");
  }

  @Test
  void saysAGzipFileIsCorruptWhereTheDamageIs() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      StringBuilder json = new StringBuilder("{\"ResourceTagMappingList\": [\n");
      for (int i = 0; i < 2000; i++) {
        json.append("{\"ResourceARN\": \"arn:aws:s3:::bucket-").append(i).append("\"},\n");
      }
      out.write(json.append("{\"ResourceARN\": \"arn:aws:s3:::last\"}]}").toString().getBytes());
    }
    byte[] gzip = bytes.toByteArray();
    // A deflate block of the reserved type 3: zlib stops at once with "invalid block type".
    gzip[10] = (byte) 0xff;
    Path corrupt = Files.write(dir.resolve("corrupt.json.gz"), gzip);
    Path cut =
        Files.write(dir.resolve("cut.json.gz"), java.util.Arrays.copyOf(bytes.toByteArray(), 200));
    Path header = Files.write(dir.resolve("header.json.gz"), new byte[] {0x1f, (byte) 0x8b, 1});

    assertThatThrownBy(() -> InventoryReader.read(List.of(corrupt, cut, header), collected))
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::format)
                    .satisfiesExactly(
                        broken ->
                            assertThat(broken)
                                .matches(
                                    ".*corrupt\\.json\\.gz:[0-9]+:[0-9]+: error: the gzip data is"
                                        + " corrupt or cut short at this point of the uncompressed"
                                        + " text"),
                        cutShort ->
                            assertThat(cutShort)
                                .matches(
                                    ".*cut\\.json\\.gz:[0-9]+:[0-9]+: error: the gzip data is"
                                        + " corrupt or cut short at this point of the uncompressed"
                                        + " text"),
                        badHeader ->
                            assertThat(badHeader)
                                .endsWith(
                                    "header.json.gz:1:1: error: the gzip data is corrupt or cut"
                                        + " short at this point of the uncompressed text")));
  }

  private List<String> problems(Path file) {
    try {
      InventoryReader.read(List.of(file), collected);
    } catch (InputException e) {
      return e.diagnostics().stream().map(Diagnostic::format).toList();
    }
    return List.of();
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
