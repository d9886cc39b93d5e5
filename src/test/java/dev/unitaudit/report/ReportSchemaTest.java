package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reports validate against report.schema.json (JSON Schema 2020-12), and the schema rejects what
 * the report never holds. Needs the test dependency com.networknt:json-schema-validator 2.0.x (2.x
 * is the line built on Jackson 2, which this project uses; 3.x moved to Jackson 3).
 */
class ReportSchemaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Schema schema() throws IOException {
    try (InputStream in =
        ReportSchemaTest.class.getResourceAsStream(ReportSchemaFileTest.RESOURCE)) {
      JsonNode node = MAPPER.readTree(in);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(MAPPER.writeValueAsString(node));
    }
  }

  private static List<String> errors(Schema schema, AuditReport report) throws IOException {
    return errors(
        schema,
        MAPPER.readTree(new JsonReporter().render(report, null, Reporter.RenderOptions.PLAIN)));
  }

  private static List<String> errors(Schema schema, JsonNode json) {
    return schema.validate(json).stream().map(Error::toString).toList();
  }

  @Test
  void handWrittenReportsAreValid() throws IOException {
    Schema schema = schema();
    for (AuditReport r :
        List.of(SampleReports.typical(), SampleReports.hostile(), SampleReports.empty())) {
      assertEquals(List.of(), errors(schema, r));
    }
  }

  @Test
  void auditsOfTheFixtureTreesAreValid() throws Exception {
    Schema schema = schema();
    RuleCatalog catalog = RuleLoader.builtIn();
    Path cwd = Path.of("").toAbsolutePath();
    List<AuditReport> reports = new ArrayList<>();
    reports.add(
        new Audit(catalog, SecurityPolicy.NONE, Suppressions.none(catalog), 3, true)
            .run(Selection.of(List.of("fixtures/showcase"), null, cwd)));
    // every rule fixture case is a root-like tree: findings, suppressions and errors of all kinds
    try (Stream<Path> cases = Files.walk(Path.of("fixtures/rules"), 3)) {
      for (Path c :
          cases.filter(p -> p.getNameCount() == 5 && Files.isDirectory(p)).sorted().toList()) {
        reports.add(
            new Audit(catalog, SecurityPolicy.NONE, Suppressions.none(catalog), 3, true)
                .run(Selection.of(List.of(), c, cwd)));
      }
    }
    assertFalse(reports.size() < 2, "fixture trees found");
    for (AuditReport r : reports) {
      assertEquals(List.of(), errors(schema, r));
    }
  }

  @Test
  void theSchemaRejectsWhatAReportNeverHolds() throws IOException {
    Schema schema = schema();
    JsonNode good =
        MAPPER.readTree(
            new JsonReporter().render(SampleReports.typical(), null, Reporter.RenderOptions.PLAIN));

    ObjectNode extra = good.deepCopy();
    extra.put("extra", 1);
    assertFalse(errors(schema, extra).isEmpty(), "unknown top-level field");

    ObjectNode badStatus = good.deepCopy();
    ((ObjectNode) badStatus.get("units").get(0)).put("status", "running");
    assertFalse(errors(schema, badStatus).isEmpty(), "unknown status");

    ObjectNode missing = good.deepCopy();
    ((ObjectNode) missing.get("units").get(0).get("findings").get(0)).remove("suppressed");
    assertFalse(
        errors(schema, missing).isEmpty(), "suppressed is always present (null when it counts)");

    ObjectNode badSeverity = good.deepCopy();
    ((ObjectNode) badSeverity.get("units").get(0).get("findings").get(0)).put("severity", "HIGH");
    assertFalse(errors(schema, badSeverity).isEmpty(), "severity words are lower case");

    ObjectNode badLine = good.deepCopy();
    ((ObjectNode) badLine.get("units").get(0).get("findings").get(0)).put("line", 0);
    assertFalse(
        errors(schema, badLine).isEmpty(), "lines start at 1; a whole-file finding has null");
  }
}
