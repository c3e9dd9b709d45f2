package io.tagscan.bench;

import io.tagscan.report.CsvLayout;
import io.tagscan.report.ReportFormat;
import io.tagscan.report.ReportOptions;
import io.tagscan.scan.CheckRequest;
import io.tagscan.scan.CheckService;
import io.tagscan.scan.ScanOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;

/**
 * The harness of {@code tagscan check}'s figures: generates (once, under target/bench/) a Terraform
 * plan of N resource changes shaped as {@code terraform show -json} writes them (default tags,
 * unknown values, modules, AWSCC lists, deletes) and a CloudFormation template of M resources
 * (every short intrinsic among their tags), then checks each R times in this JVM against the root
 * dictionary, writing JSON and SARIF, and prints the wall and CPU time of every round: the first
 * includes loading tagscan's classes, the later ones are the check itself.
 *
 * <p>{@code ./mvnw -q -Pbench test-compile exec:exec@iac-check} (-Dbench.changes=N
 * -Dbench.templateResources=M -Dbench.rounds=R).
 */
public final class IacCheckHarness {

  private static final String[] TYPES = {
    "aws_s3_bucket", "aws_instance", "aws_sagemaker_endpoint", "aws_lambda_function",
    "aws_db_instance", "aws_cloudwatch_log_group", "aws_iam_role", "aws_ebs_volume"
  };

  private IacCheckHarness() {}

  public static void main(String[] args) throws Exception {
    int changes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int resources = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path dir = Paths.get("target/bench");
    Files.createDirectories(dir);
    Path plan = dir.resolve("plan-" + changes + ".json");
    Path template = dir.resolve("template-" + resources + ".yaml");
    if (!Files.exists(plan)) {
      writePlan(plan, changes);
    }
    if (!Files.exists(template)) {
      writeTemplate(template, resources);
    }
    System.out.printf(
        "plan: %,d changes, %,d bytes; template: %,d resources, %,d bytes%n",
        changes, Files.size(plan), resources, Files.size(template));
    for (int round = 1; round <= rounds; round++) {
      measure("plan", plan, dir.resolve("out-plan"), round);
      measure("template", template, dir.resolve("out-template"), round);
    }
  }

  private static void measure(String what, Path file, Path out, int round) {
    long cpu0 = processCpu();
    long start = System.nanoTime();
    ScanOutcome outcome =
        CheckService.run(
            new CheckRequest(
                Paths.get("tag-dictionary.yaml"),
                null,
                List.of(file),
                new TreeMap<>(),
                new ReportOptions(
                    EnumSet.of(ReportFormat.JSON, ReportFormat.SARIF),
                    out,
                    CsvLayout.FINDINGS,
                    null,
                    50,
                    false),
                Clock.systemUTC()),
            new PrintWriter(Writer.nullWriter()));
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (processCpu() - cpu0) / 1e9;
    System.out.printf(
        "round %d %-8s %,6d resources %,7d findings: %.3f s wall, %.3f s CPU%n",
        round,
        what,
        outcome.summary().resources(),
        outcome.summary().findings(),
        wall,
        cpu);
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void writePlan(Path file, int changes) throws IOException {
    StringBuilder json = new StringBuilder(changes * 700);
    json.append("{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\",\"resource_changes\":[");
    for (int i = 0; i < changes; i++) {
      if (i > 0) {
        json.append(',');
      }
      String type = TYPES[i % TYPES.length];
      String address = (i % 3 == 0 ? "module.m" + (i % 17) + "." : "") + type + ".r" + i;
      String actions = i % 20 == 0 ? "\"delete\"" : i % 5 == 0 ? "\"update\"" : "\"create\"";
      String env = i % 7 == 0 ? "Production" : "production";
      json.append("{\"address\":\"").append(address).append("\",\"mode\":\"managed\",\"type\":\"")
          .append(type).append("\",\"name\":\"r").append(i)
          .append("\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{")
          .append("\"actions\":[").append(actions).append("],\"before\":null,\"after\":{")
          .append("\"name\":\"r").append(i).append("\",\"tags\":{\"Name\":\"r").append(i)
          .append("\"},\"tags_all\":{\"Name\":\"r").append(i)
          .append("\",\"anycompany:workload:environment\":\"").append(env)
          .append("\",\"anycompany:finance:cost-center\":\"Sales-").append(1000 + i % 9000)
          .append("\",\"anycompany:finance:owner\":\"team-").append(i % 40)
          .append("\",\"anycompany:workload:application-id\":\"app-").append(i % 300)
          .append("\"}},\"after_unknown\":{\"arn\":true,\"id\":true,\"tags\":{},\"tags_all\":")
          .append(i % 11 == 0 ? "{\"anycompany:finance:business-unit\":true}" : "{}")
          .append("}}}");
    }
    json.append("]}\n");
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }

  private static void writeTemplate(Path file, int resources) throws IOException {
    StringBuilder yaml = new StringBuilder(resources * 400);
    yaml.append("AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Env: {Type: String}\n")
        .append("Resources:\n");
    String[] types = {"AWS::S3::Bucket", "AWS::EC2::Instance", "AWS::SageMaker::Model",
      "AWS::Lambda::Function", "AWS::Logs::LogGroup", "AWS::IAM::Role"};
    for (int i = 0; i < resources; i++) {
      yaml.append("  R").append(i).append(":\n    Type: ").append(types[i % types.length])
          .append("\n    Properties:\n      Name: !Sub \"r-${Env}-").append(i).append("\"\n")
          .append("      Tags:\n")
          .append("        - Key: anycompany:workload:environment\n          Value: ")
          .append(i % 4 == 0 ? "!Ref Env" : "production").append('\n')
          .append("        - Key: anycompany:finance:cost-center\n          Value: \"")
          .append(1000 + i % 9000).append("\"\n")
          .append("        - Key: anycompany:finance:owner\n          Value: !Join [\"-\", [team, ")
          .append(i % 40).append("]]\n")
          .append("        - Key: CostCenter\n          Value: !Select [0, !Split [\",\", \"a,b\"]]\n");
    }
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
  }
}
