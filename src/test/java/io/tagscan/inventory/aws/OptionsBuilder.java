package io.tagscan.inventory.aws;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds {@link AwsOptions} for tests, starting from what the command line gives by default. */
final class OptionsBuilder {

  String profile;
  String region = "us-east-1";
  URI endpointUrl;
  String roleName;
  String roleArn;
  String externalId;
  String roleSessionName = "tagscan";
  Duration roleDuration = Duration.ofHours(1);
  List<String> regions = List.of();
  boolean allRegions;
  List<String> accounts = List.of();
  Path accountsFile;
  boolean org;
  List<String> ous = List.of();
  List<String> excludeAccounts = List.of();
  List<String> resourceTypes = List.of();
  int concurrency = 16;
  boolean sagemaker = true;
  Duration sagemakerSince = Duration.ofDays(90);

  static OptionsBuilder against(URI endpoint) {
    OptionsBuilder builder = new OptionsBuilder();
    builder.endpointUrl = endpoint;
    return builder;
  }

  OptionsBuilder region(String value) {
    region = value;
    return this;
  }

  OptionsBuilder regions(String... values) {
    regions = List.of(values);
    return this;
  }

  OptionsBuilder role(String name) {
    roleName = name;
    return this;
  }

  OptionsBuilder roleArn(String template) {
    roleArn = template;
    return this;
  }

  OptionsBuilder externalId(String value) {
    externalId = value;
    return this;
  }

  OptionsBuilder accounts(String... values) {
    accounts = List.of(values);
    return this;
  }

  OptionsBuilder accountsFile(Path file) {
    accountsFile = file;
    return this;
  }

  OptionsBuilder org() {
    org = true;
    return this;
  }

  OptionsBuilder ous(String... values) {
    ous = List.of(values);
    return this;
  }

  OptionsBuilder exclude(String... values) {
    excludeAccounts = List.of(values);
    return this;
  }

  OptionsBuilder resourceTypes(String... values) {
    resourceTypes = List.of(values);
    return this;
  }

  OptionsBuilder concurrency(int value) {
    concurrency = value;
    return this;
  }

  OptionsBuilder noSagemaker() {
    sagemaker = false;
    return this;
  }

  OptionsBuilder sagemakerSince(Duration value) {
    sagemakerSince = value;
    return this;
  }

  OptionsBuilder endpoint(URI value) {
    endpointUrl = value;
    return this;
  }

  AwsOptions build() {
    return new AwsOptions(
        profile,
        region,
        endpointUrl,
        roleName,
        roleArn,
        externalId,
        roleSessionName,
        roleDuration,
        regions,
        allRegions,
        accounts,
        accountsFile,
        org,
        ous,
        excludeAccounts,
        resourceTypes,
        concurrency,
        sagemaker,
        sagemakerSince);
  }
}
