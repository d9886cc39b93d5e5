package dev.unitaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.model.SettingCatalog;
import dev.unitaudit.model.UnitType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Meta-tests over the built-in rule set (issue 13, item 4): what a reviewer of a new rules entry
 * would otherwise have to check by eye. The loader already refuses unknown fields, kinds, directive
 * keys, sections and diagnostic categories; these add what holds across entries.
 */
class RuleSetTest {

  private static List<Rule> rules() throws Exception {
    return RuleLoader.builtIn().all();
  }

  @Test
  void idsAreSortedWithinEachFileAndEachFileKeepsToOneBand() throws Exception {
    Map<String, List<String>> byFile = new HashMap<>();
    for (Rule r : rules()) {
      String file = r.source().substring(0, r.source().lastIndexOf(':'));
      byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(r.id());
    }
    Map<Character, String> bandOwner = new HashMap<>();
    byFile.forEach(
        (file, ids) -> {
          List<String> sorted = new ArrayList<>(ids);
          sorted.sort(null);
          assertEquals(sorted, ids, file + ": ids out of order");
          for (String id : ids) {
            String owner = bandOwner.putIfAbsent(id.charAt(2), file);
            assertTrue(
                owner == null || owner.equals(file),
                id + " in " + file + " is in the band of " + owner);
          }
        });
  }

  @Test
  void namesAreUnique() throws Exception {
    Map<String, String> seen = new HashMap<>();
    for (Rule r : rules()) {
      String prev = seen.put(r.name(), r.id());
      assertTrue(prev == null, r.name() + " names " + prev + " and " + r.id());
    }
  }

  @Test
  void titlesAndRationalesAreSentences() throws Exception {
    for (Rule r : rules()) {
      assertTrue(
          Character.isUpperCase(r.title().charAt(0)) || r.title().startsWith("systemd"),
          r.id() + " title: " + r.title());
      assertTrue(!r.title().endsWith("."), r.id() + " title ends with a period: " + r.title());
      String why = r.rationale();
      assertTrue(
          (Character.isUpperCase(why.charAt(0)) || why.startsWith("systemd")) && why.endsWith("."),
          r.id() + " rationale is not a sentence: " + why);
      assertTrue(why.length() >= 80, r.id() + " rationale too short to say why: " + why);
    }
  }

  @Test
  void fixWarningsNameDirectivesTheRuleCanWrite() throws Exception {
    SettingCatalog directives = SettingCatalog.get();
    for (Rule r : rules()) {
      for (String warned : r.fixWarnings().keySet()) {
        String key = warned.contains("=") ? warned.substring(0, warned.indexOf('=')) : warned;
        boolean known = false;
        for (String t : r.unitTypes()) {
          for (String section : UnitType.fromSuffix(t).sections()) {
            known |= directives.isKnown(section, key);
          }
        }
        assertTrue(known, r.id() + " fixWarnings names " + warned + ", no directive of its units");
      }
    }
  }

  @Test
  void fixSafeRulesAreOutsideTheLadderAndWriteADropIn() throws Exception {
    int safe = 0;
    for (Rule r : rules()) {
      if (r.fixSafe()) {
        safe++;
        assertEquals(null, r.level(), r.id());
        assertEquals(dev.unitaudit.result.FixKind.DROPIN, r.fixKind(), r.id());
      }
    }
    assertEquals(3, safe, "UA1018, UA2001 and UA2003 are the fixSafe rules");
  }

  @Test
  void systemdDocsPointAtTheManualOfTheVersionScored() throws Exception {
    for (Rule r : rules()) {
      assertTrue(
          r.docs().startsWith("https://www.freedesktop.org/software/systemd/man/252/")
              || !r.docs().contains("freedesktop.org"),
          r.id() + ": " + r.docs());
    }
  }
}
