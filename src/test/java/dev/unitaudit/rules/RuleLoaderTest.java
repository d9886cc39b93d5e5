package dev.unitaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RuleLoader on its own (issue 13, item 7): the built-in families are the files of rules/, and user
 * rules (--rules) load as strictly, with file:line and a reason in every error.
 */
class RuleLoaderTest {

  @TempDir Path dir;

  private Path file(String name, String check, String extra) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(
        f,
        """
        {
          "family": "site",
          "rules": [
            {
              "id": "UA9001", "name": "private-network", "title": "Not network-isolated",
              "severity": "low", "unitTypes": ["service"],
              "check": %s,%s
              "message": "${key}= is ${actual}", "rationale": "Site policy.",
              "fix": ["[Service]", "PrivateNetwork=yes"],
              "docs": "https://www.freedesktop.org/software/systemd/man/252/systemd.exec.html"
            }
          ]
        }
        """
            .formatted(check, extra));
    return f;
  }

  private static final String GOOD =
      "{\"kind\": \"boolean\", \"section\": \"Service\", \"key\": \"PrivateNetwork\", \"want\":"
          + " true}";

  private String error(Path f) {
    RuleException e = assertThrows(RuleException.class, () -> RuleLoader.withUserRules(List.of(f)));
    return e.getMessage();
  }

  @Test
  void theBuiltInFamiliesAreTheFilesOfRulesFolder() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("rules"))) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.endsWith(".schema.json"))
          .forEach(files::add);
    }
    assertEquals(new TreeSet<>(files), RuleLoader.builtInFiles().keySet());
    TreeSet<String> families = new TreeSet<>();
    RuleLoader.builtIn().all().forEach(r -> families.add(r.family() + ".json"));
    assertEquals(new TreeSet<>(files), families);
  }

  @Test
  void theCatalogIsInIdOrder() throws Exception {
    List<String> ids = RuleLoader.builtIn().all().stream().map(Rule::id).toList();
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(sorted, ids);
  }

  @Test
  void userRulesJoinTheBuiltInOnes() throws Exception {
    RuleCatalog c = RuleLoader.withUserRules(List.of(file("site.json", GOOD, "")));
    assertEquals("site", c.find("UA9001").orElseThrow().family());
    assertEquals(RuleLoader.builtIn().all().size() + 1, c.all().size());
  }

  @Test
  void aMisspeltKeyIsAnError() throws Exception {
    Path f = file("site.json", GOOD.replace("PrivateNetwork", "PrivateNetwrok"), "");
    assertEquals(
        f + ":4: check key \"PrivateNetwrok\" is no directive of [Service] in systemd 252",
        error(f));
  }

  @Test
  void aSectionOfAnotherUnitTypeIsAnError() throws Exception {
    Path f = file("site.json", GOOD.replace("\"Service\"", "\"Timer\""), "");
    assertEquals(
        f
            + ":4: check section \"Timer\" is not a section of service units (Unit, Service,"
            + " Install)",
        error(f));
  }

  @Test
  void aMisspeltDiagnosticCategoryIsAnError() throws Exception {
    Path f = file("site.json", "{\"kind\": \"diagnostic\", \"categories\": [\"unknwon-key\"]}", "");
    String e = error(f);
    assertTrue(
        e.startsWith(
            f
                + ":4: bad parameters for check kind diagnostic: unknown diagnostic category"
                + " \"unknwon-key\" (known: deprecated, file-error, ineffective,"),
        e);
  }

  @Test
  void unknownFieldsKindsAndDuplicateIdsAreErrors() throws Exception {
    assertEquals(
        dir.resolve("a.json") + ":4: unknown field \"severityy\"",
        error(file("a.json", GOOD, " \"severityy\": \"low\",")));
    String kind = error(file("b.json", "{\"kind\": \"bolean\"}", ""));
    assertTrue(kind.contains(":4: unknown check kind \"bolean\" (known: "), kind);
    Path dup = file("c.json", GOOD, "");
    RuleException e =
        assertThrows(RuleException.class, () -> RuleLoader.withUserRules(List.of(dup, dup)));
    assertTrue(e.getMessage().contains(": duplicate rule id UA9001 (first at "), e.getMessage());
  }

  @Test
  void fixSafeIsForRulesOutsideTheLadder() throws Exception {
    Path f = file("site.json", GOOD, " \"level\": 2, \"fixSafe\": true,");
    assertTrue(
        error(f)
            .endsWith(
                "fixSafe is for rules outside the ladder (a ladder rule is fixed up to --level)"),
        error(f));
    Path w = file("w.json", GOOD, " \"fixWarnings\": {\"private network\": \"x\"},");
    assertTrue(
        error(w).endsWith("fixWarnings key \"private network\" is not Key or Key=value"), error(w));
  }

  @Test
  void aMissingRulesPathIsAnErrorNamingIt() {
    Path missing = dir.resolve("nope.json");
    assertTrue(error(missing).startsWith(missing + ": cannot be read"), error(missing));
  }

  @Test
  void aFolderLoadsItsJsonFilesButNotSchemas() throws Exception {
    file("site.json", GOOD, "");
    Files.writeString(dir.resolve("rules.schema.json"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "not rules");
    RuleCatalog c = RuleLoader.withUserRules(List.of(dir));
    assertTrue(c.find("UA9001").isPresent());
  }
}
