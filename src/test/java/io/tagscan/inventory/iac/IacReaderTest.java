package io.tagscan.inventory.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagscan.model.InputException;
import io.tagscan.model.PlannedResource;
import io.tagscan.model.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IacReaderTest {

  private static final Path GOLDEN = Paths.get("src/test/resources/golden/check");

  @TempDir Path dir;

  private static Map<String, PlannedResource> byName(IacFile file) {
    return file.resources().stream()
        .collect(Collectors.toMap(r -> r.resource().arn(), Function.identity()));
  }

  @Test
  void readsTheChangesOfAPlanThatCreateOrUpdateTaggableAwsResources() {
    IacFile plan = IacReader.read(GOLDEN.resolve("plan/plan.json"), new TreeMap<>());

    assertThat(plan.kind()).isEqualTo(IacFile.Kind.TERRAFORM_PLAN);
    Map<String, PlannedResource> resources = byName(plan);
    assertThat(resources)
        .containsOnlyKeys(
            "aws_s3_bucket.data",
            "module.ml.aws_sagemaker_endpoint.main",
            "awscc_sagemaker_model.scorer",
            "aws_lambda_function.scorer",
            "aws_db_instance.reports[\"eu\"]",
            "aws_appflow_flow.sync");
    PlannedResource bucket = resources.get("aws_s3_bucket.data");
    assertThat(bucket.resource().resourceType()).isEqualTo("s3:bucket");
    assertThat(bucket.resource().source()).isEqualTo(Source.TERRAFORM_PLAN);
    // tags_all holds the provider's default_tags.
    assertThat(bucket.resource().tags())
        .containsEntry("anycompany:finance:cost-center", "1234")
        .containsEntry("Name", "data");
    assertThat(bucket.location().line()).isEqualTo(1);
    assertThat(bucket.location().column()).isPositive();
    PlannedResource endpoint = resources.get("module.ml.aws_sagemaker_endpoint.main");
    assertThat(endpoint.unknownKeys()).containsExactly("anycompany:finance:owner");
    assertThat(endpoint.moreTagsUnknown()).isFalse();
    assertThat(resources.get("aws_lambda_function.scorer").moreTagsUnknown()).isTrue();
    assertThat(resources.get("awscc_sagemaker_model.scorer").resource().tags())
        .containsEntry("anycompany:workload:environment", "Production");
    assertThat(resources.get("aws_appflow_flow.sync").typeMapped()).isFalse();
    assertThat(plan.unmappedTypes()).containsExactly("aws_appflow_flow");
  }

  @Test
  void readsEveryShortIntrinsicAsAValueKnownOnlyAtDeploy() {
    IacFile template =
        IacReader.read(
            GOLDEN.resolve("template/template.yaml"),
            new TreeMap<>(Map.of("anycompany:finance:owner", "platform")));

    assertThat(template.kind()).isEqualTo(IacFile.Kind.CLOUDFORMATION);
    Map<String, PlannedResource> resources = byName(template);
    PlannedResource bucket = resources.get("DataBucket");
    assertThat(bucket.unknownKeys())
        .containsExactlyInAnyOrder(
            "anycompany:workload:environment",
            "anycompany:finance:cost-center",
            "anycompany:finance:owner",
            "Name");
    assertThat(bucket.location().line()).isEqualTo(23);
    assertThat(bucket.location().column()).isEqualTo(7);
    // No Tags: placed at the resource, and carrying the stack's tags.
    PlannedResource endpoint = resources.get("Endpoint");
    assertThat(endpoint.location().line()).isEqualTo(32);
    assertThat(endpoint.resource().tags()).containsEntry("anycompany:finance:owner", "platform");
    assertThat(resources.get("EndpointConfig").moreTagsUnknown()).isTrue();
    assertThat(resources.get("Config").resource().tags())
        .containsEntry("anycompany:finance:cost-center", "5678");
    assertThat(resources.get("Network").resource().resourceType())
        .isEqualTo("cloudformation:stack");
    assertThat(resources).doesNotContainKey("InvokePermission");
    assertThat(template.untaggableTypes()).containsExactly("AWS::Lambda::Permission");
    assertThat(template.unmappedTypes()).containsExactly("Custom::Widget");
  }

  @Test
  void readsLongFormIntrinsicsOfAJsonTemplateAndSamGlobals() {
    Map<String, PlannedResource> json =
        byName(IacReader.read(GOLDEN.resolve("sam-json/template.json"), new TreeMap<>()));
    assertThat(json.get("Queue").unknownKeys())
        .containsExactlyInAnyOrder("anycompany:workload:environment", "anycompany:finance:owner");
    assertThat(json.get("Queue").location().line()).isEqualTo(7);

    Map<String, PlannedResource> sam =
        byName(IacReader.read(GOLDEN.resolve("sam-json/sam.yaml"), new TreeMap<>()));
    assertThat(sam.get("Scorer").resource().resourceType()).isEqualTo("lambda:function");
    assertThat(sam.get("Scorer").resource().tags())
        .containsEntry("anycompany:finance:cost-center", "1234")
        .containsEntry("anycompany:workload:environment", "prod");
  }

  @Test
  void refusesAFileOfNeitherKindNamingItsPlace() throws IOException {
    Path manifest = write("configmap.yaml", "apiVersion: v1\nkind: ConfigMap\n");

    assertThatThrownBy(() -> IacReader.read(manifest, new TreeMap<>()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(manifest + ":1:1: error: neither a Terraform plan");
  }

  @Test
  void refusesATagKeyGivenTwiceAtItsPlace() throws IOException {
    Path template =
        write(
            "t.yaml",
            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n"
                + "        - {Key: a, Value: x}\n        - {Key: a, Value: y}\n");

    assertThatThrownBy(() -> IacReader.read(template, new TreeMap<>()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(":7:17: error: the tag key 'a' is given twice");
  }

  @Test
  void readsStackTagsAsTheAwsCliTakesThem() throws IOException {
    Path file = write("tags.json", "[{\"Key\":\"a\",\"Value\":\"1\"},\"b=2=3\"]");

    assertThat(StackTags.read(file)).containsExactly(Map.entry("a", "1"), Map.entry("b", "2=3"));
    assertThat(StackTags.parse("a=1,b=")).containsExactly(Map.entry("a", "1"), Map.entry("b", ""));
    assertThatThrownBy(() -> StackTags.read(write("bad.json", "{\"a\": 1}")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad.json:1:1: error: expected a list");
  }

  @Test
  void mapsEveryFamilyTheIssueNamesInAllThreeForms() {
    assertThat(IacTypes.of("aws_sagemaker_endpoint")).isEqualTo("sagemaker:endpoint");
    assertThat(IacTypes.of("awscc_sagemaker_endpoint")).isEqualTo("sagemaker:endpoint");
    assertThat(IacTypes.of("AWS::SageMaker::Endpoint")).isEqualTo("sagemaker:endpoint");
    for (String family : new String[] {"SageMaker", "EC2", "S3", "Lambda", "RDS", "IAM", "Logs"}) {
      assertThat(IacTypes.all().keySet()).anyMatch(t -> t.startsWith("AWS::" + family + "::"));
      assertThat(IacTypes.all().keySet())
          .anyMatch(t -> t.startsWith("awscc_" + family.toLowerCase(java.util.Locale.ROOT) + "_"));
    }
    assertThat(IacTypes.of("aws_iam_role_policy_attachment")).isNull();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
