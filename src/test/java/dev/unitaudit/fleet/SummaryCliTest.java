package dev.unitaudit.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.fleet.FleetCorpusTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unitaudit audit --host} and {@code unitaudit summary} through the command line: the host
 * is written to the report, a report without one is named by its file, a file that is not a report
 * is named on stderr and exits 2 after the others are summarised.
 */
class SummaryCliTest {

  @TempDir Path tmp;

  Path audit(String name, String... host) {
    Path out = tmp.resolve(name);
    String[] args = {"fixtures/showcase", "--no-fail", "-f", "json", "-o", out.toString()};
    String[] all =
        java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(host))
            .toArray(String[]::new);
    Run r = FleetCorpusTest.run(all);
    assertEquals(0, r.code(), r.err());
    return out;
  }

  @Test
  void hostIsWrittenAndSummarised() throws Exception {
    Path web = audit("web.json", "--host", "web-1");
    Path plain = audit("staging.json");
    JsonNode report = new ObjectMapper().readTree(web.toFile());
    assertEquals("web-1", report.get("host").asText());
    assertFalse(new ObjectMapper().readTree(plain.toFile()).has("host"));
    Run r = FleetCorpusTest.run("summary", web.toString(), plain.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().startsWith("unitaudit summary: 2 hosts, 9 units (18 over all hosts), "), r.out());
    assertTrue(r.out().contains("\n  web-1 "), r.out());
    assertTrue(r.out().contains("\n  staging "), r.out());
    assertTrue(r.out().contains("Configuration that differs between hosts: none\n"), r.out());
    Run md = FleetCorpusTest.run("summary", "-f", "markdown", web.toString(), plain.toString());
    assertEquals(0, md.code(), md.err());
    assertTrue(md.out().contains("| web-1 | 9 |"), md.out());
  }

  @Test
  void aFileThatIsNotAReportExitsTwoAfterTheSummary() throws Exception {
    Path web = audit("web.json", "--host", "web-1");
    Path sarif = tmp.resolve("x.sarif");
    Files.writeString(sarif, "{\"version\": \"2.1.0\", \"runs\": []}");
    Run r = FleetCorpusTest.run("summary", web.toString(), sarif.toString());
    assertEquals(2, r.code());
    assertTrue(r.out().startsWith("unitaudit summary: 1 host, 9 units"), r.out());
    assertTrue(
        r.out().contains("not summarised: " + sarif + ": not a unitaudit JSON report"), r.out());
    assertTrue(
        r.err()
            .startsWith(
                "unitaudit summary: "
                    + sarif
                    + ": not a unitaudit JSON report (the report does not match"
                    + " report.schema.json): "),
        r.err());
  }

  @Test
  void usageErrors() throws Exception {
    Path web = audit("web.json");
    Run bad = FleetCorpusTest.run("summary", "-f", "sarif", web.toString());
    assertEquals(2, bad.code());
    assertEquals("unitaudit summary: unknown format 'sarif' (text, json, markdown)\n", bad.err());
    Run since = FleetCorpusTest.run("summary", "--since", web.toString(), web.toString());
    assertEquals(2, since.code());
    assertTrue(
        since
            .err()
            .startsWith(
                "unitaudit summary: "
                    + web
                    + ": not a unitaudit summary (unitaudit summary -f json;"
                    + " summary.schema.json): "),
        since.err());
    Run host = FleetCorpusTest.run("fixtures/showcase", "--host", "a\u001b[31m", "-f", "json");
    assertEquals(2, host.code());
    assertEquals(
        "unitaudit: --host 'a\\x1b[31m': expected a name of 1-253 printable characters\n",
        host.err());
    Run none = FleetCorpusTest.run("summary");
    assertEquals(2, none.code());
  }

  @Test
  void theSchemaInReportsIsThePackagedOne() throws Exception {
    assertEquals(
        Files.readString(Path.of("src/main/resources/dev/unitaudit/fleet/summary.schema.json")),
        Files.readString(Path.of("reports/summary.schema.json")));
  }
}
