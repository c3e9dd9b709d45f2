package io.tagscan.report;

import static java.util.stream.Collectors.joining;

import io.tagscan.model.Account;
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
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report CI servers show natively: a test suite per account, a test case per resource
 * with one failure listing every finding at or above {@code --fail-on} (lower findings go to {@code
 * system-out}), and an erroring test case per part of the scan that could not be read.
 *
 * <p>One failure per resource, not one per finding: Jenkins, GitLab and most other readers show
 * only the first failure of a test case, so its message names every finding and its body holds each
 * finding's details. Every element carries the {@code time} the common JUnit schema expects ({@code
 * 0}: a check takes no time worth reporting), and each suite its {@code skipped} count.
 *
 * <p>Written through the JDK's {@link XMLStreamWriter}, which escapes markup, so the file is
 * well-formed whatever the input. Every field is first made {@linkplain Escaping#xmlText visible}
 * (invisible characters, line breaks included, and what XML 1.0 forbids become {@code \\uXXXX}
 * text, so no test name hides or reorders what it holds).
 */
final class JunitReportSink implements ReportSink {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  /** The {@code time} of every element, in seconds. */
  private static final String TIME = "0";

  private final Writer out;
  private XMLStreamWriter xml;
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
    try {
      xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      attribute("name", "tagscan");
      long unjudged =
          context.accounts().values().stream().filter(account -> !account.tagsKnown()).count();
      attribute("tests", summary.resources() + context.errors().size() + unjudged);
      attribute("failures", summary.resourcesAtOrAbove(failOn));
      attribute("errors", context.errors().size());
      attribute("time", TIME);
      xml.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  @Override
  public void resource(CheckedResource checked) throws IOException {
    try {
      add(checked);
    } catch (XMLStreamException e) {
      throw failure(e);
    }
  }

  private void add(CheckedResource checked) throws XMLStreamException {
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

  private void openSuite(String accountId) throws XMLStreamException {
    Summary.AccountFigures figures = context.summary().findingsByAccount().get(accountId);
    long resources = figures == null ? 0 : figures.resources();
    long failures = figures == null ? 0 : figures.resourcesAtOrAbove(failOn);
    int errors = errorsByAccount.getOrDefault(accountId, List.of()).size();
    // An account whose tags could not be read is among the resources, not judged: skipped.
    Account account = context.accounts().get(accountId);
    int skipped = account != null && !account.tagsKnown() ? 1 : 0;
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    attribute("name", suiteName(accountId));
    attribute("tests", resources + errors + skipped);
    attribute("failures", failures);
    attribute("errors", errors);
    attribute("skipped", skipped);
    attribute("time", TIME);
    xml.writeCharacters("\n");
    openSuite = accountId;
  }

  private String suiteName(String accountId) {
    if (accountId.isEmpty()) {
      return "resources without an account";
    }
    String name = context.accountName(accountId);
    return name.isEmpty() ? "account " + accountId : "account " + accountId + " (" + name + ")";
  }

  private void closeSuite() throws XMLStreamException {
    if (openSuite == null) {
      return;
    }
    for (ScanError error : errorsByAccount.getOrDefault(openSuite, List.of())) {
      xml.writeCharacters("    ");
      xml.writeStartElement("testcase");
      attribute("classname", className(error.accountId(), error.region()));
      attribute("name", error.operation());
      attribute("time", TIME);
      xml.writeCharacters("\n      ");
      xml.writeEmptyElement("error");
      attribute("type", error.code());
      attribute("message", error.message());
      xml.writeCharacters("\n    ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
    xml.writeCharacters("  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    openSuite = null;
  }

  private static String className(String accountId, String region) {
    return (accountId.isEmpty() ? "no-account" : accountId)
        + "."
        + (region.isEmpty() ? "global" : region);
  }

  private void testCase(CheckedResource checked) throws XMLStreamException {
    Resource resource = checked.resource();
    if (!checked.tagsKnown()) {
      xml.writeCharacters("    ");
      xml.writeStartElement("testcase");
      attribute("classname", className(resource.accountId(), resource.region()));
      attribute("name", resource.arn());
      attribute("time", TIME);
      xml.writeCharacters("\n      ");
      xml.writeEmptyElement("skipped");
      attribute("message", "not judged: the account's tags could not be read");
      xml.writeCharacters("\n    ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      return;
    }
    List<Finding> failing = new ArrayList<>();
    List<Finding> below = new ArrayList<>();
    for (Finding finding : checked.findings()) {
      if (failOn == null || !finding.severity().atLeast(failOn)) {
        below.add(finding);
      } else {
        failing.add(finding);
      }
    }
    boolean body = !failing.isEmpty() || !below.isEmpty();
    xml.writeCharacters("    ");
    if (body) {
      xml.writeStartElement("testcase");
    } else {
      xml.writeEmptyElement("testcase");
    }
    attribute("classname", className(resource.accountId(), resource.region()));
    attribute("name", resource.arn());
    attribute("time", TIME);
    if (!body) {
      xml.writeCharacters("\n");
      return;
    }
    xml.writeCharacters("\n");
    if (!failing.isEmpty()) {
      xml.writeCharacters("      ");
      xml.writeStartElement("failure");
      attribute("type", ruleSlugs(failing));
      attribute("message", failureMessage(failing));
      StringBuilder text = new StringBuilder();
      for (Finding finding : failing) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(details(finding));
      }
      xml.writeCharacters(text.toString());
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
    if (!below.isEmpty()) {
      StringBuilder text = new StringBuilder();
      for (Finding finding : below) {
        text.append(finding.severity().slug())
            .append(' ')
            .append(finding.rule().slug())
            .append(": ")
            .append(Escaping.xmlText(finding.message()));
        if (finding.fix() != null) {
          text.append(" Fix: ").append(Escaping.xmlText(finding.fix()));
        }
        text.append('\n');
      }
      xml.writeCharacters("      ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(text.toString());
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
    xml.writeCharacters("    ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  /** The distinct rules of the findings, in their order, such as {@code a, b}. */
  private static String ruleSlugs(List<Finding> findings) {
    return findings.stream().map(f -> f.rule().slug()).distinct().collect(joining(", "));
  }

  /**
   * The one-line message readers show as the failure's headline: one finding's message as it is, or
   * the count followed by every message, numbered.
   */
  private static String failureMessage(List<Finding> findings) {
    if (findings.size() == 1) {
      return findings.get(0).message();
    }
    StringBuilder text = new StringBuilder().append(findings.size()).append(" findings:");
    for (int i = 0; i < findings.size(); i++) {
      text.append(i == 0 ? " " : "; ").append(i + 1).append(". ").append(findings.get(i).message());
    }
    return text.toString();
  }

  private static String details(Finding finding) {
    StringBuilder text = new StringBuilder();
    text.append("rule: ").append(finding.rule().slug()).append('\n');
    text.append("severity: ").append(finding.severity().slug()).append('\n');
    line(text, "message", finding.message());
    line(text, "key", finding.key());
    line(text, "value", finding.value());
    line(text, "expected", finding.expected());
    line(text, "fix", finding.fix());
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null) {
      text.append(label).append(": ").append(Escaping.xmlText(value)).append('\n');
    }
  }

  private void attribute(String name, Object value) throws XMLStreamException {
    xml.writeAttribute(name, Escaping.xmlText(String.valueOf(value)));
  }

  @Override
  public void end() throws IOException {
    try {
      closeSuite();
      while (!pendingSuites.isEmpty()) {
        openSuite(pendingSuites.removeFirst());
        closeSuite();
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw failure(e);
    }
    out.flush();
  }

  /**
   * The writer's failure as the {@link IOException} it wraps, so that a full disk or a closed pipe
   * is reported like in every other format.
   */
  private static IOException failure(XMLStreamException e) {
    return e.getNestedException() instanceof IOException io
        ? io
        : new IOException(e.getMessage(), e);
  }
}
