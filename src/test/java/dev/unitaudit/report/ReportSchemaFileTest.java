package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The report schema (packaged in the jar, copied to reports/) names exactly the fields the JSON
 * reporter writes: every object is closed, and its properties and required fields are the keys
 * Jackson emits for the records. Validation of whole reports against the schema is
 * ReportSchemaTest, which needs a JSON Schema validator on the test class path.
 */
class ReportSchemaFileTest {

  static final String RESOURCE = "/dev/unitaudit/report/report.schema.json";

  static JsonNode schema() throws Exception {
    try (InputStream in = ReportSchemaFileTest.class.getResourceAsStream(RESOURCE)) {
      assertNotNull(in, RESOURCE + " is packaged");
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void theCopyInReportsIsTheSameFile() throws Exception {
    assertEquals(
        Files.readString(Path.of("src/main/resources" + RESOURCE)),
        Files.readString(Path.of("reports/report.schema.json")));
  }

  @Test
  void everyObjectIsClosed() throws Exception {
    List<String> open = new ArrayList<>();
    walk(schema(), "#", open);
    assertEquals(List.of(), open, "objects without additionalProperties: false");
  }

  private static void walk(JsonNode n, String where, List<String> open) {
    if (n.isObject()) {
      if (n.has("properties") && !n.path("additionalProperties").isBoolean()) {
        open.add(where);
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        walk(n.get(k), where + "/" + k, open);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walk(n.get(i), where + "/" + i, open);
      }
    }
  }

  @Test
  void propertiesAndRequiredMatchWhatTheReporterWrites() throws Exception {
    JsonNode schema = schema();
    AuditReport typical = SampleReports.typical();
    AuditReport.UnitEntry first = typical.units().get(0);
    AuditReport.UnitEntry withSettings =
        new AuditReport.UnitEntry(
            first.unit(),
            first.aliases(),
            first.type(),
            first.status(),
            first.description(),
            first.fragment(),
            first.dropins(),
            first.exposure(),
            first.rating(),
            first.level(),
            first.checks(),
            first.findings(),
            first.rulesChecked(),
            List.of(
                new AuditReport.SettingEntry(
                    "Service", "ExecStart", "/bin/true", "etc/x.service", 3)));
    JsonNode report =
        new ObjectMapper()
            .readTree(
                new JsonReporter()
                    .render(
                        new AuditReport(
                            1,
                            typical.tool(),
                            "web-1",
                            List.of(withSettings),
                            typical.errors(),
                            ".unitaudit.json",
                            List.of(
                                new AuditReport.SuppressionEntry(
                                    "x.service",
                                    List.of("UA1001"),
                                    "legacy",
                                    "2027-06-30",
                                    "etc/x.service",
                                    1))),
                        null,
                        Reporter.RenderOptions.PLAIN));
    JsonNode unit = report.get("units").get(0);
    same(schema, report, Set.of("host", "config", "suppressions"));
    same(schema.get("properties").get("tool"), report.get("tool"), Set.of());
    same(schema.at("/$defs/unit"), unit, Set.of("settings"));
    same(schema.at("/$defs/check"), unit.get("checks").get(0), Set.of());
    same(schema.at("/$defs/finding"), unit.get("findings").get(0), Set.of());
    same(schema.at("/$defs/suppressed"), unit.get("findings").get(1).get("suppressed"), Set.of());
    same(schema.at("/$defs/setting"), unit.get("settings").get(0), Set.of());
    same(schema.at("/$defs/error"), report.get("errors").get(0), Set.of());
    same(schema.at("/$defs/suppression"), report.get("suppressions").get(0), Set.of());
  }

  /**
   * The schema object's properties are the instance's keys, and all but {@code optional} are
   * required.
   */
  private static void same(JsonNode def, JsonNode instance, Set<String> optional) {
    Set<String> keys = new LinkedHashSet<>();
    instance.fieldNames().forEachRemaining(keys::add);
    Set<String> props = new LinkedHashSet<>();
    def.get("properties").fieldNames().forEachRemaining(props::add);
    assertEquals(keys, props);
    Set<String> required = new LinkedHashSet<>();
    def.get("required").forEach(r -> required.add(r.asText()));
    Set<String> expected = new LinkedHashSet<>(keys);
    expected.removeAll(optional);
    assertEquals(expected, required);
    assertTrue(
        def.get("additionalProperties").isBoolean()
            && !def.get("additionalProperties").asBoolean());
  }
}
