package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import java.io.IOException;

/**
 * One report format being written: it receives the header, then every resource in order, then the
 * end; it writes to a writer it does not close.
 */
interface ReportSink {

  /** Called once, before any resource, with everything known up front. */
  void begin(ReportContext context) throws IOException;

  /** Called for every resource, sorted by account, region and ARN. */
  void resource(CheckedResource resource) throws IOException;

  /**
   * Called for every resource as the spool holds it; a format that can write from the record's
   * bytes overrides this, the others get the resource decoded.
   */
  default void resource(SpooledResource resource) throws IOException {
    resource(resource.checked());
  }

  /** Called once, after the last resource; the sink flushes what it holds. */
  void end() throws IOException;
}
