package io.tagscan.inventory.aws;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.sagemaker.model.Endpoint;
import software.amazon.awssdk.services.sagemaker.model.FeatureGroup;
import software.amazon.awssdk.services.sagemaker.model.Filter;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobSearchEntity;
import software.amazon.awssdk.services.sagemaker.model.Model;
import software.amazon.awssdk.services.sagemaker.model.ModelPackage;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageGroup;
import software.amazon.awssdk.services.sagemaker.model.Operator;
import software.amazon.awssdk.services.sagemaker.model.Pipeline;
import software.amazon.awssdk.services.sagemaker.model.ResourceType;
import software.amazon.awssdk.services.sagemaker.model.SearchRecord;
import software.amazon.awssdk.services.sagemaker.model.SearchRequest;
import software.amazon.awssdk.services.sagemaker.model.SearchResponse;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingJob;

/**
 * The kinds of SageMaker resource that {@code Search} returns with their ARN and their tags, one
 * declaration each: one paged call, 100 resources a page, in place of a listing and a {@code
 * ListTags} call for each resource the Tagging API did not return.
 *
 * <p>Each record of a {@code Search} answer holds one member named after the resource type ({@code
 * {"Endpoint": {...}}}); a model's is the model dashboard's entry, whose {@code Model} member is
 * the model itself. Jobs follow {@code --sagemaker-since} through a {@code CreationTime} filter.
 */
final class SageMakerSearches {

  /** {@code Search} returns at most 100 records a page. */
  static final int PAGE_SIZE = 100;

  /** The operation, as errors name it, is {@code Search:} followed by the resource type. */
  static final String OPERATION = "Search";

  private static final boolean WINDOWED = true;
  private static final boolean ALL_TIME = false;

  static final List<SageMakerKind<?, ?>> ALL =
      List.of(
          search(
              ResourceType.ENDPOINT,
              SearchRecord::endpoint,
              Endpoint::endpointName,
              Endpoint::endpointArn,
              Endpoint::endpointStatusAsString,
              Endpoint::creationTime,
              Endpoint::tags,
              ALL_TIME),
          search(
              ResourceType.MODEL,
              record -> record.model() == null ? null : record.model().model(),
              Model::modelName,
              Model::modelArn,
              null,
              Model::creationTime,
              Model::tags,
              ALL_TIME),
          search(
              ResourceType.MODEL_PACKAGE_GROUP,
              SearchRecord::modelPackageGroup,
              ModelPackageGroup::modelPackageGroupName,
              ModelPackageGroup::modelPackageGroupArn,
              ModelPackageGroup::modelPackageGroupStatusAsString,
              ModelPackageGroup::creationTime,
              ModelPackageGroup::tags,
              ALL_TIME),
          // Search returns model packages inside and outside groups alike.
          search(
              ResourceType.MODEL_PACKAGE,
              SearchRecord::modelPackage,
              ModelPackage::modelPackageName,
              ModelPackage::modelPackageArn,
              ModelPackage::modelPackageStatusAsString,
              ModelPackage::creationTime,
              ModelPackage::tags,
              ALL_TIME),
          search(
              ResourceType.PIPELINE,
              SearchRecord::pipeline,
              Pipeline::pipelineName,
              Pipeline::pipelineArn,
              Pipeline::pipelineStatusAsString,
              Pipeline::creationTime,
              Pipeline::tags,
              ALL_TIME),
          search(
              ResourceType.FEATURE_GROUP,
              SearchRecord::featureGroup,
              FeatureGroup::featureGroupName,
              FeatureGroup::featureGroupArn,
              FeatureGroup::featureGroupStatusAsString,
              FeatureGroup::creationTime,
              FeatureGroup::tags,
              ALL_TIME),
          search(
              ResourceType.TRAINING_JOB,
              SearchRecord::trainingJob,
              TrainingJob::trainingJobName,
              TrainingJob::trainingJobArn,
              TrainingJob::trainingJobStatusAsString,
              TrainingJob::creationTime,
              TrainingJob::tags,
              WINDOWED),
          search(
              ResourceType.HYPER_PARAMETER_TUNING_JOB,
              SearchRecord::hyperParameterTuningJob,
              HyperParameterTuningJobSearchEntity::hyperParameterTuningJobName,
              HyperParameterTuningJobSearchEntity::hyperParameterTuningJobArn,
              HyperParameterTuningJobSearchEntity::hyperParameterTuningJobStatusAsString,
              HyperParameterTuningJobSearchEntity::creationTime,
              HyperParameterTuningJobSearchEntity::tags,
              WINDOWED));

  private SageMakerSearches() {}

  /** The operation a search of this resource type is named by in errors. */
  static String operation(ResourceType type) {
    return OPERATION + ":" + type;
  }

  private static <S> SageMakerKind<SearchResponse, S> search(
      ResourceType type,
      Function<SearchRecord, S> entity,
      Function<S, String> name,
      Function<S, String> arn,
      Function<S, String> status,
      Function<S, Instant> creationTime,
      Function<S, List<Tag>> tags,
      boolean windowed) {
    return new SageMakerKind<>(
        operation(type),
        (client, after) -> client.searchPaginator(request -> ask(request, type, after)),
        page -> page.results().stream().map(entity).filter(Objects::nonNull).toList(),
        SearchResponse::nextToken,
        name,
        arn,
        status,
        creationTime,
        windowed,
        null,
        tags);
  }

  /**
   * One type, 100 a page; created at or after {@code after} when it is set. The filter takes the
   * instant in ISO 8601, to the second, rounded down: the window is checked again on each record.
   */
  private static void ask(SearchRequest.Builder request, ResourceType type, Instant after) {
    request.resource(type).maxResults(PAGE_SIZE);
    if (after != null) {
      String since = after.truncatedTo(ChronoUnit.SECONDS).toString();
      Filter created =
          Filter.builder()
              .name("CreationTime")
              .operator(Operator.GREATER_THAN_OR_EQUAL_TO)
              .value(since)
              .build();
      request.searchExpression(expression -> expression.filters(created));
    }
  }
}
