package io.tagscan.inventory.aws;

import io.tagscan.inventory.aws.SageMakerKind.BuiltArn;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.ClusterSummary;
import software.amazon.awssdk.services.sagemaker.model.EndpointConfigSummary;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentSummary;
import software.amazon.awssdk.services.sagemaker.model.InferenceRecommendationsJob;
import software.amazon.awssdk.services.sagemaker.model.ListAppsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListClustersResponse;
import software.amazon.awssdk.services.sagemaker.model.ListEndpointConfigsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListInferenceComponentsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListInferenceRecommendationsJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListMlflowTrackingServersResponse;
import software.amazon.awssdk.services.sagemaker.model.ListMonitoringSchedulesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListNotebookInstancesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListProcessingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTransformJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesResponse;
import software.amazon.awssdk.services.sagemaker.model.MonitoringScheduleSummary;
import software.amazon.awssdk.services.sagemaker.model.NotebookInstanceSummary;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.awssdk.services.sagemaker.model.TrackingServerSummary;
import software.amazon.awssdk.services.sagemaker.model.TransformJobSummary;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;

/**
 * Every kind of SageMaker resource found after the domains, one declaration each: those {@code
 * Search} returns with their tags ({@link SageMakerSearches}), then those listed whose tags {@code
 * ListTags} reads. Adding a kind is one entry here or there, its action in the README's IAM policy,
 * and a wire test.
 */
final class SageMakerKinds {

  /** The most summaries a list page may hold. */
  static final int PAGE_SIZE = 100;

  private static final boolean WINDOWED = true;
  private static final boolean ALL = false;

  /**
   * The kinds {@code Search} does not cover, listed; the user profiles, spaces and apps come back
   * without an ARN, so theirs is built.
   */
  static final List<SageMakerKind<?, ?>> LISTED =
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

  /**
   * Every kind, the searched first: they hold the kinds an account keeps most of (models,
   * endpoints, training jobs), so their longer listings start first.
   */
  static final List<SageMakerKind<?, ?>> ALL_KINDS =
      Stream.concat(SageMakerSearches.ALL.stream(), LISTED.stream()).toList();

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
