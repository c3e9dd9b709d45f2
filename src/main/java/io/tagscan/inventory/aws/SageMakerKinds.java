package io.tagscan.inventory.aws;

import io.tagscan.inventory.aws.SageMakerKind.BuiltArn;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.ClusterSummary;
import software.amazon.awssdk.services.sagemaker.model.EndpointConfigSummary;
import software.amazon.awssdk.services.sagemaker.model.EndpointSummary;
import software.amazon.awssdk.services.sagemaker.model.FeatureGroupSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobSummary;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentSummary;
import software.amazon.awssdk.services.sagemaker.model.InferenceRecommendationsJob;
import software.amazon.awssdk.services.sagemaker.model.ListAppsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListClustersResponse;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointConfigsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListFeatureGroupsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListHyperParameterTuningJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListInferenceComponentsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListInferenceRecommendationsJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListMlflowTrackingServersResponse;
import software.amazon.awssdk.services.sagemaker.model.ListModelPackageGroupsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListModelPackagesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListModelsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListMonitoringSchedulesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListNotebookInstancesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListPipelinesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListProcessingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTransformJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageGroupSummary;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageSummary;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageType;
import software.amazon.awssdk.services.sagemaker.model.ModelSummary;
import software.amazon.awssdk.services.sagemaker.model.MonitoringScheduleSummary;
import software.amazon.awssdk.services.sagemaker.model.NotebookInstanceSummary;
import software.amazon.awssdk.services.sagemaker.model.PipelineSummary;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.awssdk.services.sagemaker.model.TrackingServerSummary;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.TransformJobSummary;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;

/**
 * Every kind of SageMaker resource listed after the domains, one declaration each, in listing
 * order. Adding a kind is one entry here, its action in the README's IAM policy, and a wire test.
 */
final class SageMakerKinds {

  /** The most summaries a list page may hold. */
  static final int PAGE_SIZE = 100;

  private static final boolean WINDOWED = true;
  private static final boolean ALL = false;

  /**
   * Every kind; the user profiles, spaces and apps come back without an ARN, so theirs is built.
   */
  static final List<SageMakerKind<?, ?>> ALL_KINDS =
      List.of(
          new SageMakerKind<ListUserProfilesResponse, UserProfileDetails>(
              "ListUserProfiles",
              (client, after) -> client.listUserProfilesPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListUserProfilesResponse::userProfiles,
              ListUserProfilesResponse::nextToken,
              UserProfileDetails::userProfileName,
              null,
              UserProfileDetails::statusAsString,
              UserProfileDetails::creationTime,
              ALL,
              new BuiltArn<>("user-profile", List.of(UserProfileDetails::domainId))),
          new SageMakerKind<ListSpacesResponse, SpaceDetails>(
              "ListSpaces",
              (client, after) -> client.listSpacesPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListSpacesResponse::spaces,
              ListSpacesResponse::nextToken,
              SpaceDetails::spaceName,
              null,
              SpaceDetails::statusAsString,
              SpaceDetails::creationTime,
              ALL,
              new BuiltArn<>("space", List.of(SpaceDetails::domainId))),
          new SageMakerKind<ListAppsResponse, AppDetails>(
              "ListApps",
              (client, after) -> client.listAppsPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListAppsResponse::apps,
              ListAppsResponse::nextToken,
              AppDetails::appName,
              null,
              AppDetails::statusAsString,
              AppDetails::creationTime,
              ALL,
              new BuiltArn<>(
                  "app",
                  List.of(
                      AppDetails::domainId, SageMakerKinds::appOwner, SageMakerKinds::appType))),
          new SageMakerKind<ListNotebookInstancesResponse, NotebookInstanceSummary>(
              "ListNotebookInstances",
              (client, after) ->
                  client.listNotebookInstancesPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListNotebookInstancesResponse::notebookInstances,
              ListNotebookInstancesResponse::nextToken,
              NotebookInstanceSummary::notebookInstanceName,
              NotebookInstanceSummary::notebookInstanceArn,
              NotebookInstanceSummary::notebookInstanceStatusAsString,
              NotebookInstanceSummary::creationTime,
              ALL,
              null),
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
              null),
          new SageMakerKind<ListEndpointConfigsResponse, EndpointConfigSummary>(
              "ListEndpointConfigs",
              (client, after) -> client.listEndpointConfigsPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListEndpointConfigsResponse::endpointConfigs,
              ListEndpointConfigsResponse::nextToken,
              EndpointConfigSummary::endpointConfigName,
              EndpointConfigSummary::endpointConfigArn,
              null,
              EndpointConfigSummary::creationTime,
              ALL,
              null),
          new SageMakerKind<ListInferenceComponentsResponse, InferenceComponentSummary>(
              "ListInferenceComponents",
              (client, after) ->
                  client.listInferenceComponentsPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListInferenceComponentsResponse::inferenceComponents,
              ListInferenceComponentsResponse::nextToken,
              InferenceComponentSummary::inferenceComponentName,
              InferenceComponentSummary::inferenceComponentArn,
              InferenceComponentSummary::inferenceComponentStatusAsString,
              InferenceComponentSummary::creationTime,
              ALL,
              null),
          new SageMakerKind<ListMonitoringSchedulesResponse, MonitoringScheduleSummary>(
              "ListMonitoringSchedules",
              (client, after) ->
                  client.listMonitoringSchedulesPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListMonitoringSchedulesResponse::monitoringScheduleSummaries,
              ListMonitoringSchedulesResponse::nextToken,
              MonitoringScheduleSummary::monitoringScheduleName,
              MonitoringScheduleSummary::monitoringScheduleArn,
              MonitoringScheduleSummary::monitoringScheduleStatusAsString,
              MonitoringScheduleSummary::creationTime,
              ALL,
              null),
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
              null),
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
              null),
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
              null),
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
              null),
          new SageMakerKind<ListFeatureGroupsResponse, FeatureGroupSummary>(
              "ListFeatureGroups",
              (client, after) -> client.listFeatureGroupsPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListFeatureGroupsResponse::featureGroupSummaries,
              ListFeatureGroupsResponse::nextToken,
              FeatureGroupSummary::featureGroupName,
              FeatureGroupSummary::featureGroupArn,
              FeatureGroupSummary::featureGroupStatusAsString,
              FeatureGroupSummary::creationTime,
              ALL,
              null),
          new SageMakerKind<ListClustersResponse, ClusterSummary>(
              "ListClusters",
              (client, after) -> client.listClustersPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListClustersResponse::clusterSummaries,
              ListClustersResponse::nextToken,
              ClusterSummary::clusterName,
              ClusterSummary::clusterArn,
              ClusterSummary::clusterStatusAsString,
              ClusterSummary::creationTime,
              ALL,
              null),
          new SageMakerKind<ListMlflowTrackingServersResponse, TrackingServerSummary>(
              "ListMlflowTrackingServers",
              (client, after) ->
                  client.listMlflowTrackingServersPaginator(r -> r.maxResults(PAGE_SIZE)),
              ListMlflowTrackingServersResponse::trackingServerSummaries,
              ListMlflowTrackingServersResponse::nextToken,
              TrackingServerSummary::trackingServerName,
              TrackingServerSummary::trackingServerArn,
              TrackingServerSummary::trackingServerStatusAsString,
              TrackingServerSummary::creationTime,
              ALL,
              null),
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
              null),
          new SageMakerKind<ListProcessingJobsResponse, ProcessingJobSummary>(
              "ListProcessingJobs",
              (client, after) ->
                  client.listProcessingJobsPaginator(
                      r -> r.maxResults(PAGE_SIZE).creationTimeAfter(after)),
              ListProcessingJobsResponse::processingJobSummaries,
              ListProcessingJobsResponse::nextToken,
              ProcessingJobSummary::processingJobName,
              ProcessingJobSummary::processingJobArn,
              ProcessingJobSummary::processingJobStatusAsString,
              ProcessingJobSummary::creationTime,
              WINDOWED,
              null),
          new SageMakerKind<ListTransformJobsResponse, TransformJobSummary>(
              "ListTransformJobs",
              (client, after) ->
                  client.listTransformJobsPaginator(
                      r -> r.maxResults(PAGE_SIZE).creationTimeAfter(after)),
              ListTransformJobsResponse::transformJobSummaries,
              ListTransformJobsResponse::nextToken,
              TransformJobSummary::transformJobName,
              TransformJobSummary::transformJobArn,
              TransformJobSummary::transformJobStatusAsString,
              TransformJobSummary::creationTime,
              WINDOWED,
              null),
          new SageMakerKind<ListHyperParameterTuningJobsResponse, HyperParameterTuningJobSummary>(
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
              null),
          new SageMakerKind<ListInferenceRecommendationsJobsResponse, InferenceRecommendationsJob>(
              "ListInferenceRecommendationsJobs",
              (client, after) ->
                  client.listInferenceRecommendationsJobsPaginator(
                      r -> r.maxResults(PAGE_SIZE).creationTimeAfter(after)),
              ListInferenceRecommendationsJobsResponse::inferenceRecommendationsJobs,
              ListInferenceRecommendationsJobsResponse::nextToken,
              InferenceRecommendationsJob::jobName,
              InferenceRecommendationsJob::jobArn,
              InferenceRecommendationsJob::statusAsString,
              InferenceRecommendationsJob::creationTime,
              WINDOWED,
              null));

  private SageMakerKinds() {}

  /** The user profile that owns the app, else its space. */
  private static String appOwner(AppDetails app) {
    return app.userProfileName() != null ? app.userProfileName() : app.spaceName();
  }

  private static String appType(AppDetails app) {
    String type = app.appTypeAsString();
    return type == null ? null : type.toLowerCase(Locale.ROOT);
  }
}
