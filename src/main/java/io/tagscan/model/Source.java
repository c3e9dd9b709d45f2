package io.tagscan.model;

/** Where a resource record came from. */
public enum Source {
  TAGGING_API("tagging-api"),
  SAGEMAKER("sagemaker"),
  RESOURCE_EXPLORER("resource-explorer"),
  ORGANIZATIONS("organizations"),
  /** A resource change of a Terraform plan ({@code terraform show -json}), before apply. */
  TERRAFORM_PLAN("terraform-plan"),
  /** A resource of a CloudFormation or SAM template, before deploy. */
  CLOUDFORMATION("cloudformation");

  private final String slug;

  Source(String slug) {
    this.slug = slug;
  }

  /** The name used in reports and snapshots. */
  public String slug() {
    return slug;
  }

  /** True for a resource read from infrastructure as code rather than from AWS. */
  public boolean beforeDeploy() {
    return this == TERRAFORM_PLAN || this == CLOUDFORMATION;
  }

  /** Parses a slug; returns null for anything else. */
  public static Source fromSlug(String slug) {
    for (Source source : values()) {
      if (source.slug.equals(slug)) {
        return source;
      }
    }
    return null;
  }
}
