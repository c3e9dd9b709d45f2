package io.tagscan.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's least-privilege policy allows exactly the SageMaker calls discovery makes. */
class SageMakerPolicyTest {

  private static final Pattern ACTION = Pattern.compile("\"sagemaker:(\\w+)\"");

  @Test
  void theReadmePolicyAllowsEverySageMakerCallAndNoOther() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("### Least-privilege IAM");
    assertThat(start).as("the README has its IAM section").isNotNegative();
    Set<String> allowed = new TreeSet<>();
    Matcher action = ACTION.matcher(readme.substring(start, readme.indexOf("## ", start + 4)));
    while (action.find()) {
      allowed.add(action.group(1));
    }

    Set<String> called = new TreeSet<>(Set.of("ListDomains", "ListTags"));
    for (SageMakerKind<?, ?> kind : SageMakerKinds.ALL_KINDS) {
      // A search is named Search:<type>; its action is sagemaker:Search whatever the type.
      called.add(kind.operation().replaceFirst(":.*", ""));
    }

    assertThat(allowed).isEqualTo(called);
  }
}
