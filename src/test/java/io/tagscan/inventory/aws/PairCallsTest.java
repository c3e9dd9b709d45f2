package io.tagscan.inventory.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListModelsRequest;

/** A pair's view of a shared client, at wire level: every request signed as the pair's account. */
class PairCallsTest {

  private static final String PAIR_KEY = FakeAws.roleKey("111111111111");

  private FakeAws fake;
  private SageMakerClient shared;

  @BeforeEach
  void start() {
    fake = new FakeAws();
    shared =
        SageMakerClient.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(FakeAws.CALLER_KEY, "caller-secret")))
            .endpointOverride(fake.endpoint())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
  }

  @AfterEach
  void stop() {
    shared.close();
    fake.stop();
  }

  private SageMakerClient view() {
    return PairCalls.view(
        SageMakerClient.class,
        shared,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(PAIR_KEY, "pair-secret")),
        ClientSettings.retryingWithoutWaits(2).get(),
        "111111111111/eu-west-1");
  }

  @Test
  void signsCallsBuilderOverloadsAndEveryPageWithThePairsCredentials() {
    fake.sagemaker(
        PAIR_KEY,
        "eu-west-1",
        "ListModels",
        null,
        "{\"Models\":[{\"ModelName\":\"a\",\"ModelArn\":\"arn:aws:sagemaker:eu-west-1:111111111111:model/a\","
            + "\"CreationTime\":1.7E9}],\"NextToken\":\"t2\"}");
    fake.sagemaker(
        PAIR_KEY,
        "eu-west-1",
        "ListModels",
        "t2",
        "{\"Models\":[{\"ModelName\":\"b\",\"ModelArn\":\"arn:aws:sagemaker:eu-west-1:111111111111:model/b\","
            + "\"CreationTime\":1.7E9}]}");
    SageMakerClient view = view();

    List<String> names =
        view.listModelsPaginator(ListModelsRequest.builder().build()).models().stream()
            .map(model -> model.modelName())
            .toList();
    view.listDomains(request -> request.maxResults(10));
    view.close();
    // Closing the view leaves the shared client open.
    shared.listDomains(request -> request.maxResults(10));

    assertThat(names).containsExactly("a", "b");
    assertThat(view.serviceName()).isEqualTo(shared.serviceName());
    fake.server.verify(
        2,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListModels"))
            .withHeader(
                "Authorization",
                matching(FakeAws.credentialScope(PAIR_KEY, "eu-west-1", "sagemaker"))));
    fake.server.verify(
        1,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListDomains"))
            .withHeader(
                "Authorization",
                matching(FakeAws.credentialScope(PAIR_KEY, "eu-west-1", "sagemaker"))));
    fake.server.verify(
        1,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("SageMaker.ListDomains"))
            .withHeader(
                "Authorization",
                matching(FakeAws.credentialScope(FakeAws.CALLER_KEY, "eu-west-1", "sagemaker"))));
  }
}
