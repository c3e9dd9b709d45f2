package io.tagscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Every JUnit XML file of the golden suites is valid against the JUnit schema Jenkins reads ({@code
 * jenkins-junit.xsd}, from the xUnit plugin), and gives each test case at most one failure, since
 * most readers show only the first.
 */
class JunitSchemaTest {

  private static final Path XSD = Paths.get("src/test/resources/jenkins-junit.xsd");

  private static Schema schema() throws SAXException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    return factory.newSchema(XSD.toFile());
  }

  static Stream<Path> junitFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Paths.get("src/test/resources/golden"))) {
      walk.filter(file -> file.getFileName().toString().endsWith("junit.xml"))
          .sorted()
          .forEach(files::add);
    }
    return files.stream();
  }

  @Test
  void findsTheGoldenJunitFiles() throws IOException {
    assertThat(junitFiles()).hasSizeGreaterThanOrEqualTo(9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("junitFiles")
  void isValidAgainstTheJenkinsJunitSchema(Path file) throws Exception {
    schema().newValidator().validate(new StreamSource(file.toFile()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("junitFiles")
  void givesEveryTestCaseATimeAndAtMostOneFailure(Path file) throws Exception {
    Document document =
        DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(file.toFile());
    assertThat(document.getDocumentElement().getAttribute("time")).isNotEmpty();
    NodeList suites = document.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      assertThat(suite.getAttribute("time")).isNotEmpty();
      assertThat(suite.getAttribute("skipped")).isNotEmpty();
    }
    NodeList cases = document.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      assertThat(testCase.getAttribute("time")).as(testCase.getAttribute("name")).isNotEmpty();
      assertThat(testCase.getElementsByTagName("failure").getLength())
          .as(testCase.getAttribute("name"))
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void rejectsASuiteWithoutItsCounts() {
    String xml = "<testsuites><testsuite name=\"x\" tests=\"1\"/></testsuites>";
    assertThatThrownBy(
            () -> schema().newValidator().validate(new StreamSource(new StringReader(xml))))
        .isInstanceOf(SAXException.class);
  }
}
