package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The JUnit XML is well-formed whatever the report holds, and its counts add up. */
class JunitReporterTest {

  /** The attributes the strict Ant schema declares, plus skipped (count and element). */
  private static final Map<String, Set<String>> ATTRIBUTES =
      Map.of(
          "testsuites", Set.of(),
          "testsuite",
              Set.of(
                  "name",
                  "id",
                  "package",
                  "tests",
                  "failures",
                  "errors",
                  "skipped",
                  "time",
                  "timestamp",
                  "hostname"),
          "properties", Set.of(),
          "property", Set.of("name", "value"),
          "testcase", Set.of("classname", "name", "time"),
          "failure", Set.of("type", "message"),
          "error", Set.of("type", "message"),
          "skipped", Set.of("message"),
          "system-out", Set.of(),
          "system-err", Set.of());

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String render(AuditReport r) {
    return new JunitReporter().render(r, SampleReports.catalog(), Reporter.RenderOptions.PLAIN);
  }

  @Test
  void everyReportGivesWellFormedXmlWithCountsThatAddUp() throws Exception {
    for (AuditReport r :
        List.of(SampleReports.typical(), SampleReports.hostile(), SampleReports.empty())) {
      String xml = render(r);
      assertFalse(xml.contains("<![CDATA["), "no CDATA section");
      Document doc = parse(xml);
      Element root = doc.getDocumentElement();
      assertEquals("testsuites", root.getTagName());
      checkAttributes(root);
      NodeList suites = root.getElementsByTagName("testsuite");
      for (int i = 0; i < suites.getLength(); i++) {
        Element s = (Element) suites.item(i);
        assertEquals(String.valueOf(i), s.getAttribute("id"));
        NodeList cases = s.getElementsByTagName("testcase");
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (int c = 0; c < cases.getLength(); c++) {
          Element tc = (Element) cases.item(c);
          assertEquals(s.getAttribute("name"), tc.getAttribute("classname"));
          int outcomes = tc.getElementsByTagName("*").getLength();
          assertTrue(outcomes <= 1, "at most one of failure, error, skipped");
          failures += tc.getElementsByTagName("failure").getLength();
          errors += tc.getElementsByTagName("error").getLength();
          skipped += tc.getElementsByTagName("skipped").getLength();
        }
        assertEquals(cases.getLength(), Integer.parseInt(s.getAttribute("tests")));
        assertEquals(failures, Integer.parseInt(s.getAttribute("failures")));
        assertEquals(errors, Integer.parseInt(s.getAttribute("errors")));
        assertEquals(skipped, Integer.parseInt(s.getAttribute("skipped")));
      }
    }
  }

  private static void checkAttributes(Element e) {
    Set<String> allowed = ATTRIBUTES.get(e.getTagName());
    assertTrue(allowed != null, "unexpected element " + e.getTagName());
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      assertTrue(
          allowed.contains(attrs.item(i).getNodeName()),
          e.getTagName() + " has " + attrs.item(i).getNodeName());
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        checkAttributes(child);
      }
    }
  }

  @Test
  void oneTestcasePerRuleCheckedAndPassesAreEmpty() throws Exception {
    Document doc = parse(render(SampleReports.typical()));
    Element nginx = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertEquals("nginx.service", nginx.getAttribute("name"));
    NodeList cases = nginx.getElementsByTagName("testcase");
    assertEquals(4, cases.getLength());
    assertEquals(
        "UA1001 Service can gain new privileges", ((Element) cases.item(0)).getAttribute("name"));
    Element timer = (Element) doc.getElementsByTagName("testsuite").item(1);
    Element pass = (Element) timer.getElementsByTagName("testcase").item(0);
    assertFalse(pass.hasChildNodes(), "a passing rule is an empty testcase");
  }

  @Test
  void failureCarriesMessageAndLocation() throws Exception {
    Document doc = parse(render(SampleReports.typical()));
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertEquals("high", failure.getAttribute("type"));
    assertEquals("NoNewPrivileges= is unset", failure.getAttribute("message"));
    assertTrue(
        failure.getTextContent().startsWith("etc/systemd/system/nginx.service:7: high UA1001: "));
  }

  @Test
  void hostileTextSurvivesAsVisibleText() throws Exception {
    Document doc = parse(render(SampleReports.hostile()));
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    // control characters visible, markup literal, the one non-XML character dropped, line feed kept
    String expected = TextSafety.cleanLines(SampleReports.HOSTILE).replace("\ufffe", "");
    assertEquals(expected, failure.getAttribute("message"));
    assertTrue(
        expected.contains("]]> <b>&amp;</b>")
            && expected.contains("\\x1b[31m")
            && expected.contains("\n"));
  }

  @Test
  void unitsThatWereNotAuditedAreErrorsOrSkipped() throws Exception {
    Document doc = parse(render(SampleReports.typical()));
    NodeList suites = doc.getElementsByTagName("testsuite");
    Map<String, String> outcome =
        Map.of(
            "gone.service",
            "error",
            "off.service",
            "skipped",
            "bad.service",
            "error",
            JunitReporter.TOOL_SUITE,
            "error");
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      String want = outcome.get(s.getAttribute("name"));
      if (want != null) {
        assertEquals(1, s.getElementsByTagName(want).getLength(), s.getAttribute("name"));
      }
    }
    Element missing = (Element) suites.item(3);
    assertEquals(
        "not-found",
        ((Element) missing.getElementsByTagName("error").item(0)).getAttribute("type"));
  }
}
