package dev.unitaudit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loads every service systemd-analyze analysed in the public corpus and checks that each warning
 * systemd printed appears among ours at the same file:line with the same text, that masked units
 * are masked, and that every other unit loads.
 */
class CorpusWarningsTest {

  @Test
  void everySystemdWarningAtTheSameFileAndLine() throws Exception {
    Path corpus = CorpusPaths.requireCorpus();
    UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), corpus.resolve("root")));
    ObjectMapper om = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    int units = 0;
    int warnings = 0;
    for (String line : Files.readAllLines(corpus.resolve("oracle.jsonl"))) {
      JsonNode d = om.readTree(line);
      String name = d.get("unit").asText();
      Unit u = loader.load(name);
      units++;
      boolean masked =
          d.path("masked").asBoolean(false) || d.path("error").asText("").contains("masked");
      if (masked) {
        if (!u.status().word().equals("masked")) {
          problems.add(name + ": systemd says masked, we say " + u.status().word());
        }
        continue;
      }
      if (!u.status().word().equals("loaded")) {
        problems.add(
            name + ": systemd loads it, we say " + u.status().word() + " " + u.diagnostics());
        continue;
      }
      String reported = d.path("reported_unit").asText(name);
      if (!reported.equals(u.id()) && !reported.equals(name)) {
        problems.add(name + ": systemd reports it as " + reported + ", we as " + u.id());
      }
      for (JsonNode w : d.path("warnings")) {
        warnings++;
        String text = w.asText().replace("$ROOT/", "");
        boolean found = u.diagnostics().stream().map(Diagnostic::toString).anyMatch(text::equals);
        if (!found) {
          problems.add(name + ": missing warning '" + text + "', ours: " + u.diagnostics());
        }
      }
    }
    System.out.println(
        "corpus: " + units + " units loaded, " + warnings + " systemd warnings checked");
    assertTrue(units > 400, "oracle too small: " + units);
    assertEquals(List.of(), problems);
  }
}
