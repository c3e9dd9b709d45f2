package io.tagscan.model;

import java.util.Objects;

/**
 * A finding a live exemption waived, with the exemption's reason and where it was written ({@code
 * file:line}, or empty when unknown), so that reports can count and list what exemptions hide.
 */
public record Suppressed(Finding finding, String reason, String exemption) {

  public Suppressed {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(reason, "reason");
    exemption = Objects.requireNonNullElse(exemption, "");
  }
}
