package io.tagscan.inventory.aws;

import java.util.Map;
import software.amazon.awssdk.services.sagemaker.model.EndpointSummary;
import software.amazon.awssdk.services.sagemaker.model.FeatureGroupSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListFeatureGroupsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListHyperParameterTuningJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListModelPackageGroupsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListModelPackagesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListModelsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListPipelinesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageGroupSummary;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageSummary;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageType;
import software.amazon.awssdk.services.sagemaker.model.ModelSummary;
import software.amazon.awssdk.services.sagemaker.model.PipelineSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceType;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

/**
 * The listing of each kind SageMaker's {@code Search} covers, used only when the search itself is
 * refused ({@code AccessDeniedException}, or a {@code ValidationException} from a region that does
 * not search that type): a role written before tagscan searched keeps the {@code List*} actions it
 * was given, and its scan stays whole, one {@code ListTags} call a resource as before.
 */
final class SageMakerSearchFallbacks {

  private static final int PAGE_SIZE = SageMakerKinds.PAGE_SIZE;
  private static final boolean WINDOWED = true;
  private static final boolean ALL = false;

  /** By the search's operation ({@code Search:Endpoint}), the kind's listing. */
  static final Map<String, SageMakerKind<?, ?>> BY_SEARCH =
      Map.ofEntries(
          Map.entry(
              SageMakerSearches.operation(ResourceType.ENDPOINT),
              new SageMakerKind<ListEndpointsResponse, EndpointSummary>(
                  "ListEndpoints",
                  (client, after) -> client.listEndpointsPaginator(r -> r.maxResults(PAGE_SIZE)),
                  ListEndpointsResponse::endpoints,
                  ListEndpointsResponse::nextToken,
                  EndpointSummary::endpointName,
                  EndpointSummary::endpointArn,
                  EndpointSummary::endpointStatusAsString,
                  EndpointSummary::creationTime,
                  ALL,
                  null)),
          Map.entry(
              SageMakerSearches.operation(ResourceType.MODEL),
              new SageMakerKind<ListModelsResponse, ModelSummary>(
                  "ListModels",
                  (client, after) -> client.listModelsPaginator(r -> r.maxResults(PAGE_SIZE)),
                  ListModelsResponse::models,
                  ListModelsResponse::nextToken,
                  ModelSummary::modelName,
                  ModelSummary::modelArn,
                  null,
                  ModelSummary::creationTime,
                  ALL,
                  null)),
          Map.entry(
              SageMakerSearches.operation(ResourceType.MODEL_PACKAGE_GROUP),
              new SageMakerKind<ListModelPackageGroupsResponse, ModelPackageGroupSummary>(
                  "ListModelPackageGroups",
                  (client, after) ->
                      client.listModelPackageGroupsPaginator(r -> r.maxResults(PAGE_SIZE)),
                  ListModelPackageGroupsResponse::modelPackageGroupSummaryList,
                  ListModelPackageGroupsResponse::nextToken,
                  ModelPackageGroupSummary::modelPackageGroupName,
                  ModelPackageGroupSummary::modelPackageGroupArn,
                  ModelPackageGroupSummary::modelPackageGroupStatusAsString,
                  ModelPackageGroupSummary::creationTime,
                  ALL,
                  null)),
          Map.entry(
              SageMakerSearches.operation(ResourceType.MODEL_PACKAGE),
              // Without a type SageMaker lists only the packages outside any group.
              new SageMakerKind<ListModelPackagesResponse, ModelPackageSummary>(
                  "ListModelPackages",
                  (client, after) ->
                      client.listModelPackagesPaginator(
                          r -> r.maxResults(PAGE_SIZE).modelPackageType(ModelPackageType.BOTH)),
                  ListModelPackagesResponse::modelPackageSummaryList,
                  ListModelPackagesResponse::nextToken,
                  ModelPackageSummary::modelPackageName,
                  ModelPackageSummary::modelPackageArn,
                  ModelPackageSummary::modelPackageStatusAsString,
                  ModelPackageSummary::creationTime,
                  ALL,
                  null)),
          Map.entry(
              SageMakerSearches.operation(ResourceType.PIPELINE),
              new SageMakerKind<ListPipelinesResponse, PipelineSummary>(
                  "ListPipelines",
                  (client, after) -> client.listPipelinesPaginator(r -> r.maxResults(PAGE_SIZE)),
                  ListPipelinesResponse::pipelineSummaries,
                  ListPipelinesResponse::nextToken,
                  PipelineSummary::pipelineName,
                  PipelineSummary::pipelineArn,
                  null,
                  PipelineSummary::creationTime,
                  ALL,
                  null)),
          Map.entry(
              SageMakerSearches.operation(ResourceType.FEATURE_GROUP),
              new SageMakerKind<ListFeatureGroupsResponse, FeatureGroupSummary>(
                  "ListFeatureGroups",
                  (client, after) ->
                      client.listFeatureGroupsPaginator(r -> r.maxResults(PAGE_SIZE)),
                  ListFeatureGroupsResponse::featureGroupSummaries,
                  ListFeatureGroupsResponse::nextToken,
                  FeatureGroupSummary::featureGroupName,
                  FeatureGroupSummary::featureGroupArn,
                  FeatureGroupSummary::featureGroupStatusAsString,
                  FeatureGroupSummary::creationTime,
                  ALL,
                  null)),
          Map.entry(
              SageMakerSearches.operation(ResourceType.TRAINING_JOB),
              new SageMakerKind<ListTrainingJobsResponse, TrainingJobSummary>(
                  "ListTrainingJobs",
                  (client, after) ->
                      client.listTrainingJobsPaginator(
                          r -> r.maxResults(PAGE_SIZE).creationTimeAfter(after)),
                  ListTrainingJobsResponse::trainingJobSummaries,
                  ListTrainingJobsResponse::nextToken,
                  TrainingJobSummary::trainingJobName,
                  TrainingJobSummary::trainingJobArn,
                  TrainingJobSummary::trainingJobStatusAsString,
                  TrainingJobSummary::creationTime,
                  WINDOWED,
                  null)),
          Map.entry(
              SageMakerSearches.operation(ResourceType.HYPER_PARAMETER_TUNING_JOB),
              new SageMakerKind<
                  ListHyperParameterTuningJobsResponse, HyperParameterTuningJobSummary>(
                  "ListHyperParameterTuningJobs",
                  (client, after) ->
                      client.listHyperParameterTuningJobsPaginator(
                          r -> r.maxResults(PAGE_SIZE).creationTimeAfter(after)),
                  ListHyperParameterTuningJobsResponse::hyperParameterTuningJobSummaries,
                  ListHyperParameterTuningJobsResponse::nextToken,
                  HyperParameterTuningJobSummary::hyperParameterTuningJobName,
                  HyperParameterTuningJobSummary::hyperParameterTuningJobArn,
                  HyperParameterTuningJobSummary::hyperParameterTuningJobStatusAsString,
                  HyperParameterTuningJobSummary::creationTime,
                  WINDOWED,
                  null)));

  private SageMakerSearchFallbacks() {}
}
