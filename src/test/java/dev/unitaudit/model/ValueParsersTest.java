package dev.unitaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The key-to-parser table of systemd 252 covers the directive catalog exactly, and every parser it
 * names is reproduced: ported, handled by the validator, or declared free text.
 */
class ValueParsersTest {

  private final ValueParsers parsers = ValueParsers.forVersion(252);

  @Test
  void everyCatalogKeyHasAParserAndNoOtherKeyDoes() throws Exception {
    TreeSet<String> catalog = new TreeSet<>();
    try (InputStream in = SettingCatalog.class.getResourceAsStream("directives.json")) {
      JsonNode sections = new ObjectMapper().readTree(in).get("sections");
      sections
          .fields()
          .forEachRemaining(
              e -> e.getValue().forEach(k -> catalog.add(e.getKey() + "." + k.asText())));
    }
    TreeSet<String> missing = new TreeSet<>(catalog);
    missing.removeAll(parsers.keys());
    TreeSet<String> extra = new TreeSet<>(parsers.keys());
    extra.removeAll(catalog);
    assertEquals(new TreeSet<>(), missing, "catalog keys without a parser");
    assertEquals(new TreeSet<>(), extra, "table keys the catalog does not know");
    assertTrue(catalog.size() > 1200, "catalog too small: " + catalog.size());
  }

  @Test
  void everyParserIsPortedHandledOrFreeText() {
    Map<ValueParsers.Handling, Integer> keys = new EnumMap<>(ValueParsers.Handling.class);
    TreeMap<String, String> notPorted = new TreeMap<>();
    for (String sk : parsers.keys()) {
      String[] p = sk.split("\\.", 2);
      ValueParsers.Handling h = parsers.handling(p[0], p[1]);
      keys.merge(h, 1, Integer::sum);
      if (h == ValueParsers.Handling.NOT_PORTED) {
        notPorted.put(sk, parsers.parserOf(p[0], p[1]));
      }
    }
    System.out.println("ValueParsersTest: keys by handling " + keys);
    assertEquals(Map.of(), notPorted, "keys whose parser is neither ported nor declared");
  }

  @Test
  void partialKeysAreTableKeys() {
    for (String sk : ValueParsers.PARTIAL) {
      assertTrue(parsers.keys().contains(sk), sk);
    }
  }

  @Test
  void onlyVersion252IsBuilt() {
    assertThrows(IllegalArgumentException.class, () -> ValueParsers.forVersion(257));
  }

  @Test
  void aPortedParserAnswersInSystemdsWords() {
    UnitName unit = UnitName.parse("a.service");
    assertEquals(
        "Failed to parse sec value, ignoring: 18446744073709",
        parsers
            .parse("Unit", "StartLimitIntervalSec", "18446744073709", unit)
            .messages()
            .get(0)
            .text());
    assertEquals(
        ParseResult.OK, parsers.parse("Unit", "StartLimitIntervalSec", "18446744073708", unit));
    assertEquals(
        "Invalid memory limit '-1K', ignoring: Numerical result out of range",
        parsers.parse("Service", "MemoryMax", "-1K", unit).messages().get(0).text());
    assertEquals(null, parsers.parse("Service", "ExecStart", "/bin/true", unit));
  }
}
