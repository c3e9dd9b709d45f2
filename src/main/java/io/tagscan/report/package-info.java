/**
 * Turns one stream of checked resources into every report format (JSON, CSV, JUnit XML, Markdown
 * and the terminal table) with bounded memory, a deterministic order and files that appear only
 * when complete; {@link io.tagscan.report.ReportPipeline} is the entry point.
 */
package io.tagscan.report;
