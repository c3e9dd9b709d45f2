package io.tagscan.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc|aws|us-east-1|111122223333|ec2:instance",
        "arn:aws:s3:::my-bucket|aws|''|''|s3:bucket",
        "arn:aws:iam::111122223333:role/path/to/role|aws|''|111122223333|iam:role",
        "arn:aws:lambda:eu-west-1:111122223333:function:my-fn|aws|eu-west-1|111122223333|lambda:function",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/x:*|aws|us-east-1|111122223333|logs:log-group",
        "arn:aws:sns:us-east-1:111122223333:alerts|aws|us-east-1|111122223333|sns:topic",
        "arn:aws:sqs:us-east-1:111122223333:jobs|aws|us-east-1|111122223333|sqs:queue",
        "arn:aws:cloudfront::111122223333:distribution/E123|aws|''|111122223333|cloudfront:distribution",
        "arn:aws-us-gov:sagemaker:us-gov-west-1:111122223333:endpoint/e|aws-us-gov|us-gov-west-1|111122223333|sagemaker:endpoint",
        "arn:aws-cn:dynamodb:cn-north-1:111122223333:table/t|aws-cn|cn-north-1|111122223333|dynamodb:table",
        "arn:aws:kinesis:us-east-1:111122223333:stream|aws|us-east-1|111122223333|kinesis",
        "arn:aws-iso-b:ec2:us-isob-east-1:111122223333:instance/i|aws-iso-b|us-isob-east-1|111122223333|ec2:instance",
        "arn:aws:ec2:ap-southeast-5:111122223333:instance/i|aws|ap-southeast-5|111122223333|ec2:instance",
      })
  void readsEveryPartOfTheArn(
      String text, String partition, String region, String account, String type) {
    Arn arn = Arn.parse(text);

    assertThat(arn.partition()).isEqualTo(partition);
    assertThat(arn.region()).isEqualTo(region);
    assertThat(arn.accountId()).isEqualTo(account);
    assertThat(arn.resourceType()).isEqualTo(type);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "i-0abc|it does not start with 'arn:'",
        "arn:aws:ec2:us-east-1|six ':'-separated parts",
        "arn::ec2:us-east-1:1:instance/x|must not be empty",
        "arn:aws:ec2:us-east-1:1:|must not be empty",
        "arn:aws:ec2:us-east-1:1:instance/x|its account '1' is not 12 digits",
        "arn:aws:ec2:us-east-1:=1+1:instance/x|its account '=1+1' is not 12 digits",
        "arn:aws:ec2:us-east-1:1111222233334:instance/x|is not 12 digits",
        "arn:aws:ec2:us-east-1:11112222333x:instance/x|is not 12 digits",
        "arn:aws:ec2:=1+1:111122223333:instance/x|its region '=1+1' is not a region name",
        "arn:aws:ec2:<script>:111122223333:instance/x|its region '<script>' is not a region name",
        "arn:aws:ec2:us-east-1\\r\\n:111122223333:instance/x|its region 'us-east-1\\u000d\\u000a'",
        "arn:aws:ec2:Us-East-1:111122223333:instance/x|is not a region name",
        "arn:aws:ec2:us-east-:111122223333:instance/x|is not a region name",
        "arn:aws:ec2:us--east-1:111122223333:instance/x|is not a region name",
        "arn:aws:ec2:us-east-123:111122223333:instance/x|is not a region name",
        "arn:aws:ec2:useast-1:111122223333:instance/x|is not a region name"
      })
  void rejectsTextThatIsNotAnArn(String text, String reason) {
    String withBreaks = text.replace("\\r", "\r").replace("\\n", "\n");
    assertThatThrownBy(() -> Arn.parse(withBreaks))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @org.junit.jupiter.api.Test
  void parsesOrGivesNullForTextThatIsNoArn() {
    assertThat(Arn.parseOrNull("arn:aws:s3:::bucket")).isEqualTo(Arn.parse("arn:aws:s3:::bucket"));
    assertThat(Arn.parseOrNull("arn:aws:s3")).isNull();
    assertThat(Arn.parseOrNull("bucket")).isNull();
  }
}
