package io.tagscan.rules;

import io.tagscan.model.RuleId;
import io.tagscan.model.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code untagged-resource}: a resource found by direct discovery (SageMaker's listing or Resource
 * Explorer, not the Tagging API) that carries no user tag at all.
 *
 * <p>Tagging API resources are left out on purpose: the API returns only resources that are or once
 * were tagged, so one with no tags left was untagged deliberately and its mandatory keys are
 * reported one by one; direct discovery finds resources that were never tagged, which is the gap
 * this rule names.
 */
final class UntaggedResourceRule implements ResourceRule {

  @Override
  public void check(ResolvedResource resource, FindingSink sink) {
    // Direct discovery is SageMaker's listing or Resource Explorer's index; a plan or template is
    // judged before it exists.
    Source source = resource.resource.source();
    boolean discovered = source == Source.SAGEMAKER || source == Source.RESOURCE_EXPLORER;
    if (!discovered || resource.userTagCount > 0) {
      return;
    }
    List<String> mandatory = new ArrayList<>();
    for (SpecInfo info : resource.scope.mandatory) {
      mandatory.add(info.key);
    }
    sink.add(
        RuleId.UNTAGGED_RESOURCE,
        null,
        null,
        "at least one user tag",
        mandatory.isEmpty()
            ? "tag the resource with its owner and workload"
            : "add the mandatory tags " + Texts.quotedList(mandatory),
        "resource found by direct discovery carries no user tags");
  }
}
