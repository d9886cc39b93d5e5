package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.unitaudit.app.Audit;
import dev.unitaudit.app.Selection;
import dev.unitaudit.app.Suppressions;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleLoader;
import dev.unitaudit.score.SecurityPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code -f codequality} against reports/codequality.schema.json (written from GitLab's
 * documentation), the schema against fixtures/codequality/{valid,invalid}, and the reporter's own
 * promises: exactly the documented fields, SARIF's fingerprints, accepted findings left out.
 */
class CodeQualityReporterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path FIXTURES = Path.of("fixtures/codequality");

  static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(Path.of("reports/codequality.schema.json")));
  }

  private static List<String> errors(Schema schema, JsonNode json) {
    return schema.validate(json).stream().map(Error::toString).toList();
  }

  private static String render(AuditReport r) {
    return new CodeQualityReporter()
        .render(r, SampleReports.catalog(), Reporter.RenderOptions.PLAIN);
  }

  private static List<AuditReport> reports() throws Exception {
    RuleCatalog catalog = RuleLoader.builtIn();
    Path cwd = Path.of("").toAbsolutePath();
    List<AuditReport> reports =
        new ArrayList<>(
            List.of(SampleReports.typical(), SampleReports.hostile(), SampleReports.empty()));
    reports.add(
        new Audit(catalog, SecurityPolicy.NONE, Suppressions.none(catalog), 3, true)
            .run(Selection.of(List.of("fixtures/showcase"), null, cwd)));
    try (Stream<Path> cases = Files.walk(Path.of("fixtures/rules"), 3)) {
      for (Path c :
          cases.filter(p -> p.getNameCount() == 5 && Files.isDirectory(p)).sorted().toList()) {
        reports.add(
            new Audit(catalog, SecurityPolicy.NONE, Suppressions.none(catalog), 3, true)
                .run(Selection.of(List.of(), c, cwd)));
      }
    }
    return reports;
  }

  @Test
  void everyReportIsValidAndHoldsOnlyTheDocumentedFields() throws Exception {
    Schema schema = schema();
    int issues = 0;
    for (AuditReport r : reports()) {
      String text = render(r);
      assertTrue(text.startsWith("["), "no byte order mark: GitLab's parser refuses one");
      JsonNode json = MAPPER.readTree(text);
      assertEquals(List.of(), errors(schema, json));
      for (JsonNode issue : json) {
        issues++;
        assertEquals(
            List.of("description", "check_name", "fingerprint", "severity", "location"),
            fieldNames(issue));
        assertEquals(List.of("path", "lines"), fieldNames(issue.get("location")));
        assertEquals(List.of("begin"), fieldNames(issue.get("location").get("lines")));
        assertTrue(issue.get("fingerprint").asText().matches("[0-9a-f]{64}"));
      }
    }
    assertTrue(issues > 100, "the fixture trees give many issues: " + issues);
  }

  @Test
  void oneIssuePerCountedFindingWithSarifsFingerprint() throws IOException {
    AuditReport r = SampleReports.typical();
    JsonNode issues = MAPPER.readTree(render(r));
    Iterator<JsonNode> it = issues.iterator();
    int suppressed = 0;
    for (AuditReport.UnitEntry u : r.units()) {
      for (AuditReport.FindingEntry f : u.findings()) {
        if (f.suppressed() != null) {
          suppressed++;
          continue;
        }
        JsonNode issue = it.next();
        assertEquals(Fingerprint.of(u.unit(), f), issue.get("fingerprint").asText());
        assertEquals(f.rule(), issue.get("check_name").asText());
        assertEquals(u.unit() + ": " + f.message(), issue.get("description").asText());
        assertEquals(f.line() == null ? 1 : f.line(), issue.at("/location/lines/begin").asInt());
        assertFalse(issue.at("/location/path").asText().startsWith("/"));
      }
    }
    assertFalse(it.hasNext());
    assertTrue(suppressed > 0, "the typical report has accepted findings, and they are left out");
  }

  @Test
  void severitiesMapOntoGitlabsFiveLevels() {
    assertEquals("blocker", CodeQualityReporter.severity("critical"));
    assertEquals("critical", CodeQualityReporter.severity("high"));
    assertEquals("major", CodeQualityReporter.severity("medium"));
    assertEquals("minor", CodeQualityReporter.severity("low"));
    assertEquals("info", CodeQualityReporter.severity("info"));
  }

  @Test
  void theSchemaAcceptsGitlabsExampleAndRejectsEachInvalidFixture() throws IOException {
    Schema schema = schema();
    List<Path> valid = list(FIXTURES.resolve("valid"));
    List<Path> invalid = list(FIXTURES.resolve("invalid"));
    assertEquals(2, valid.size());
    assertEquals(12, invalid.size());
    for (Path p : valid) {
      assertEquals(List.of(), errors(schema, MAPPER.readTree(p.toFile())), p.toString());
    }
    for (Path p : invalid) {
      assertFalse(errors(schema, MAPPER.readTree(p.toFile())).isEmpty(), p + " must fail");
    }
  }

  @Test
  void theSchemaCitesGitlabsDocumentation() throws IOException {
    String schema = Files.readString(Path.of("reports/codequality.schema.json"));
    assertTrue(
        schema.contains("https://docs.gitlab.com/ee/ci/testing/code_quality.html"), "cited page");
  }

  @Test
  void theShowcaseExampleIsValid() throws IOException {
    JsonNode json =
        MAPPER.readTree(
            Files.readString(Path.of("reports/showcase.codequality.json"), StandardCharsets.UTF_8));
    assertEquals(List.of(), errors(schema(), json));
    assertTrue(json.size() > 0);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
