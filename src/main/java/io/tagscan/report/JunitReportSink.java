package io.tagscan.report;

import io.tagscan.model.CheckedResource;
import io.tagscan.model.Finding;
import io.tagscan.model.Resource;
import io.tagscan.model.ScanError;
import io.tagscan.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JUnit XML report CI servers show natively: a test suite per account, a test case per resource
 * with a failure per finding at or above {@code --fail-on} (lower findings go to {@code
 * system-out}), and an erroring test case per part of the scan that could not be read.
 *
 * <p>Written by hand rather than through an XML writer, to control every escape: every field is
 * first made {@linkplain Escaping#visible visible} (invisible characters, line breaks included,
 * become {@code \\uXXXX} text, so no test name hides or reorders what it holds), then escaped for
 * XML.
 */
final class JunitReportSink implements ReportSink {

  private final Writer out;
  private ReportContext context;
  private Severity failOn;
  private final Deque<String> pendingSuites = new ArrayDeque<>();
  private final Map<String, List<ScanError>> errorsByAccount = new TreeMap<>();
  private String openSuite;

  JunitReportSink(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(ReportContext context) throws IOException {
    this.context = context;
    this.failOn = context.options().failOn();
    for (ScanError error : context.errors()) {
      errorsByAccount.computeIfAbsent(error.accountId(), id -> new ArrayList<>()).add(error);
    }
    TreeSet<String> suites = new TreeSet<>(context.summary().findingsByAccount().keySet());
    suites.addAll(errorsByAccount.keySet());
    pendingSuites.addAll(suites);
    Summary summary = context.summary();
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<testsuites name=\"tagscan\"");
    attribute("tests", summary.resources() + context.errors().size());
    attribute("failures", summary.resourcesAtOrAbove(failOn));
    attribute("errors", context.errors().size());
    out.write(">\n");
  }

  @Override
  public void resource(CheckedResource checked) throws IOException {
    String accountId = checked.resource().accountId();
    if (!accountId.equals(openSuite)) {
      closeSuite();
      while (!pendingSuites.isEmpty() && pendingSuites.peekFirst().compareTo(accountId) < 0) {
        String errorOnly = pendingSuites.removeFirst();
        openSuite(errorOnly);
        closeSuite();
      }
      if (!accountId.equals(pendingSuites.pollFirst())) {
        throw new IllegalStateException("resources out of order at account " + accountId);
      }
      openSuite(accountId);
    }
    testCase(checked);
  }

  private void openSuite(String accountId) throws IOException {
    Summary.AccountFigures figures = context.summary().findingsByAccount().get(accountId);
    long resources = figures == null ? 0 : figures.resources();
    long failures = figures == null ? 0 : figures.resourcesAtOrAbove(failOn);
    int errors = errorsByAccount.getOrDefault(accountId, List.of()).size();
    out.write("  <testsuite");
    attribute("name", suiteName(accountId));
    attribute("tests", resources + errors);
    attribute("failures", failures);
    attribute("errors", errors);
    out.write(">\n");
    openSuite = accountId;
  }

  private String suiteName(String accountId) {
    if (accountId.isEmpty()) {
      return "resources without an account";
    }
    String name = context.accountName(accountId);
    return name.isEmpty() ? "account " + accountId : "account " + accountId + " (" + name + ")";
  }

  private void closeSuite() throws IOException {
    if (openSuite == null) {
      return;
    }
    for (ScanError error : errorsByAccount.getOrDefault(openSuite, List.of())) {
      out.write("    <testcase");
      attribute("classname", className(error.accountId(), error.region()));
      attribute("name", error.operation());
      out.write(">\n      <error");
      attribute("type", error.code());
      attribute("message", error.message());
      out.write("/>\n    </testcase>\n");
    }
    out.write("  </testsuite>\n");
    openSuite = null;
  }

  private static String className(String accountId, String region) {
    return (accountId.isEmpty() ? "no-account" : accountId)
        + "."
        + (region.isEmpty() ? "global" : region);
  }

  private void testCase(CheckedResource checked) throws IOException {
    Resource resource = checked.resource();
    out.write("    <testcase");
    attribute("classname", className(resource.accountId(), resource.region()));
    attribute("name", resource.arn());
    List<Finding> below = new ArrayList<>();
    boolean body = false;
    for (Finding finding : checked.findings()) {
      if (failOn == null || !finding.severity().atLeast(failOn)) {
        below.add(finding);
        continue;
      }
      if (!body) {
        out.write(">\n");
        body = true;
      }
      out.write("      <failure");
      attribute("type", finding.rule().slug());
      attribute("message", finding.message());
      out.write('>');
      out.write(Escaping.xml(details(finding), false));
      out.write("</failure>\n");
    }
    if (!below.isEmpty()) {
      if (!body) {
        out.write(">\n");
        body = true;
      }
      StringBuilder text = new StringBuilder();
      for (Finding finding : below) {
        text.append(finding.severity().slug())
            .append(' ')
            .append(finding.rule().slug())
            .append(": ")
            .append(Escaping.visible(finding.message()));
        if (finding.fix() != null) {
          text.append(" Fix: ").append(Escaping.visible(finding.fix()));
        }
        text.append('\n');
      }
      out.write("      <system-out>");
      out.write(Escaping.xml(text.toString(), false));
      out.write("</system-out>\n");
    }
    out.write(body ? "    </testcase>\n" : "/>\n");
  }

  private static String details(Finding finding) {
    StringBuilder text = new StringBuilder();
    text.append("severity: ").append(finding.severity().slug()).append('\n');
    line(text, "key", finding.key());
    line(text, "value", finding.value());
    line(text, "expected", finding.expected());
    line(text, "fix", finding.fix());
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null) {
      text.append(label).append(": ").append(Escaping.visible(value)).append('\n');
    }
  }

  private void attribute(String name, Object value) throws IOException {
    out.write(' ');
    out.write(name);
    out.write("=\"");
    out.write(Escaping.xml(Escaping.visible(String.valueOf(value)), true));
    out.write('"');
  }

  @Override
  public void end() throws IOException {
    closeSuite();
    while (!pendingSuites.isEmpty()) {
      openSuite(pendingSuites.removeFirst());
      closeSuite();
    }
    out.write("</testsuites>\n");
    out.flush();
  }
}
