package dev.unitaudit.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas packaged in the jar (the same files as reports/), compiled once: the report's,
 * whole and its {@code unit} definition alone (a report is checked one unit at a time as it streams
 * past), and the summary's.
 */
final class Schemas {

  static final String REPORT_ID = "https://unitaudit.dev/report.schema.json";
  static final String SUMMARY_ID = "https://unitaudit.dev/summary.schema.json";

  private static final class Loaded {
    static final SchemaRegistry REGISTRY =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemas(
                    Map.of(
                        REPORT_ID, resource("/dev/unitaudit/report/report.schema.json"),
                        SUMMARY_ID, resource("/dev/unitaudit/fleet/summary.schema.json"))));
    static final Schema REPORT = REGISTRY.getSchema(SchemaLocation.of(REPORT_ID));
    static final Schema UNIT = REGISTRY.getSchema(SchemaLocation.of(REPORT_ID + "#/$defs/unit"));
    static final Schema SUMMARY = REGISTRY.getSchema(SchemaLocation.of(SUMMARY_ID));
  }

  private Schemas() {}

  private static String resource(String name) {
    try (InputStream in = Schemas.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not packaged");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report's top level (with its units left out): the schema's messages, empty when valid. */
  static List<String> report(JsonNode n) {
    return messages(Loaded.REPORT.validate(n));
  }

  /** One element of a report's {@code units}. */
  static List<String> unit(JsonNode n) {
    return messages(Loaded.UNIT.validate(n));
  }

  static List<String> summary(JsonNode n) {
    return messages(Loaded.SUMMARY.validate(n));
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(Error::toString).toList();
  }
}
