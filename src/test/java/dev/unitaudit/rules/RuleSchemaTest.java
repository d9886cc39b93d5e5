package dev.unitaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.unitaudit.check.CheckKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * rules/rules.schema.json describes what RuleLoader accepts: every built-in rules file validates,
 * the schema's entry fields and check kinds are the loader's, and what the loader refuses (an
 * unknown scope or fixKind) the schema refuses too.
 */
class RuleSchemaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SCHEMA = Path.of("rules/rules.schema.json");

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(SCHEMA));
  }

  private static List<String> errors(Schema s, JsonNode n) {
    return s.validate(n).stream().map(Error::toString).toList();
  }

  @Test
  void everyBuiltInRulesFileValidates() throws Exception {
    Schema s = schema();
    for (String f : RuleLoader.builtInFiles().keySet()) {
      assertEquals(List.of(), errors(s, MAPPER.readTree(Path.of("rules", f).toFile())), f);
    }
  }

  @Test
  void theSchemaNamesTheLoadersFieldsAndKinds() throws IOException {
    JsonNode schema = MAPPER.readTree(SCHEMA.toFile());
    Set<String> fields = new TreeSet<>();
    schema.get("$defs").get("rule").get("properties").fieldNames().forEachRemaining(fields::add);
    assertEquals(new TreeSet<>(RuleLoader.fields()), fields);
    Set<String> kinds = new TreeSet<>();
    schema
        .get("$defs")
        .get("rule")
        .get("properties")
        .get("check")
        .get("properties")
        .get("kind")
        .get("enum")
        .forEach(k -> kinds.add(k.asText()));
    assertEquals(new TreeSet<>(CheckKinds.names()), kinds);
  }

  @Test
  void anUnknownScopeOrFixKindIsRefusedByBoth() throws IOException {
    Schema s = schema();
    ObjectNode file = (ObjectNode) MAPPER.readTree(Path.of("rules/alerting.json").toFile());
    ObjectNode rule = (ObjectNode) file.get("rules").get(0);
    rule.put("scope", "vendor");
    assertFalse(errors(s, file).isEmpty(), "scope vendor");
    rule.put("scope", "site");
    rule.put("fixKind", "patch");
    assertFalse(errors(s, file).isEmpty(), "fixKind patch");
  }
}
