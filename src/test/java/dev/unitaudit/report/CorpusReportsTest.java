package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.cli.Main;
import dev.unitaudit.corpus.CorpusPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every format is valid for the whole of ../shared/corpus/public (issue 5, "Done when"): one audit
 * of the corpus root through the command line writes all seven formats; the JSON validates against
 * report.schema.json, the JUnit XML parses and its counts add up per suite and in total, the
 * Prometheus output passes a strict text-format parser (and promtool when installed; CI installs
 * it), the SARIF passes the official validator when CI=true, and the formats read on a terminal
 * carry no raw control character. Skipped with a message when the corpus is absent.
 */
class CorpusReportsTest {

  @Test
  void everyFormatIsValidForTheWholeCorpus(@TempDir Path tmp) throws Exception {
    Path root = CorpusPaths.requireCorpus().resolve("root");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--root",
                root.toString(),
                "--ignore-tree-config",
                "--no-fail",
                "-f",
                "json",
                "-o",
                tmp.resolve("corpus.json").toString()));
    Map<String, String> files =
        Map.of(
            "junit",
            "corpus.junit.xml",
            "sarif",
            "corpus.sarif",
            "prometheus",
            "corpus.prom",
            "text",
            "corpus.txt",
            "markdown",
            "corpus.md",
            "github",
            "corpus.github.txt");
    files.forEach(
        (format, file) -> args.addAll(List.of("--report", format + "=" + tmp.resolve(file))));
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            args.toArray(String[]::new));
    assertEquals(0, code, err.toString());
    List<String> summary = new ArrayList<>();

    // JSON: the schema
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("corpus.json").toFile());
    assertEquals(
        List.of(),
        ReportSchemaTest.schema().validate(report).stream()
            .map(Object::toString)
            .limit(20)
            .toList(),
        "corpus JSON against report.schema.json");
    int units = report.get("units").size();
    int findings = 0;
    Map<String, Integer> rulesChecked = new HashMap<>();
    for (JsonNode u : report.get("units")) {
      findings += u.get("findings").size();
      rulesChecked.put(u.get("unit").asText(), u.get("rulesChecked").size());
    }
    assertTrue(units > 400, "the corpus has hundreds of units: " + units);
    summary.add(
        "JSON: "
            + units
            + " units, "
            + findings
            + " findings, "
            + report.get("errors").size()
            + " errors; valid against report.schema.json");

    // JUnit: parses; per suite and in total, the counts are the elements
    Document doc = Validators.xml(Files.readAllBytes(tmp.resolve("corpus.junit.xml")));
    NodeList suites = doc.getDocumentElement().getElementsByTagName("testsuite");
    int[] total = new int[4];
    int[] elements = new int[4];
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      int[] counted = new int[4];
      NodeList cases = s.getElementsByTagName("testcase");
      counted[0] = cases.getLength();
      for (int c = 0; c < cases.getLength(); c++) {
        Element tc = (Element) cases.item(c);
        assertEquals(s.getAttribute("name"), tc.getAttribute("classname"));
        int f = tc.getElementsByTagName("failure").getLength();
        int e = tc.getElementsByTagName("error").getLength();
        int k = tc.getElementsByTagName("skipped").getLength();
        assertTrue(
            f + e + k <= 1,
            "one outcome per testcase: " + s.getAttribute("name") + " " + tc.getAttribute("name"));
        counted[1] += f;
        counted[2] += e;
        counted[3] += k;
      }
      String[] attrs = {"tests", "failures", "errors", "skipped"};
      for (int a = 0; a < 4; a++) {
        assertEquals(
            counted[a],
            Integer.parseInt(s.getAttribute(attrs[a])),
            s.getAttribute("name") + " " + attrs[a]);
        total[a] += Integer.parseInt(s.getAttribute(attrs[a]));
        elements[a] += counted[a];
      }
      Integer checked = rulesChecked.get(s.getAttribute("name"));
      if (checked != null) {
        assertTrue(counted[0] >= checked, "a testcase per rule checked: " + s.getAttribute("name"));
      }
    }
    assertEquals(doc.getElementsByTagName("testcase").getLength(), total[0], "tests in total");
    assertEquals(doc.getElementsByTagName("failure").getLength(), total[1], "failures in total");
    assertEquals(doc.getElementsByTagName("error").getLength(), total[2], "errors in total");
    assertEquals(doc.getElementsByTagName("skipped").getLength(), total[3], "skipped in total");
    assertTrue(
        suites.getLength() == units || suites.getLength() == units + 1,
        "a suite per unit (+ unitaudit's)");
    summary.add(
        "JUnit: "
            + suites.getLength()
            + " suites, "
            + total[0]
            + " tests, "
            + total[1]
            + " failures, "
            + total[2]
            + " errors, "
            + total[3]
            + " skipped; counts add up per suite and in total");

    // Prometheus: the strict parser, and promtool when present
    byte[] prom = Files.readAllBytes(tmp.resolve("corpus.prom"));
    PromText.Result parsed = PromText.parse(prom);
    assertEquals(
        List.of(), parsed.problems().stream().limit(20).toList(), "Prometheus text format");
    assertEquals(units, parsed.samplesPerFamily().get("unitaudit_unit_info"));
    assertEquals(units * 5, parsed.samplesPerFamily().get("unitaudit_findings"));
    summary.add(
        "Prometheus: "
            + parsed.types().size()
            + " families, "
            + parsed.samples()
            + " samples; strict parser OK");
    String promtool = Validators.promtoolCheck(tmp.resolve("corpus.prom"));
    if (promtool != null) {
      summary.add(promtool);
    }

    // the terminal formats
    for (String f : List.of("corpus.txt", "corpus.md", "corpus.github.txt")) {
      Validators.assertTerminalClean(Files.readString(tmp.resolve(f), StandardCharsets.UTF_8), f);
    }

    // SARIF: parses; the official validator under CI
    JsonNode sarif = new ObjectMapper().readTree(tmp.resolve("corpus.sarif").toFile());
    summary.add(
        "SARIF: "
            + sarif.get("runs").get(0).get("results").size()
            + " results, "
            + sarif.get("runs").get(0).get("tool").get("driver").get("rules").size()
            + " rules");
    if (Validators.ci()) {
      summary.add(Validators.sarifMultitool(tmp.resolve("corpus.sarif")));
    } else {
      System.out.println(
          "CorpusReportsTest: skipped the sarif-multitool validation (runs when CI=true)");
    }
    System.out.println("CorpusReportsTest:\n  " + String.join("\n  ", summary));
  }
}
